import Electrochem
import StudyModel

/// The outcome of one protocol step.
public struct StepResult: Sendable, Equatable {
  /// The step as written.
  public let step: ProtocolStep
  /// Why it ended.
  public let reason: EndReason
  /// What happened during it (empty when its cycle does not keep its series).
  public internal(set) var series: TimeSeries
  /// Its start and end, kept for every step.
  public let ends: StepEnds?
  /// Profiles along the cell at the requested times that fell in this step.
  public let profiles: [CellProfile]
  /// The profile along the cell when the step ended.
  public var endProfile: CellProfile? = nil
}

/// The outcome of running a protocol on a cell: every step that ran, with its data, and
/// whether all of them ended by a termination.
public struct RunResult: Sendable, Equatable {
  /// The steps that ran, in order (a failed step is the last one, with its partial data).
  public let steps: [StepResult]

  /// Whether every step of the protocol ran and ended by a termination.
  public let completed: Bool

  /// The integrator's work: internal steps, residual and Jacobian evaluations.
  public let statistics: SolverStatistics

  /// The cycles the protocol ran as, when it ran as cycles.
  public var cycling: CyclePlan? = nil

  /// Whether the run stopped at end of life (`CyclePlan.stopBelowRetention`).
  public var reachedEndOfLife = false

  /// The first failure's reason, if any.
  public var failure: EndReason? {
    steps.first { !$0.reason.isTermination }?.reason
  }
}

/// Counters of the integrator's work during a run.
public struct SolverStatistics: Sendable, Equatable {
  /// Internal time steps.
  public var steps = 0
  /// Residual evaluations made by IDA (not counting those inside the Jacobian).
  public var residualEvaluations = 0
  /// Jacobian evaluations (each costs one residual per colour group when finite differences
  /// are used).
  public var jacobianEvaluations = 0
  /// Newton iterations.
  public var nonlinearIterations = 0
  /// Rejected steps: error-test and convergence failures.
  public var failures = 0
}
