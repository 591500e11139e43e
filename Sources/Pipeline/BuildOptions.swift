import Foundation

/// What `cellbook build` is asked to do.
public struct BuildOptions: Sendable {
  /// Study folders to build; empty means every study under `studiesRoot`.
  public var studyFolders: [String]
  /// The folder that holds the studies.
  public var studiesRoot: String
  /// Where the site goes.
  public var outputFolder: String
  /// The folder whose files override the built-in templates.
  public var templatesFolder: String
  /// Ignore cached results and run every simulation again (the new results are stored).
  public var ignoreCache = false
  /// When set, the built studies are also frozen under `archive/<study>/<label>/`.
  public var archiveLabel: String?
  /// Worker threads for simulations.
  public var workers = ProcessInfo.processInfo.activeProcessorCount

  /// Options with the project's conventional folders.
  public init(
    studyFolders: [String] = [], studiesRoot: String = "studies", outputFolder: String = "output",
    templatesFolder: String = "templates"
  ) {
    self.studyFolders = studyFolders
    self.studiesRoot = studiesRoot
    self.outputFolder = outputFolder
    self.templatesFolder = templatesFolder
  }
}
