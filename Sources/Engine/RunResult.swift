import StudyModel

/// The outcome of one protocol step.
public struct StepResult: Sendable, Equatable {
  /// The step as written.
  public let step: ProtocolStep
  /// Why it ended.
  public let reason: EndReason
  /// What happened during it.
  public let series: TimeSeries
}

/// The outcome of running a protocol on a cell: every step that ran, with its data, and
/// whether all of them ended by a termination.
public struct RunResult: Sendable, Equatable {
  /// The steps that ran, in order (a failed step is the last one, with its partial data).
  public let steps: [StepResult]

  /// Whether every step of the protocol ran and ended by a termination.
  public let completed: Bool

  /// The first failure's reason, if any.
  public var failure: EndReason? {
    steps.first { !$0.reason.isTermination }?.reason
  }
}
