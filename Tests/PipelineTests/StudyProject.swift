import Foundation
import Pipeline
import TestSupport

/// A temporary project holding one study (and the files beside it) with a copy of the shared
/// library, built into its own `output/`.
struct StudyProject {
  let folder: TemporaryFolder

  /// The project with `study` as `studies/<name>/study.yaml` and `files` by path relative to
  /// the study's folder.
  init(study: String, named name: String, files: [String: String] = [:]) throws {
    folder = try TemporaryFolder()
    try FileManager.default.copyItem(
      atPath: ProjectPaths.library, toPath: "\(folder.path)/studies/library")
    try folder.write(study, to: "studies/\(name)/study.yaml")
    for (path, text) in files { try folder.write(text, to: "studies/\(name)/\(path)") }
  }

  /// Builds the project, passing each log line to `log`.
  func build(log: @escaping (String) -> Void = { _ in }) -> Result<SiteBuild.Summary, BuildFailure>
  {
    SiteBuild(
      options: BuildOptions(
        studiesRoot: "\(folder.path)/studies", outputFolder: "\(folder.path)/output",
        templatesFolder: "\(folder.path)/templates"), log: log
    ).run()
  }

  /// The text of a file of the project.
  func read(_ relative: String) -> String? { folder.read(relative) }

  func remove() { folder.remove() }
}
