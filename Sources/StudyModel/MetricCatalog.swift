/// How a value stored in SI is shown in figures, tables, the manifest and the prose: the unit
/// as study files write it and the factor from SI.
public struct DisplayUnit: Sendable, Equatable {
  /// The unit ("mAh/cm2"; empty for a plain number).
  public let text: String
  /// Display value = SI value × `perSI`.
  public let perSI: Double

  /// A unit.
  public init(_ text: String, perSI: Double) {
    self.text = text
    self.perSI = perSI
  }

  /// A plain number, shown as stored.
  public static let plain = DisplayUnit("", perSI: 1)
}

/// The catalogue of every per-step quantity a study can name as `STEP.METRIC`.
///
/// Claims, observations, tables, sweep figures and the prose all name quantities from here:
/// each metric's name, meaning, SI dimension, label and display units. The Analysis target
/// computes each (`Metric.value`).
public enum Metric: String, CaseIterable, Sendable, Hashable {
  /// Charge passed per electrode area.
  case capacity
  /// Charge per mass of negative active material.
  case capacityPerGramNegative = "capacity_per_gram_negative"
  /// Charge per mass of positive active material.
  case capacityPerGramPositive = "capacity_per_gram_positive"
  /// Energy per electrode area.
  case energy
  /// Energy over charge.
  case averageVoltage = "average_voltage"
  /// Change of the negative electrode's mean stoichiometry.
  case negativeUtilization = "negative_utilization"
  /// Change of the positive electrode's mean stoichiometry.
  case positiveUtilization = "positive_utilization"
  /// Charge over the smaller practical electrode capacity.
  case stateOfCharge = "state_of_charge"
  /// Time to the negative electrode at 0 V against Li.
  case platingOnset = "plating_onset"
  /// Lowest negative-electrode potential against Li at the separator.
  case minimumNegativePotential = "minimum_negative_potential"
  /// Time the step took.
  case duration
  /// Time average of |V − OCV|.
  case meanNetOverpotential = "mean_net_overpotential"
  /// Time average of |η−| + |η+|.
  case meanReactionOverpotential = "mean_reaction_overpotential"
  /// Time average of the ohmic drops.
  case meanOhmicDrop = "mean_ohmic_drop"
  /// Largest electrolyte concentration spread over the initial concentration.
  case electrolyteSpread = "electrolyte_spread"

  /// What it measures, with its SI unit and the unit to declare values in.
  public var meaning: String {
    switch self {
    case .capacity: return "charge passed per electrode area, C/m² (declare values in mAh/cm2)"
    case .capacityPerGramNegative:
      return "charge per mass of negative active material, C/kg (mAh/g)"
    case .capacityPerGramPositive:
      return "charge per mass of positive active material, C/kg (mAh/g)"
    case .energy: return "energy per electrode area, J/m² (mWh/cm2)"
    case .averageVoltage: return "energy over charge, V"
    case .negativeUtilization:
      return
        "change of the negative electrode's mean stoichiometry plus the lithium plated on it, "
        + "over its capacity"
    case .positiveUtilization: return "change of the positive electrode's mean stoichiometry"
    case .stateOfCharge:
      return "charge over the smaller practical electrode capacity (the global SOC)"
    case .platingOnset:
      return "time from the run's start to the negative electrode at 0 V against Li, s"
    case .minimumNegativePotential:
      return "lowest negative-electrode potential against Li at the separator, V"
    case .duration: return "time the step took, s"
    case .meanNetOverpotential: return "time average of |V − OCV| over the step, V (declare in mV)"
    case .meanReactionOverpotential:
      return "time average of the reaction overpotentials of both electrodes, |η−| + |η+|, V"
    case .meanOhmicDrop: return "time average of the ohmic drop in electrolyte and solids, V"
    case .electrolyteSpread:
      return
        "largest (highest − lowest) electrolyte concentration during the step over the initial one"
    }
  }

