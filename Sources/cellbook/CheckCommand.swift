import ArgumentParser
import Foundation
import SiteCheck
import StudyLoader
import StudyModel

/// `cellbook check`: validate study files and library entries without running anything.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate study files and library entries; nothing is run or written.",
    discussion: """
      Every problem is printed like a compiler error (file:line:column, the line, a caret \
      and a hint). With --site, checks a built site's links, anchors and assets instead. \
      Exit status: 0 when clean, 1 when there are errors, 2 on usage errors.
      """
  )

  @Argument(help: "Files or folders to check (default: everything under studies/).")
  var paths: [String] = []

  @Option(
    help: ArgumentHelp(
      "Check a built site instead: every internal link and anchor resolves, no asset is fetched from the network.",
      valueName: "folder"))
  var site: String?

  func run() throws {
    if let site {
      try checkSite(site)
      return
    }
    let report = ProjectChecker.check(paths: paths)
    if report.diagnostics.isEmpty {
      print("checked \(report.files.count) files: no problems")
      return
    }
    FileHandle.standardError.write(Data(DiagnosticRenderer.render(report.diagnostics).utf8))
    let errors = report.diagnostics.filter { $0.severity == .error }.count
    FileHandle.standardError.write(
      Data("checked \(report.files.count) files: \(errors) error\(errors == 1 ? "" : "s")\n".utf8))
    throw ExitCode.failure
  }

  private func checkSite(_ folder: String) throws {
    guard FileManager.default.fileExists(atPath: "\(folder)/index.html") else {
      throw ValidationError("--site \(folder): no index.html there; build the site first")
    }
    let report = SiteLinkChecker.check(site: folder)
    let summary =
      "checked \(report.linksChecked) links in \(report.filesChecked) files of \(folder)"
    if report.diagnostics.isEmpty {
      print("\(summary): all resolve, no external assets")
      return
    }
    FileHandle.standardError.write(Data(DiagnosticRenderer.render(report.diagnostics).utf8))
    FileHandle.standardError.write(
      Data("\(summary): \(report.diagnostics.count) problems\n".utf8))
    throw ExitCode.failure
  }
}
