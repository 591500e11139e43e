/// A problem found in the user's input, with where it is and how to fix it.
public struct Diagnostic: Sendable, Equatable, Hashable {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable {
    /// The input cannot be used.
    case error
    /// The input can be used but is probably not what was meant.
    case warning
  }

  /// Error or warning.
  public let severity: Severity
  /// Where the problem is.
  public let location: SourceLocation
  /// What is wrong, in one sentence.
  public let message: String
  /// How to fix it, when there is a likely fix.
  public let hint: String?

  /// A diagnostic at `location`.
  public init(
    _ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
  }
}
