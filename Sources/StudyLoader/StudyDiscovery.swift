import Foundation

/// Finds study folders: every direct sub-folder of the studies root with a `study.yaml`.
public enum StudyDiscovery {
  /// The file that marks a folder as a study.
  public static let studyFileName = "study.yaml"
  /// The shared library folder, which holds no study of its own.
  public static let libraryFolderName = "library"

  /// The study folders under `root`, sorted by name; an absent root has none.
  public static func studyFolders(in root: String) -> [String] {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: root) else { return [] }
    return names.sorted().filter { name in
      name != libraryFolderName && !name.hasPrefix(".")
        && manager.fileExists(atPath: "\(root)/\(name)/\(studyFileName)")
    }.map { "\(root)/\($0)" }
  }
}
