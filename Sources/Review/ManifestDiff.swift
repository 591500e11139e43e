import Foundation
import Reports

/// `cellbook diff A B`: what changed between two archived reviews of a study: input files,
/// cell parameters, claim verdicts and key metrics.
public enum ManifestDiff {
  /// The comparison as printed lines, and whether anything differs.
  public struct Report: Sendable, Equatable {
    /// The lines to print.
    public let lines: [String]
    /// Whether the reviews differ.
    public let differs: Bool
  }

  /// A problem reading a review folder.
  public struct ReadError: Error, Sendable, CustomStringConvertible {
    /// The folder or file.
    public let path: String
    /// What is wrong, and what to do.
    public let message: String

    /// One line.
    public var description: String { "\(path): \(message)" }
  }

  /// Metrics whose relative change is below this are considered equal.
  public static let metricTolerance = 1e-3

  /// Compares the reviews in folders `old` and `new` (each holding a `manifest.json`).
  public static func compare(_ old: String, _ new: String) throws(ReadError) -> Report {
    let before = try read(old)
    let after = try read(new)
    var lines = ["comparing \(old) → \(new)"]
    var differs = false
    func section(_ title: String, _ entries: [String]) {
      guard !entries.isEmpty else { return }
      differs = true
      lines.append("\(title):")
      let shown = entries.prefix(40)
      lines += shown.map { "  \($0)" }
      if entries.count > shown.count { lines.append("  … and \(entries.count - shown.count) more") }
    }
    section("inputs", inputs(before, after))
    section("parameters", parameters(before, after))
    section("claims", claims(before, after))
    section("runs", runs(before, after))
    section("key metrics (relative change above 0.1 %)", metrics(before, after))
    if !differs { lines.append("no differences in inputs, parameters, claims or metrics") }
    return Report(lines: lines, differs: differs)
  }

  private static func read(_ folder: String) throws(ReadError) -> StudyManifest {
    let path = "\(folder)/manifest.json"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(
        path: folder,
        message:
          "no manifest.json here; give a review folder such as output/archive/<study>/<label>")
    }
    do {
      return try StudyManifest.read(data)
    } catch {
      throw ReadError(path: path, message: "not a Cellbook manifest (\(error))")
    }
  }

  private static func inputs(_ old: StudyManifest, _ new: StudyManifest) -> [String] {
    let before = Dictionary(old.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { $1 })
    let after = Dictionary(new.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { $1 })
    var entries: [String] = []
    for path in Set(before.keys).union(after.keys).sorted() {
      switch (before[path], after[path]) {
      case (nil, .some): entries.append("added    \(path)")
      case (.some, nil): entries.append("removed  \(path)")
      case (.some(let a), .some(let b)) where a != b:
        entries.append("changed  \(path) (\(a.prefix(12)) → \(b.prefix(12)))")
      default: continue
      }
    }
    return entries
  }

  private static func parameters(_ old: StudyManifest, _ new: StudyManifest) -> [String] {
    var entries: [String] = []
    for cell in Set(old.cells.keys).union(new.cells.keys).sorted() {
      let before = old.cells[cell]?.parameters ?? [:]
      let after = new.cells[cell]?.parameters ?? [:]
      for name in Set(before.keys).union(after.keys).sorted() where before[name] != after[name] {
        entries.append(
          "\(cell) \(name): \(readable(before[name])) → \(readable(after[name]))")
      }
    }
    return entries
  }

  private static func claims(_ old: StudyManifest, _ new: StudyManifest) -> [String] {
    let before = Dictionary(old.claims.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
    var entries: [String] = []
    for claim in new.claims {
      guard let previous = before[claim.id] else {
        entries.append("\(claim.id): new claim, \(claim.verdict) (\(claim.evidence))")
        continue
      }
      if previous.verdict != claim.verdict {
        entries.append("\(claim.id): \(previous.verdict) → \(claim.verdict) (\(claim.evidence))")
      } else if previous.evidence != claim.evidence {
        entries.append("\(claim.id): still \(claim.verdict); evidence now: \(claim.evidence)")
      }
    }
    let current = Set(new.claims.map(\.id))
    for claim in old.claims where !current.contains(claim.id) {
      entries.append("\(claim.id): claim removed (was \(claim.verdict))")
    }
    return entries
  }

  private static func runs(_ old: StudyManifest, _ new: StudyManifest) -> [String] {
    let before = Dictionary(old.runs.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
    let after = Dictionary(new.runs.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
    var entries: [String] = []
    for id in Set(before.keys).union(after.keys).sorted() {
      switch (before[id], after[id]) {
      case (nil, .some): entries.append("added    \(id)")
      case (.some, nil): entries.append("removed  \(id)")
      case (.some(let a), .some(let b)) where a.status != b.status:
        entries.append("\(id): \(a.status) → \(b.status)\(b.reason.map { " (\($0))" } ?? "")")
      default: continue
      }
    }
    return entries
  }

  private static func metrics(_ old: StudyManifest, _ new: StudyManifest) -> [String] {
    let before = Dictionary(old.runs.map { ($0.id, $0.metrics) }, uniquingKeysWith: { $1 })
    var entries: [String] = []
    for run in new.runs {
      guard let previous = before[run.id] else { continue }
      for name in run.metrics.keys.sorted() {
        guard let a = previous[name], let b = run.metrics[name] else { continue }
        let scale = max(abs(a), abs(b))
        guard scale > 0, abs(b - a) / scale > metricTolerance else { continue }
        let percent = a != 0 ? String(format: " (%+.1f %%)", (b - a) / abs(a) * 100) : ""
        entries.append("\(run.id) \(name): \(format(a)) → \(format(b))\(percent)")
      }
    }
    return entries
  }

  private static func format(_ value: Double) -> String { String(format: "%.4g", value) }

  /// A stored parameter value at six significant digits when it is a number (unit
  /// conversion leaves digits like 2.4999999999999998e-05).
  private static func readable(_ text: String?) -> String {
    guard let text else { return "absent" }
    return Double(text).map { String(format: "%.6g", $0) } ?? text
  }
}
