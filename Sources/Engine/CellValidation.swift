import Electrochem
import StudyModel

/// Checks that a cell's parameters are physical before any solving.
enum CellValidation {
  static func check(_ cell: CellParameters) throws(SimulationError) {
    try checkElectrode(cell.negative, name: "negative")
    try checkElectrode(cell.positive, name: "positive")
    try positive(cell.separator.thicknessM, "separator.thickness")
    try fraction(cell.separator.porosity, "separator.porosity")
    try positive(cell.electrolyte.initialConcentrationMolM3, "electrolyte.initial_concentration")
    let t = cell.electrolyte.transferenceNumber
    guard t >= 0, t < 1 else {
      throw SimulationError(
        subject: "electrolyte.transference_number", message: "must be in [0, 1), got \(t)")
    }
    try positive(cell.temperatureK, "temperature")
    try positive(cell.areaM2, "area")
  }

  private static func checkElectrode(_ e: ElectrodeParameters, name: String) throws(SimulationError)
  {
    try positive(e.thicknessM, "\(name).thickness")
    try fraction(e.porosity, "\(name).porosity")
    try fraction(e.activeFraction, "\(name).active_fraction")
    guard e.porosity + e.activeFraction <= 1 + 1e-12 else {
      throw SimulationError(
        subject: "\(name).active_fraction",
        message:
          "porosity \(e.porosity) and active fraction \(e.activeFraction) add up to more than 1")
    }
    try positive(e.particleRadiusM, "\(name).particle_radius")
    try positive(e.conductivitySM, "\(name).conductivity")
    try positive(e.maxConcentrationMolM3, "\(name).max_concentration")
    try positive(e.rateConstant, "\(name).rate_constant")
    guard e.filmResistanceOhmM2 >= 0 else {
      throw SimulationError(subject: "\(name).film_resistance", message: "must not be negative")
    }
    guard e.anodicTransferCoefficient > 0, e.anodicTransferCoefficient < 1 else {
      throw SimulationError(subject: "\(name).transfer_coefficient", message: "must be in (0, 1)")
    }
    guard e.initialStoichiometry > 0, e.initialStoichiometry < 1 else {
      throw SimulationError(
        subject: "\(name).initial_stoichiometry",
        message: "must be strictly between 0 and 1, got \(e.initialStoichiometry)")
    }
    let ocp = e.openCircuitPotential.value(x: e.initialStoichiometry, temperature: 298.15)
    guard ocp.isFinite else {
      throw SimulationError(
        subject: "\(name).ocp", message: "is not finite at the initial stoichiometry")
    }
  }

  private static func positive(_ value: Double, _ subject: String) throws(SimulationError) {
    guard value > 0, value.isFinite else {
      throw SimulationError(subject: subject, message: "must be a positive number, got \(value)")
    }
  }

  private static func fraction(_ value: Double, _ subject: String) throws(SimulationError) {
    guard value > 0, value < 1 else {
      throw SimulationError(
        subject: subject, message: "must be strictly between 0 and 1, got \(value)")
    }
  }
}
