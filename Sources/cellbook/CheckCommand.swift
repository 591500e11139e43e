import ArgumentParser
import Foundation
import Pipeline
import StudyLoader

/// `cellbook check`: validate study files and library entries without running anything.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate study files and library entries; nothing is run or written.",
    discussion: """
      Every problem is printed like a compiler error (file:line:column, the line, a caret \
      and a hint). Exit status: 0 when clean, 1 when there are errors.
      """
  )

  @Argument(help: "Files or folders to check (default: everything under studies/).")
  var paths: [String] = []

  func run() throws {
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
}