  /// The SI dimension of its values, for values written with units.
  public var dimension: UnitDimension {
    switch self {
    case .capacity: return .arealCharge
    case .capacityPerGramNegative, .capacityPerGramPositive: return .specificCharge
    case .energy: return UnitDimension(kg: 1, s: -2)
    case .averageVoltage, .minimumNegativePotential, .meanNetOverpotential,
      .meanReactionOverpotential, .meanOhmicDrop:
      return .voltage
    case .platingOnset, .duration: return .time
    case .negativeUtilization, .positiveUtilization, .stateOfCharge, .electrolyteSpread:
      return .none
    }
  }

  /// The axis and column label (RichText markup).
  public var label: String {
    switch self {
    case .capacity: return "Capacity"
    case .capacityPerGramNegative: return "Anode capacity"
    case .capacityPerGramPositive: return "Cathode capacity"
    case .energy: return "Energy"
    case .averageVoltage: return "Average voltage"
    case .negativeUtilization: return "Anode utilization"
    case .positiveUtilization: return "Cathode utilization"
    case .stateOfCharge: return "SOC at cut-off"
    case .platingOnset: return "Plating onset"
    case .minimumNegativePotential: return "Lowest anode potential vs Li/Li^+"
    case .duration: return "Step duration"
    case .meanNetOverpotential: return "Mean net overpotential"
    case .meanReactionOverpotential: return "Mean reaction overpotential"
    case .meanOhmicDrop: return "Mean ohmic drop"
    case .electrolyteSpread: return "Electrolyte concentration spread"
    }
  }

  /// The unit figures, tables, the manifest and the prose show it in.
  public var display: DisplayUnit {
    switch self {
    case .capacity: return DisplayUnit("mAh/cm2", perSI: 1 / ArealCharge.coulombsPerM2PerMAhCm2)
    case .energy: return DisplayUnit("mWh/cm2", perSI: 1 / ArealCharge.coulombsPerM2PerMAhCm2)
    case .capacityPerGramNegative, .capacityPerGramPositive:
      return DisplayUnit("mAh/g", perSI: 1 / ArealCharge.coulombsPerKgPerMAhG)
    case .averageVoltage, .minimumNegativePotential: return DisplayUnit("V", perSI: 1)
    case .stateOfCharge, .electrolyteSpread: return DisplayUnit("%", perSI: 100)
    case .platingOnset, .duration: return DisplayUnit("h", perSI: 1 / 3600)
    case .meanNetOverpotential, .meanReactionOverpotential, .meanOhmicDrop:
      return DisplayUnit("mV", perSI: 1000)
    case .negativeUtilization, .positiveUtilization: return .plain
    }
  }

  /// How a claim's evidence writes a value.
  ///
  /// The SI value divided by `divisor`, then `unit`; nil for a plain number. Times stay in
  /// seconds here.
  public var evidence: (divisor: Double, unit: String)? {
    switch self {
    case .capacity, .energy:
      return (ArealCharge.coulombsPerM2PerMAhCm2, self == .capacity ? " mAh/cm²" : " mWh/cm²")
    case .capacityPerGramNegative, .capacityPerGramPositive:
      return (ArealCharge.coulombsPerKgPerMAhG, " mAh/g")
    case .averageVoltage, .minimumNegativePotential: return (1, " V")
    case .platingOnset, .duration: return (1, " s")
    case .meanNetOverpotential, .meanReactionOverpotential, .meanOhmicDrop: return (1e-3, " mV")
    case .electrolyteSpread: return (0.01, " %")
    case .negativeUtilization, .positiveUtilization, .stateOfCharge: return nil
    }
  }
}

/// Which protocol step a result quantity is taken from.
public enum StepSelector: Sendable, Hashable, CustomStringConvertible {
  /// The run's first charge.
  case firstCharge
  /// The run's first discharge.
  case firstDischarge
  /// The n-th step (from 1).
  case number(Int)

  /// The name as studies write it: `charge`, `discharge` or `stepN`.
  public var description: String {
    switch self {
    case .firstCharge: return "charge"
    case .firstDischarge: return "discharge"
    case .number(let n): return "step\(n)"
    }
  }

