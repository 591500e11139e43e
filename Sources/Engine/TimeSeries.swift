import Electrochem
import StudyModel

/// The sampled history of one protocol step.
public struct TimeSeries: Sendable, Equatable {
  /// Time since the run began, s.
  public var timeS: [Double] = []
  /// Cumulative discharge capacity since the run began, mAh/cm² (positive on discharge).
  public var dischargeCapacityMAhCm2: [Double] = []
  /// The observed state at each time.
  public var observations: [CellObservation] = []

  /// Number of samples.
  public var count: Int { timeS.count }

  /// Appends a sample.
  public mutating func append(time: Double, capacity: Double, observation: CellObservation) {
    timeS.append(time)
    dischargeCapacityMAhCm2.append(capacity)
    observations.append(observation)
  }

  /// The voltage at each sample, V.
  public var voltageV: [Double] { observations.map(\.voltageV) }
  /// The current density at each sample, A/m².
  public var currentAm2: [Double] { observations.map(\.currentAm2) }
}
