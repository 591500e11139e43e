import StudyModel
import Yams

/// Converts Yams positions and errors into diagnostics.
enum YAMLDiagnostics {
  /// Where `node` starts in `file` (Yams counts from 1, as editors do).
  static func location(of node: Node, file: String) -> SourceLocation {
    guard let mark = node.mark else { return SourceLocation(file: file) }
    return SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  /// A diagnostic for a YAML syntax error.
  static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
      return Diagnostic(
        .error, at: SourceLocation(file: file, line: mark.line, column: mark.column),
        "YAML syntax: \(what.joined(separator: ", "))",
        hint: "check indentation and that every key is followed by ': '")
    default:
      return Diagnostic(.error, at: SourceLocation(file: file), "YAML: \(error)")
    }
  }
}
