import Electrochem
import Engine
import StudyModel

extension Metric {
  /// The metric's value in SI for a step with `metrics` (nil where it has none: a capacity
  /// per gram without a density, an average voltage without charge, a plating onset that
  /// never came).
  public func value(_ metrics: StepMetrics) -> Double? {
    switch self {
    case .capacity: return metrics.capacityMAhCm2 * ArealCharge.coulombsPerM2PerMAhCm2
    case .capacityPerGramNegative:
      return metrics.capacityPerGramNegative.map { $0 * ArealCharge.coulombsPerKgPerMAhG }
    case .capacityPerGramPositive:
      return metrics.capacityPerGramPositive.map { $0 * ArealCharge.coulombsPerKgPerMAhG }
    case .energy: return metrics.energyMWhCm2 * ArealCharge.coulombsPerM2PerMAhCm2
    case .averageVoltage: return metrics.averageVoltageV
    case .negativeUtilization: return metrics.negativeUtilization
    case .positiveUtilization: return metrics.positiveUtilization
    case .stateOfCharge: return metrics.stateOfCharge
    case .platingOnset: return metrics.platingOnsetS
    case .minimumNegativePotential: return metrics.minimumNegativePotentialV
    case .duration: return metrics.durationS
    case .meanNetOverpotential: return metrics.meanNetOverpotentialV
    case .meanReactionOverpotential: return metrics.meanReactionOverpotentialV
    case .meanOhmicDrop: return metrics.meanOhmicDropV
    case .electrolyteSpread: return metrics.electrolyteSpread
    }
  }
}
