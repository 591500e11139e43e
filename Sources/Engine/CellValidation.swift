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
    try finiteOverRange(cell)
  }

  /// Material functions must give numbers wherever the model may evaluate them: OCPs and
  /// solid diffusivities over 0…1, electrolyte properties over (0, 4 c0].
  private static func finiteOverRange(_ cell: CellParameters) throws(SimulationError) {
    let t = cell.temperatureK
    for (name, electrode) in [("negative", cell.negative), ("positive", cell.positive)] {
      for index in 0...200 {
        let x = Double(index) / 200
        guard electrode.openCircuitPotential.value(x: x, temperature: t).isFinite else {
          throw SimulationError(
            subject: "\(name).ocp",
            message: "is not a finite number at x = \(x); keep it defined on 0…1")
        }
        guard electrode.diffusivity.value(x: x, temperature: t) > 0 else {
          throw SimulationError(
            subject: "\(name).diffusivity",
            message: "must be positive on 0…1; it is not at x = \(x)")
        }
      }
    }
    let c0 = cell.electrolyte.initialConcentrationMolM3
    let properties: [(String, MaterialFunction)] = [
      ("electrolyte.diffusivity", cell.electrolyte.diffusivity),
      ("electrolyte.conductivity", cell.electrolyte.conductivity),
      ("electrolyte.thermodynamic_factor", cell.electrolyte.thermodynamicFactor),
    ]
    for (name, function) in properties {
      for index in 1...200 {
        let c = 4 * c0 * Double(index) / 200
        let value = function.value(c: c, temperature: t)
        guard value.isFinite, value > 0 else {
          throw SimulationError(
            subject: name,
            message:
              "must be positive and finite for 0 < c ≤ 4 c0; it is \(value) at c = \(c) mol/m3")
        }
      }
    }
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