  /// The selector called `name`, if it is one.
  public init?(_ name: String) {
    switch name {
    case "charge": self = .firstCharge
    case "discharge": self = .firstDischarge
    default:
      guard name.hasPrefix("step"), let n = Int(name.dropFirst(4)), n >= 1 else { return nil }
      self = .number(n)
    }
  }

  /// Each step's selectors, in order: `stepN` for every step, and `charge` and `discharge`
  /// for the first charge and the first discharge.
  public static func selectors(of steps: [ProtocolStep]) -> [[StepSelector]] {
    var namedCharge = false
    var namedDischarge = false
    return steps.enumerated().map { index, step in
      var names: [StepSelector] = [.number(index + 1)]
      if case .charge = step.mode, !namedCharge {
        names.append(.firstCharge)
        namedCharge = true
      }
      if case .discharge = step.mode, !namedDischarge {
        names.append(.firstDischarge)
        namedDischarge = true
      }
      return names
    }
  }
}

/// A result quantity: a metric of one step (`discharge.capacity`), of one cycle
/// (`cycle100.retention`, `last_cycle.coulombic_efficiency`) or of the whole run
/// (`run.cycles_to_ce_90`).
public enum ResultQuantity: Sendable, Hashable, CustomStringConvertible {
  /// A metric of one protocol step.
  case step(StepSelector, Metric)
  /// A metric of one cycle.
  case cycle(CycleSelector, CycleMetric)
  /// A metric of the run.
  case run(RunMetric)

  /// The quantity written `name`, if it is one.
  public init?(_ name: String) {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    if parts[0] == "run" {
      guard let metric = RunMetric(rawValue: parts[1]) else { return nil }
      self = .run(metric)
    } else if let cycle = CycleSelector(parts[0]) {
      guard let metric = CycleMetric(rawValue: parts[1]) else { return nil }
      self = .cycle(cycle, metric)
    } else {
      guard let step = StepSelector(parts[0]), let metric = Metric(rawValue: parts[1]) else {
        return nil
      }
      self = .step(step, metric)
    }
  }

  /// The name, the key of result rows.
  public var name: String {
    switch self {
    case .step(let step, let metric): return "\(step).\(metric.rawValue)"
    case .cycle(let cycle, let metric): return "\(cycle).\(metric.rawValue)"
    case .run(let metric): return "run.\(metric.rawValue)"
    }
  }

  /// The name.
  public var description: String { name }

  /// The SI dimension of its values, for values written with units.
  public var dimension: UnitDimension {
    switch self {
    case .step(_, let metric): return metric.dimension
    case .cycle(_, let metric): return metric.dimension
    case .run(let metric): return metric.dimension
    }
  }

  /// The axis and column label (RichText markup); a cycle's quantity names its cycle.
  public var label: String {
    switch self {
    case .step(_, let metric): return metric.label
    case .cycle(.number(let n), let metric): return "\(metric.label), cycle \(n)"
    case .cycle(.last, let metric): return "\(metric.label), last cycle"
    case .run(let metric): return metric.label
    }
  }

  /// The unit figures, tables, the manifest and the prose show it in.
  public var display: DisplayUnit {
    switch self {
    case .step(_, let metric): return metric.display
    case .cycle(_, let metric): return metric.display
    case .run(let metric): return metric.display
    }
  }

  /// How a claim's evidence writes a value (nil: the SI value as a plain number).
  public var evidence: (divisor: Double, unit: String)? {
    switch self {
    case .step(_, let metric): return metric.evidence
    case .cycle, .run:
      // Evidence of cycle and run quantities is written in their display unit.
      let unit = display
      guard !unit.text.isEmpty else { return nil }
      return (1 / unit.perSI, " " + unit.text.replacingOccurrences(of: "cm2", with: "cm²"))
    }
  }

  /// The names a study is most likely to mean, for "did you mean" hints.
  public static var suggestions: [String] {
    [StepSelector.firstCharge, .firstDischarge].flatMap { step in
      Metric.allCases.map { ResultQuantity.step(step, $0).name }
    } + CycleMetric.allCases.map { ResultQuantity.cycle(.last, $0).name }
      + RunMetric.allCases.map { ResultQuantity.run($0).name }
  }
}
