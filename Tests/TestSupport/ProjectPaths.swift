import Foundation

/// Paths inside this repository, found from the test sources' location.
public enum ProjectPaths {
  /// The repository root (the folder holding Package.swift).
  public static func root(testFile: String = #filePath) -> String {
    var folder = (testFile as NSString).deletingLastPathComponent
    while folder != "/" {
      if FileManager.default.fileExists(atPath: "\(folder)/Package.swift") { return folder }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return FileManager.default.currentDirectoryPath
  }

  /// An executable product built beside the tests (the same configuration as they are).
  public static func product(_ name: String) -> String {
    let tests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return tests.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// The shared library of materials, electrolytes and cells.
  public static var library: String { "\(root())/studies/library" }
}
