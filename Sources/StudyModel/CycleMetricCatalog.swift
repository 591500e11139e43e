/// Which cycle of a run a cycle quantity is taken from.
public enum CycleSelector: Sendable, Hashable, CustomStringConvertible {
  /// The n-th cycle (from 1).
  case number(Int)
  /// The last cycle that ran.
  case last

  /// The name as studies write it: `cycleN` or `last_cycle`.
  public var description: String {
    switch self {
    case .number(let n): return "cycle\(n)"
    case .last: return "last_cycle"
    }
  }

  /// The selector called `name`, if it is one.
  public init?(_ name: String) {
    if name == "last_cycle" {
      self = .last
      return
    }
    guard name.hasPrefix("cycle"), let n = Int(name.dropFirst(5)), n >= 1 else { return nil }
    self = .number(n)
  }
}

/// The catalogue of per-cycle quantities a study can name as `cycleN.METRIC` or
/// `last_cycle.METRIC`, and plot against the cycle number: capacities, coulombic efficiency,
/// retention and the lithium and material each degradation mechanism has taken by the cycle's
/// end.
public enum CycleMetric: String, CaseIterable, Sendable, Hashable {
  /// Charge passed in the cycle's charge and hold steps.
  case chargeCapacity = "charge_capacity"
  /// Charge passed in its discharge steps.
  case dischargeCapacity = "discharge_capacity"
  /// Discharge over charge capacity of the cycle.
  case coulombicEfficiency = "coulombic_efficiency"
  /// Discharge capacity over the reference cycle's (the first, or `retention_from`).
  case retention
  /// Lithium bound in SEI grown since the start.
  case lithiumLostToSEI = "lithium_lost_to_sei"
  /// Plated and dead lithium.
  case lithiumLostToPlating = "lithium_lost_to_plating"
  /// Lithium lost with active material.
  case lithiumLostToActiveMaterial = "lithium_lost_to_active_material"
  /// Plated lithium that can still be stripped.
  case platedLithium = "plated_lithium"
  /// Dead lithium.
  case deadLithium = "dead_lithium"
  /// The negative electrode's mean SEI thickness.
  case seiThickness = "sei_thickness"
  /// Active material lost from the negative electrode.
  case negativeActiveMaterialLost = "negative_active_material_lost"
  /// Active material lost from the positive electrode.
  case positiveActiveMaterialLost = "positive_active_material_lost"
  /// The negative electrode against Li at the separator when the cycle's charge ended.
  case endOfChargeNegativePotential = "end_of_charge_negative_potential"

  /// What it measures.
  public var meaning: String {
    switch self {
    case .chargeCapacity: return "charge passed in the cycle's charge and hold steps"
    case .dischargeCapacity: return "charge passed in the cycle's discharge steps"
    case .coulombicEfficiency: return "discharge over charge capacity of the cycle"
    case .retention:
      return "discharge capacity over the reference cycle's (the first, or retention_from)"
    case .lithiumLostToSEI: return "lithium bound in SEI grown since the start, at the cycle's end"
    case .lithiumLostToPlating: return "plated and dead lithium at the cycle's end"
    case .lithiumLostToActiveMaterial: return "lithium lost with active material by the cycle's end"
    case .platedLithium: return "plated lithium that can still be stripped, at the cycle's end"
    case .deadLithium: return "dead lithium at the cycle's end"
    case .seiThickness: return "the negative electrode's mean SEI thickness at the cycle's end"
    case .negativeActiveMaterialLost: return "active material lost from the negative electrode"
    case .positiveActiveMaterialLost: return "active material lost from the positive electrode"
    case .endOfChargeNegativePotential:
      return "negative electrode against Li at the separator at the end of the cycle's charge"
    }
  }

  /// The SI dimension of its values.
  public var dimension: UnitDimension {
    switch self {
    case .chargeCapacity, .dischargeCapacity, .lithiumLostToSEI, .lithiumLostToPlating,
      .lithiumLostToActiveMaterial, .platedLithium, .deadLithium:
      return .arealCharge
    case .seiThickness: return .length
    case .endOfChargeNegativePotential: return .voltage
    case .coulombicEfficiency, .retention, .negativeActiveMaterialLost,
      .positiveActiveMaterialLost:
      return .none
    }
  }

