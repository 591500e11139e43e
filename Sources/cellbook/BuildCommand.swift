import ArgumentParser
import Foundation
import Pipeline
import Review
import StudyModel

/// `cellbook build`: turn the studies into the static site.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build every study (or the ones named) into a static website.",
    discussion: """
      The site replaces the output folder only when the whole build succeeded; \
      after a failure or an interrupt the previous site is left as it was.
      Exit status: 0 on success, 1 when a study has errors, 2 on usage errors.
      """
  )

  @Argument(help: "Study folders to build (default: every study under studies/).")
  var studies: [String] = []

  @Option(help: "The folder the site is written to.")
  var out = "output"

  @Option(help: "Worker threads for simulations (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Run every simulation and draw every figure again instead of reusing the cache.")
  var noCache = false

  @Option(
    help: ArgumentHelp(
      "Also freeze each built study under <out>/archive/<study>/<label>/ for design reviews.",
      valueName: "label"))
  var archive: String?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    if let archive, !SiteArchiveLabel.isValid(archive) {
      throw ValidationError(
        "--archive '\(archive)': use letters, digits, '.', '-' or '_' (for example 2026-11-review)")
    }
  }

  func run() throws {
    var options = BuildOptions(studyFolders: studies, outputFolder: out)
    options.ignoreCache = noCache
    options.workers = jobs
    options.archiveLabel = archive
    InterruptCleanup.install(outputFolder: out)
    // The bar goes to standard error, redrawn in place; piped output gets plain lines.
    let progress: ProgressStyle =
      isatty(STDERR_FILENO) == 1
      ? .terminal(write: { text in FileHandle.standardError.write(Data(text.utf8)) }) : .lines
    // Written straight through, so a pipe (tee, CI logs) sees each step as it starts.
    let build = SiteBuild(options: options, progress: progress) { line in
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
    switch build.run() {
    case .success(let summary):
      let count = summary.studies.count
      print(
        "built \(count) \(count == 1 ? "study" : "studies") (\(summary.simulated) simulated, \(summary.reused) reused): \(summary.indexPath)"
      )
    case .failure(let failure):
      FileHandle.standardError.write(Data(DiagnosticRenderer.render(failure.diagnostics).utf8))
      FileHandle.standardError.write(
        Data("build failed in step '\(failure.step)'; \(out)/ was left unchanged\n".utf8))
      throw ExitCode.failure
    }
  }
}
