import ArgumentParser
import Foundation
import Pipeline

/// `cellbook build`: turn the studies into the static site.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build every study (or the ones named) into a static website.",
    discussion: """
      The site replaces the output folder only when the whole build succeeded; \
      after a failure the previous site is left as it was.
      Exit status: 0 on success, 1 when a study has errors, 2 on usage errors.
      """
  )

  @Argument(help: "Study folders to build (default: every study under studies/).")
  var studies: [String] = []

  @Option(help: "The folder the site is written to.")
  var out = "output"

  @Option(help: "Worker threads for simulations (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Run every simulation again instead of reusing cached results.")
  var noCache = false

  func run() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    var options = BuildOptions(studyFolders: studies, outputFolder: out)
    options.ignoreCache = noCache
    options.workers = jobs
    let build = SiteBuild(options: options) { print($0) }
    switch build.run() {
    case .success(let summary):
      let count = summary.studies.count
      print("built \(count) \(count == 1 ? "study" : "studies"): \(summary.indexPath)")
    case .failure(let failure):
      FileHandle.standardError.write(Data(DiagnosticRenderer.render(failure.diagnostics).utf8))
      FileHandle.standardError.write(
        Data("build failed in step '\(failure.step)'; \(out)/ was left unchanged\n".utf8))
      throw ExitCode.failure
    }
  }
}
