/// The catalogue of the columns a curve figure plots from a step's time series, in the units
/// they are kept in (time h, capacity mAh/cm², SOC %, potentials V, overpotentials mV).
public enum CurveColumn: String, CaseIterable, Sendable {
  /// Time since the step began (an x axis).
  case time
  /// Charge passed since the step began (an x axis).
  case capacity
  /// Global state of charge (an x axis).
  case soc
  /// Terminal voltage.
  case voltage
  /// Open-circuit voltage at the mean stoichiometries.
  case ocv
  /// |V − OCV|.
  case netOverpotential = "net_overpotential"
  /// |η−| + |η+|.
  case reactionOverpotential = "reaction_overpotential"
  /// |particle-surface and electrolyte diffusion parts|.
  case concentrationOverpotential = "concentration_overpotential"
  /// |electrolyte and solid ohmic parts|.
  case ohmicDrop = "ohmic_drop"
  /// Negative electrode against Li at the separator.
  case negativePotential = "negative_potential"
  /// Positive electrode against Li at the separator.
  case positivePotential = "positive_potential"
  /// Mean stoichiometry of the negative electrode.
  case negativeStoichiometry = "negative_stoichiometry"
  /// Mean stoichiometry of the positive electrode.
  case positiveStoichiometry = "positive_stoichiometry"
  /// Change of the negative electrode's mean stoichiometry since the step began.
  case negativeUtilization = "negative_utilization"
  /// Change of the positive electrode's mean stoichiometry since the step began.
  case positiveUtilization = "positive_utilization"

  /// The columns a curve's x axis may be.
  public static let axes: [CurveColumn] = [.capacity, .soc, .time]

  /// The columns a curve's y axis may be.
  public static var quantities: [CurveColumn] { allCases.filter { !axes.contains($0) } }

  /// What the column holds.
  public var meaning: String {
    switch self {
    case .time: return "time since the step began, h"
    case .capacity: return "charge passed since the step began, mAh/cm²"
    case .soc: return "net charge stored over the smaller practical capacity, %"
    case .voltage: return "terminal voltage, V"
    case .ocv: return "open-circuit voltage at the mean stoichiometries, V"
    case .netOverpotential: return "voltage minus OCV, V"
    case .reactionOverpotential: return "η_p − η_n averaged over each electrode, V"
    case .concentrationOverpotential: return "particle-surface and electrolyte diffusion parts, V"
    case .ohmicDrop: return "electrolyte and solid ohmic parts, V"
    case .negativePotential: return "negative electrode against Li at the separator, V"
    case .positivePotential: return "positive electrode against Li at the separator, V"
    case .negativeStoichiometry: return "mean stoichiometry of the negative electrode"
    case .positiveStoichiometry: return "mean stoichiometry of the positive electrode"
    case .negativeUtilization:
      return "change of the negative electrode's mean stoichiometry since the step began"
    case .positiveUtilization:
      return "change of the positive electrode's mean stoichiometry since the step began"
    }
  }

  /// The factor from SI to the unit the column is kept in (mAh/cm² per C/m², h per s).
  public var displayPerSI: Double {
    switch self {
    case .time: return 1 / 3600
    case .capacity: return 1 / ArealCharge.coulombsPerM2PerMAhCm2
    case .soc: return 100
    case .netOverpotential, .reactionOverpotential, .concentrationOverpotential, .ohmicDrop:
      return 1000
    default: return 1
    }
  }

  /// The SI dimension of its values (what a measured column drawn on it must have).
  public var dimension: UnitDimension {
    switch self {
    case .time: return .time
    case .capacity: return .arealCharge
    case .voltage, .ocv, .netOverpotential, .reactionOverpotential, .concentrationOverpotential,
      .ohmicDrop, .negativePotential, .positivePotential:
      return .voltage
    default: return .none
    }
  }

  /// The axis label (RichText markup) and the unit the column is kept in.
  public var label: (text: String, unit: String) {
    switch self {
    case .time: return ("Time", "h")
    case .capacity: return ("Capacity", "mAh/cm2")
    case .soc: return ("Global SOC", "%")
    case .voltage: return ("Voltage", "V")
    case .ocv: return ("Equilibrium voltage", "V")
    case .netOverpotential: return ("Net overpotential", "mV")
    case .reactionOverpotential: return ("Reaction overpotential", "mV")
    case .concentrationOverpotential: return ("Concentration overpotential", "mV")
    case .ohmicDrop: return ("Ohmic drop", "mV")
    case .negativePotential: return ("Anode vs Li/Li^+", "V")
    case .positivePotential: return ("Cathode vs Li/Li^+", "V")
    case .negativeStoichiometry: return ("Anode stoichiometry", "")
    case .positiveStoichiometry: return ("Cathode stoichiometry", "")
    case .negativeUtilization: return ("Anode utilization", "")
    case .positiveUtilization: return ("Cathode utilization", "")
    }
  }
}

/// The catalogue of the columns a profile figure plots along the cell at a step's end.
public enum ProfileColumn: String, CaseIterable, Sendable {
  /// Position from the negative current collector (the x axis).
  case x
  /// Electrolyte concentration.
  case electrolyteConcentration = "electrolyte_concentration"
  /// Electrolyte potential.
  case electrolytePotential = "electrolyte_potential"
  /// Solid potential (none in the separator).
  case solidPotential = "solid_potential"
  /// Particle-surface stoichiometry (none in the separator).
  case surfaceStoichiometry = "surface_stoichiometry"
  /// Interfacial current density (zero in the separator).
  case reactionRate = "reaction_rate"

  /// The columns a profile's y axis may be.
  public static var quantities: [ProfileColumn] { allCases.filter { $0 != .x } }

  /// The axis label (RichText markup) and the unit the column is kept in.
  public var label: (text: String, unit: String) {
    switch self {
    case .x: return ("Position", "um")
    case .electrolyteConcentration: return ("c_{e}", "mol/m3")
    case .electrolytePotential: return ("\\phi_{e}", "V")
    case .solidPotential: return ("\\phi_{s}", "V")
    case .surfaceStoichiometry: return ("Surface stoichiometry", "")
    case .reactionRate: return ("Interfacial current density", "A/m2")
    }
  }
}
