import Electrochem
import StudyModel

/// How a protocol repeats as cycles: which cycles keep their full time series, and when a
/// test at end of life stops early.
///
/// Hundreds of cycles do not keep every time step in memory: every step keeps its ends
/// (`StepEnds`), and only the cycles asked for keep their series.
public struct CyclePlan: Sendable, Equatable, Hashable {
  /// Steps in one cycle (the protocol as written, before repetition).
  public var stepsPerCycle: Int
  /// Whether the first cycle keeps its series.
  public var keepFirst: Bool
  /// Whether the last cycle that ran keeps its series.
  public var keepLast: Bool
  /// Every k-th cycle (k, 2k, …) keeps its series too (nil: none).
  public var keepEvery: Int?
  /// Stop after the first cycle whose discharge capacity is below this fraction of the first
  /// cycle's (nil: run every cycle).
  public var stopBelowRetention: Double?
  /// The cycle retention is counted from (1: the first); end of life is judged against it once
  /// it has run.
  public var retentionFrom: Int

  /// A plan for cycles of `stepsPerCycle` steps; by default the first and the last cycle keep
  /// their series.
  public init(
    stepsPerCycle: Int, keepFirst: Bool = true, keepLast: Bool = true, keepEvery: Int? = nil,
    stopBelowRetention: Double? = nil, retentionFrom: Int = 1
  ) {
    self.stepsPerCycle = max(stepsPerCycle, 1)
    self.keepFirst = keepFirst
    self.keepLast = keepLast
    self.keepEvery = keepEvery
    self.stopBelowRetention = stopBelowRetention
    self.retentionFrom = max(retentionFrom, 1)
  }

  /// Whether cycle `number` (from 1) keeps its series, whatever comes after it.
  public func keeps(_ number: Int) -> Bool {
    (keepFirst && number == 1) || (keepEvery.map { $0 > 0 && number % $0 == 0 } ?? false)
  }
}

/// The ends of a protocol step: what a cycle summary needs even when the step's series is
/// not kept.
public struct StepEnds: Sendable, Equatable {
  /// Time since the run began at the step's start, s.
  public let startTimeS: Double
  /// Time since the run began at the step's end, s.
  public let endTimeS: Double
  /// Charge passed during the step, mAh/cm² (magnitude).
  public let chargeMAhCm2: Double
  /// Energy delivered or absorbed during the step, mWh/cm² (magnitude).
  public let energyMWhCm2: Double
  /// The state at the step's start.
  public let start: CellObservation
  /// The state at the step's end.
  public let end: CellObservation

  /// The ends of `series` (nil for an empty series).
  init?(_ series: TimeSeries) {
    guard let first = series.observations.first, let last = series.observations.last else {
      return nil
    }
    self.init(
      timeS: series.timeS, capacityMAhCm2: series.dischargeCapacityMAhCm2,
      voltageV: series.voltageV, start: first, end: last)
  }

  /// The ends of samples at `timeS` with their cumulative capacities and voltages (at least
  /// one sample), starting in state `start` and ending in `end`.
  init(
    timeS: [Double], capacityMAhCm2 q: [Double], voltageV: [Double], start: CellObservation,
    end: CellObservation
  ) {
    startTimeS = timeS[0]
    endTimeS = timeS[timeS.count - 1]
    chargeMAhCm2 = abs(q[q.count - 1] - q[0])
    var energy = 0.0
    for k in 1..<max(q.count, 1) {
      energy += (voltageV[k] + voltageV[k - 1]) / 2 * (q[k] - q[k - 1])
    }
    energyMWhCm2 = abs(energy)
    self.start = start
    self.end = end
  }
}
