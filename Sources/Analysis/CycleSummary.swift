import Electrochem
import Engine
import StudyModel

/// One cycle of a run: its capacities, coulombic efficiency and retention, and the lithium and
/// material degradation had taken by its end, in the units cyclers and PyBaMM report.
public struct CycleSummary: Codable, Sendable, Equatable {
  /// The cycle's number, from 1.
  public let number: Int
  /// Charge passed in its charge and hold steps, mAh/cm².
  public let chargeCapacityMAhCm2: Double
  /// Charge passed in its discharge steps, mAh/cm².
  public let dischargeCapacityMAhCm2: Double
  /// Lithium bound in SEI grown since the start, mAh/cm² (at the cycle's end).
  public let seiLithiumMAhCm2: Double
  /// Plated lithium that can still be stripped, mAh/cm².
  public let platedLithiumMAhCm2: Double
  /// Dead lithium, mAh/cm².
  public let deadLithiumMAhCm2: Double
  /// Lithium lost with active material, mAh/cm².
  public let lostActiveLithiumMAhCm2: Double
  /// The negative electrode's mean SEI thickness, m.
  public let seiThicknessM: Double
  /// Active material lost from each electrode, as a fraction of the initial.
  public let activeMaterialLost: [Double]
  /// The negative electrode against Li at the separator at the end of the cycle's last charge
  /// or hold step, V (nil without one).
  public let endOfChargeNegativePotentialV: Double?
  /// Time since the run began at the cycle's end, s.
  public let endTimeS: Double

  /// Discharge over charge capacity (nil without charge).
  public var coulombicEfficiency: Double? {
    chargeCapacityMAhCm2 > 0 ? dischargeCapacityMAhCm2 / chargeCapacityMAhCm2 : nil
  }

  /// Lithium lost to plating: plated and dead lithium, mAh/cm² (as PyBaMM counts it).
  public var platingLithiumMAhCm2: Double { platedLithiumMAhCm2 + deadLithiumMAhCm2 }

  /// Every cycle of `run` that ran to its end, by its cycle plan (a run without one is a
  /// single cycle): the cycle in which a failed run stopped is left out, so that its partial
  /// capacities do not pass for a cycle's.
  public static func cycles(of run: RunResult) -> [CycleSummary] {
    let length = run.cycling?.stepsPerCycle ?? max(run.steps.count, 1)
    var cycles = stride(from: 0, to: run.steps.count, by: length).enumerated().map {
      number, start in
      CycleSummary(
        number: number + 1, steps: run.steps[start..<min(start + length, run.steps.count)])
    }
    if !run.completed, !cycles.isEmpty { cycles.removeLast() }
    return cycles
  }

  /// The cycle of `cycles` retention is counted from: cycle `number` of the plan, or the
  /// first when the run stopped before it.
  public static func reference(in cycles: [CycleSummary], from number: Int) -> CycleSummary? {
    cycles.indices.contains(number - 1) ? cycles[number - 1] : cycles.first
  }

  /// The values of every metric over `cycles`, retention counted from cycle `from`, as a
  /// result row carries them.
  public static func table(_ cycles: [CycleSummary], retentionFrom from: Int = 1) -> CycleTable {
    guard let first = reference(in: cycles, from: from) else {
      return CycleTable(count: 0, columns: [:])
    }
    var columns: [CycleMetric: [Double?]] = [:]
    for metric in CycleMetric.allCases {
      columns[metric] = cycles.map { $0.value(metric, first: first) }
    }
    return CycleTable(count: cycles.count, columns: columns)
  }

  private init(number: Int, steps: ArraySlice<StepResult>) {
    self.number = number
    var charge = 0.0
    var discharge = 0.0
    var endOfCharge: Double?
    for step in steps {
      guard let ends = step.ends else { continue }
      switch step.step.mode {
      case .charge, .hold:
        charge += ends.chargeMAhCm2
        endOfCharge = ends.end.negativePotentialAtSeparatorV
      case .discharge: discharge += ends.chargeMAhCm2
      case .rest: continue
      }
    }
    chargeCapacityMAhCm2 = charge
    dischargeCapacityMAhCm2 = discharge
    endOfChargeNegativePotentialV = endOfCharge
    let end = steps.last(where: { $0.ends != nil })?.ends
    let o = end?.end ?? CellObservation()
    // mol/m² → mAh/cm²: × F / (C/m² per mAh/cm²).
    let perMole = PhysicalConstants.faraday / ArealCharge.coulombsPerM2PerMAhCm2
    seiLithiumMAhCm2 = o.seiLithiumMolM2 * perMole
    platedLithiumMAhCm2 = o.platedLithiumMolM2 * perMole
    deadLithiumMAhCm2 = o.deadLithiumMolM2 * perMole
    lostActiveLithiumMAhCm2 = o.lostActiveLithiumMolM2 * perMole
    seiThicknessM = o.seiThicknessM
    activeMaterialLost = [o.activeMaterialLost.negative, o.activeMaterialLost.positive]
    endTimeS = end?.endTimeS ?? 0
  }

  /// The value of `metric` in SI, with `first` the cycle retention is counted from; nil where
  /// the cycle has none.
  public func value(_ metric: CycleMetric, first: CycleSummary) -> Double? {
    let toSI = ArealCharge.coulombsPerM2PerMAhCm2
    switch metric {
    case .chargeCapacity: return chargeCapacityMAhCm2 * toSI
    case .dischargeCapacity: return dischargeCapacityMAhCm2 * toSI
    case .coulombicEfficiency: return coulombicEfficiency
    case .retention:
      return first.dischargeCapacityMAhCm2 > 0
        ? dischargeCapacityMAhCm2 / first.dischargeCapacityMAhCm2 : nil
    case .lithiumLostToSEI: return seiLithiumMAhCm2 * toSI
    case .lithiumLostToPlating: return platingLithiumMAhCm2 * toSI
    case .lithiumLostToActiveMaterial: return lostActiveLithiumMAhCm2 * toSI
    case .platedLithium: return platedLithiumMAhCm2 * toSI
    case .deadLithium: return deadLithiumMAhCm2 * toSI
    case .seiThickness: return seiThicknessM
    case .negativeActiveMaterialLost: return activeMaterialLost[0]
    case .positiveActiveMaterialLost: return activeMaterialLost[1]
    case .endOfChargeNegativePotential: return endOfChargeNegativePotentialV
    }
  }
}

extension RunMetric {
  /// The metric's value over `cycles` (nil where it has none: no cycle reached the
  /// threshold, or a single cycle for the after-first minimum).
  public func value(_ cycles: [CycleSummary]) -> Double? {
    switch self {
    case .initialCoulombicEfficiency: return cycles.first?.coulombicEfficiency
    case .minimumCoulombicEfficiencyAfterFirst:
      return cycles.dropFirst().compactMap(\.coulombicEfficiency).min()
    case .cyclesToCE90, .cyclesToCE95, .cyclesToCE99:
      guard let threshold = efficiencyThreshold else { return nil }
      return cycles.first { ($0.coulombicEfficiency ?? 0) >= threshold }.map { Double($0.number) }
    case .cycles: return Double(cycles.count)
    }
  }
}
