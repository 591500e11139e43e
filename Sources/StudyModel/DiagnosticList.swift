/// One or more diagnostics, usable as an error.
public struct DiagnosticList: Error, Sendable, Equatable {
  /// The diagnostics, in the order they were found.
  public let diagnostics: [Diagnostic]

  /// Wraps `diagnostics`.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
