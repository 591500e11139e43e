import Foundation

/// The one place that turns diagnostics into the text a user reads, compiler style:
/// `file:line:column: error: message`, the source line, a caret, and a hint.
public enum DiagnosticRenderer {
  /// Renders `diagnostics` sorted by location; source lines are read from the files.
  public static func render(_ diagnostics: [Diagnostic]) -> String {
    var cache: [String: [Substring]] = [:]
    return diagnostics.sorted { $0.location < $1.location }.map { diagnostic in
      render(diagnostic, lines: lines(of: diagnostic.location.file, cache: &cache))
    }.joined()
  }

  private static func render(_ diagnostic: Diagnostic, lines: [Substring]) -> String {
    let location = diagnostic.location
    var position = location.file
    if location.line > 0 { position += ":\(location.line)" }
    if location.column > 0 { position += ":\(location.column)" }
    var text = "\(position): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
    if location.line > 0, location.line <= lines.count {
      let line = lines[location.line - 1]
      text += "    \(line)\n"
      if location.column > 0 {
        text += "    " + String(repeating: " ", count: location.column - 1) + "^\n"
      }
    }
    if let hint = diagnostic.hint { text += "hint: \(hint)\n" }
    return text
  }

  private static func lines(of file: String, cache: inout [String: [Substring]]) -> [Substring] {
    if let cached = cache[file] { return cached }
    let text = FileManager.default.contents(atPath: file).map {
      String(decoding: $0, as: UTF8.self)
    }
    let lines = text?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
    cache[file] = lines
    return lines
  }
}
