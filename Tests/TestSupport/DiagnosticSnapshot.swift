import StudyModel

/// Diagnostics as compact snapshot text: `line:column: message | hint: …`, sorted by place,
/// with `root` (an absolute path that differs between machines) written as `$ROOT`.
public func diagnosticSnapshotText(_ diagnostics: [Diagnostic], root: String) -> String {
  diagnostics.sorted { $0.location < $1.location }.map { diagnostic in
    let location = diagnostic.location
    let hint = diagnostic.hint.map { " | hint: \($0)" } ?? ""
    return "\(location.line):\(location.column): \(diagnostic.message)\(hint)"
  }.joined(separator: "\n").replacingOccurrences(of: root, with: "$ROOT") + "\n"
}
