import ArgumentParser
import Foundation
import StudyModel

/// The `cellbook` command: studies in, simulations, figures and a site out.
@main
struct Cellbook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cellbook",
    abstract: "Regenerate battery-study figures and reports from declarative study files.",
    version: CellbookVersion.string,
    subcommands: [
      BuildCommand.self, CheckCommand.self, SimulateCommand.self, BenchCommand.self,
      GalleryCommand.self, DiffCommand.self,
    ]
  )

  /// Runs the command, mapping usage errors to exit status 2 as documented.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
