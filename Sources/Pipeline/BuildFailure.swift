import StudyModel

/// Why a build did not publish, tagged with the step that stopped it.
public struct BuildFailure: Error, Sendable, Equatable {
  /// The pipeline step that failed.
  public let step: String
  /// The problems found in the user's files.
  public let diagnostics: [Diagnostic]

  /// A failure of `step` with `diagnostics`.
  public init(step: String, diagnostics: [Diagnostic]) {
    self.step = step
    self.diagnostics = diagnostics
  }
}