  /// The axis and column label (RichText markup).
  public var label: String {
    switch self {
    case .chargeCapacity: return "Charge capacity"
    case .dischargeCapacity: return "Discharge capacity"
    case .coulombicEfficiency: return "Coulombic efficiency"
    case .retention: return "Capacity retention"
    case .lithiumLostToSEI: return "Lithium lost to SEI"
    case .lithiumLostToPlating: return "Lithium lost to plating"
    case .lithiumLostToActiveMaterial: return "Lithium lost with active material"
    case .platedLithium: return "Plated lithium"
    case .deadLithium: return "Dead lithium"
    case .seiThickness: return "SEI thickness"
    case .negativeActiveMaterialLost: return "Anode active material lost"
    case .positiveActiveMaterialLost: return "Cathode active material lost"
    case .endOfChargeNegativePotential: return "Anode vs Li/Li^+ at end of charge"
    }
  }

  /// The unit figures, tables and the prose show it in.
  public var display: DisplayUnit {
    switch self {
    case .chargeCapacity, .dischargeCapacity, .lithiumLostToSEI, .lithiumLostToPlating,
      .lithiumLostToActiveMaterial, .platedLithium, .deadLithium:
      return DisplayUnit("mAh/cm2", perSI: 1 / ArealCharge.coulombsPerM2PerMAhCm2)
    case .seiThickness: return DisplayUnit("nm", perSI: 1e9)
    case .endOfChargeNegativePotential: return DisplayUnit("V", perSI: 1)
    case .coulombicEfficiency, .retention, .negativeActiveMaterialLost,
      .positiveActiveMaterialLost:
      return DisplayUnit("%", perSI: 100)
    }
  }
}

/// The catalogue of quantities of a whole cycling run, named `run.METRIC`.
public enum RunMetric: String, CaseIterable, Sendable, Hashable {
  /// The first cycle's coulombic efficiency.
  case initialCoulombicEfficiency = "initial_coulombic_efficiency"
  /// The lowest coulombic efficiency from the second cycle on.
  case minimumCoulombicEfficiencyAfterFirst = "minimum_coulombic_efficiency_after_first"
  /// The first cycle whose coulombic efficiency reaches 90 %.
  case cyclesToCE90 = "cycles_to_ce_90"
  /// The first cycle whose coulombic efficiency reaches 95 %.
  case cyclesToCE95 = "cycles_to_ce_95"
  /// The first cycle whose coulombic efficiency reaches 99 %.
  case cyclesToCE99 = "cycles_to_ce_99"
  /// How many cycles ran.
  case cycles

  /// What it measures.
  public var meaning: String {
    switch self {
    case .initialCoulombicEfficiency: return "the first cycle's coulombic efficiency"
    case .minimumCoulombicEfficiencyAfterFirst:
      return "the lowest coulombic efficiency from the second cycle on"
    case .cyclesToCE90: return "the first cycle whose coulombic efficiency reaches 90 %"
    case .cyclesToCE95: return "the first cycle whose coulombic efficiency reaches 95 %"
    case .cyclesToCE99: return "the first cycle whose coulombic efficiency reaches 99 %"
    case .cycles: return "how many cycles ran"
    }
  }

  /// The threshold a cycles-to-CE metric waits for.
  public var efficiencyThreshold: Double? {
    switch self {
    case .cyclesToCE90: return 0.90
    case .cyclesToCE95: return 0.95
    case .cyclesToCE99: return 0.99
    default: return nil
    }
  }

  /// The SI dimension of its values (all dimensionless).
  public var dimension: UnitDimension { .none }

  /// The axis and column label.
  public var label: String {
    switch self {
    case .initialCoulombicEfficiency: return "Initial coulombic efficiency"
    case .minimumCoulombicEfficiencyAfterFirst: return "Lowest coulombic efficiency after cycle 1"
    case .cyclesToCE90: return "Cycles to 90 % CE"
    case .cyclesToCE95: return "Cycles to 95 % CE"
    case .cyclesToCE99: return "Cycles to 99 % CE"
    case .cycles: return "Cycles"
    }
  }

  /// The unit figures, tables and the prose show it in.
  public var display: DisplayUnit {
    switch self {
    case .initialCoulombicEfficiency, .minimumCoulombicEfficiencyAfterFirst:
      return DisplayUnit("%", perSI: 100)
    case .cyclesToCE90, .cyclesToCE95, .cyclesToCE99, .cycles: return .plain
    }
  }
}
