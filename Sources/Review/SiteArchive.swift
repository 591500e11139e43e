import Foundation
import Reports

/// Design-review archive: frozen copies of built studies under `archive/<study>/<label>/`,
/// carried from one build to the next, with index pages listing the reviews.
public struct SiteArchive {
  /// The published site folder (where the previous archive lives).
  public let target: String
  /// The staging folder of this build.
  public let staging: String

  /// The archive between the published site `target` and this build's `staging` folder.
  public init(target: String, staging: String) {
    self.target = target
    self.staging = staging
  }

  /// Whether `label` can name an archived review: letters, digits, `.`, `-`, `_`, not
  /// starting with a dot.
  public static func isValidLabel(_ label: String) -> Bool {
    !label.isEmpty && !label.hasPrefix(".") && label.count <= 64
      && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }

  /// Copies the previous site's archive into the staging folder, so reviews survive rebuilds.
  public func carryOver() throws {
    let manager = FileManager.default
    let previous = "\(target)/archive"
    guard manager.fileExists(atPath: previous) else { return }
    try manager.copyItem(atPath: previous, toPath: "\(staging)/archive")
  }

  /// Freezes the staged pages of `study` as review `label`; an existing review of that label
  /// is never overwritten.
  public func freeze(study: String, title: String, label: String) throws {
    let manager = FileManager.default
    let destination = "\(staging)/archive/\(study)/\(label)"
    guard !manager.fileExists(atPath: destination) else {
      throw ArchiveError(
        message:
          "the review '\(label)' of study '\(study)' is already archived in \(target)/archive/\(study)/\(label)",
        hint: "choose another label, or delete that folder to archive again under the same one")
    }
    try manager.createDirectory(
      atPath: "\(staging)/archive/\(study)", withIntermediateDirectories: true)
    try manager.copyItem(atPath: "\(staging)/\(study)", toPath: destination)
    // The frozen page sits two folders deeper: its links to the site root move with it.
    let page = "\(destination)/index.html"
    if let data = manager.contents(atPath: page) {
      let html = String(decoding: data, as: UTF8.self)
        .replacingOccurrences(of: "href=\"../", with: "href=\"../../../")
        .replacingOccurrences(of: "src=\"../", with: "src=\"../../../")
      try Data(html.utf8).write(to: URL(fileURLWithPath: page))
    }
  }

  /// Writes `archive/index.html` and `archive/<study>/index.html` from what is archived.
  public func writeIndexes(templates: SiteTemplates) throws {
    let manager = FileManager.default
    let root = "\(staging)/archive"
    guard manager.fileExists(atPath: root) else { return }
    let studies = try manager.contentsOfDirectory(atPath: root).filter {
      var folder: ObjCBool = false
      return manager.fileExists(atPath: "\(root)/\($0)", isDirectory: &folder) && folder.boolValue
    }.sorted()
    var items: [String] = []
    for study in studies {
      let reviews = try manager.contentsOfDirectory(atPath: "\(root)/\(study)").filter {
        manager.fileExists(atPath: "\(root)/\(study)/\($0)/manifest.json")
      }.sorted()
      var rows: [String] = []
      var title = study
      for label in reviews {
        guard let data = manager.contents(atPath: "\(root)/\(study)/\(label)/manifest.json"),
          let manifest = try? StudyManifest.read(data)
        else { continue }
        title = manifest.title
        let passed = manifest.claims.filter { $0.verdict == "pass" }.count
        let commit = manifest.tool.gitCommit.map { "<code>\($0.prefix(12))</code>" } ?? "–"
        rows.append(
          "<tr><td><a href=\"\(label)/index.html\">\(ReportFloat.escape(label))</a></td><td>\(passed)/\(manifest.claims.count)</td><td>\(manifest.runs.count)</td><td>\(commit)</td><td>\(ReportFloat.escape(manifest.builtAt ?? "–"))</td></tr>"
        )
      }
      let body = """
        <h1>Reviews of \(ReportFloat.escape(title))</h1>
        <p>Each review is a frozen copy of the study's page as built then. Compare two with <code>cellbook diff archive/\(study)/A archive/\(study)/B</code>.</p>
        <table><thead><tr><th>Review</th><th>Claims passed</th><th>Runs</th><th>Commit</th><th>Built</th></tr></thead><tbody>
        \(rows.joined(separator: "\n"))
        </tbody></table>
        """
      try Data(templates.page(title: "Reviews of \(title)", body: body, root: "../../").utf8)
        .write(to: URL(fileURLWithPath: "\(root)/\(study)/index.html"))
      items.append(
        "<li><a href=\"\(study)/index.html\">\(ReportFloat.escape(title))</a>: \(reviews.count) review\(reviews.count == 1 ? "" : "s")</li>"
      )
    }
    let body = "<h1>Design-review archive</h1>\n<ul>\n\(items.joined(separator: "\n"))\n</ul>\n"
    try Data(templates.page(title: "Design-review archive", body: body, root: "../").utf8)
      .write(to: URL(fileURLWithPath: "\(root)/index.html"))
  }
}

/// An archive request that cannot be carried out.
struct ArchiveError: Error, LocalizedError {
  let message: String
  let hint: String

  var errorDescription: String? { "\(message); \(hint)" }
}

/// The rule for design-review labels, for the command line to check before building.
public enum SiteArchiveLabel {
  /// Whether `label` can name an archived review.
  public static func isValid(_ label: String) -> Bool { SiteArchive.isValidLabel(label) }
}
