import Electrochem
import Engine
import StudyModel

/// The numbers a report quotes for one protocol step.
public struct StepMetrics: Sendable, Equatable {
  /// Charge passed, mAh/cm² (magnitude).
  public let capacityMAhCm2: Double
  /// Charge passed per gram of negative active material, mAh/g (nil without a density).
  public let capacityPerGramNegative: Double?
  /// Charge passed per gram of positive active material, mAh/g (nil without a density).
  public let capacityPerGramPositive: Double?
  /// Energy delivered (discharge) or absorbed (charge), mWh/cm² (magnitude).
  public let energyMWhCm2: Double
  /// Energy over charge, V (nil when no charge passed).
  public let averageVoltageV: Double?
  /// Change of the negative electrode's average stoichiometry (its utilization).
  public let negativeUtilization: Double
  /// Change of the positive electrode's average stoichiometry (its utilization).
  public let positiveUtilization: Double
  /// Charge passed over the smaller practical electrode capacity (each over its stoichiometry window): the global SOC reached.
  public let stateOfCharge: Double
  /// First time the negative electrode's potential at the separator fell below 0 V versus
  /// Li, s since the run began (nil when it never did).
  public let platingOnsetS: Double?
  /// Lowest negative potential versus Li at the separator during the step, V.
  public let minimumNegativePotentialV: Double
  /// Time average of |V − OCV| over the step, V: the net overpotential.
  public let meanNetOverpotentialV: Double
  /// Time average of |η_neg| + |η_pos| over the step, V (the net reaction overpotential).
  public let meanReactionOverpotentialV: Double
  /// Time average of the ohmic drop in electrolyte and solid over the step, V.
  public let meanOhmicDropV: Double
  /// Largest difference between the highest and lowest electrolyte concentration during the
  /// step, over the initial concentration.
  public let electrolyteSpread: Double
  /// Time the step took, s.
  public let durationS: Double

  /// The lithium the negative electrode took in or gave up between two observations, over its
  /// theoretical capacity.
  ///
  /// It is the change of its mean stoichiometry plus the lithium plated on it (plated and
  /// dead), so that a utilization above 1 means lithium plated, as in Mu and co-workers'
  /// Figure S3.
  public static func negativeUtilization(
    from start: CellObservation, to end: CellObservation, cell: CellParameters
  ) -> Double {
    let capacityMolM2 =
      cell.negative.thicknessM * cell.negative.activeFraction * cell.negative.maxConcentrationMolM3
    let plated =
      (end.platedLithiumMolM2 + end.deadLithiumMolM2)
      - (start.platedLithiumMolM2 + start.deadLithiumMolM2)
    let intercalated = end.negativeStoichiometry - start.negativeStoichiometry
    return abs(intercalated + (capacityMolM2 > 0 ? plated / capacityMolM2 : 0))
  }

  /// Computes the metrics of `series` for `cell`.
  public init(series: TimeSeries, cell: CellParameters) {
    let count = series.count
    let first = series.observations.first
    let last = series.observations.last
    let q = series.dischargeCapacityMAhCm2
    capacityMAhCm2 = count > 0 ? abs(q[count - 1] - q[0]) : 0
    let negativeMass = CellDesign.activeMassGCm2(cell.negative)
    let positiveMass = CellDesign.activeMassGCm2(cell.positive)
    capacityPerGramNegative = negativeMass > 0 ? capacityMAhCm2 / negativeMass : nil
    capacityPerGramPositive = positiveMass > 0 ? capacityMAhCm2 / positiveMass : nil
    var energy = 0.0  // ∫ V dq, mWh/cm² (q in mAh/cm²)
    for k in 1..<max(count, 1) {
      let v = (series.observations[k].voltageV + series.observations[k - 1].voltageV) / 2
      energy += v * (q[k] - q[k - 1])
    }
    energyMWhCm2 = abs(energy)
    averageVoltageV = capacityMAhCm2 > 0 ? abs(energy) / capacityMAhCm2 : nil
    negativeUtilization =
      first.flatMap { from in
        last.map { StepMetrics.negativeUtilization(from: from, to: $0, cell: cell) }
      } ?? 0
    positiveUtilization = abs(
      (last?.positiveStoichiometry ?? 0) - (first?.positiveStoichiometry ?? 0))
    // The seed paper's global SOC is the utilization of the limiting electrode; over each
    // electrode's usable (practical) window, so that it turns at N/P = 1 on that basis.
    let limiting = min(
      CellDesign.arealCapacity(cell.negative, basis: .practical),
      CellDesign.arealCapacity(cell.positive, basis: .practical))
    stateOfCharge = capacityMAhCm2 / limiting
    platingOnsetS = StepMetrics.firstCrossingBelowZero(series)
    minimumNegativePotentialV =
      series.observations.map(\.negativePotentialAtSeparatorV).min() ?? .nan
    let o = series.observations
    meanNetOverpotentialV = StepMetrics.timeAverage(series) {
      abs(o[$0].voltageV - o[$0].openCircuitVoltageV)
    }
    meanReactionOverpotentialV = StepMetrics.timeAverage(series) {
      abs(o[$0].reactionOverpotentialV.negative) + abs(o[$0].reactionOverpotentialV.positive)
    }
    meanOhmicDropV = StepMetrics.timeAverage(series) {
      abs(o[$0].electrolyteOhmicV) + abs(o[$0].solidOhmicV)
    }
    let initial = cell.electrolyte.initialConcentrationMolM3
    electrolyteSpread =
      (o.map { $0.electrolyteMaximum - $0.electrolyteMinimum }.max() ?? 0) / initial
    durationS = (series.timeS.last ?? 0) - (series.timeS.first ?? 0)
  }

  /// The trapezoidal time average of `value` over the step (its single value when the step
  /// has no duration).
  private static func timeAverage(_ series: TimeSeries, _ value: (Int) -> Double) -> Double {
    guard series.count > 1 else { return series.count == 1 ? value(0) : .nan }
    var integral = 0.0
    for k in 1..<series.count {
      integral += (value(k) + value(k - 1)) / 2 * (series.timeS[k] - series.timeS[k - 1])
    }
    let duration = series.timeS[series.count - 1] - series.timeS[0]
    return duration > 0 ? integral / duration : value(0)
  }

  /// The time the potential at the separator first falls below 0 V, by linear interpolation.
  private static func firstCrossingBelowZero(_ series: TimeSeries) -> Double? {
    let potentials = series.observations.map(\.negativePotentialAtSeparatorV)
    guard let index = potentials.firstIndex(where: { $0 < 0 }) else { return nil }
    guard index > 0 else { return series.timeS[0] }
    let before = potentials[index - 1]
    let after = potentials[index]
    let fraction = before / (before - after)
    return series.timeS[index - 1] + fraction * (series.timeS[index] - series.timeS[index - 1])
  }
}
