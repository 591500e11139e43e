import Foundation
import StudyModel

/// `cellbook check`: validates study files and library entries without running anything.
public enum ProjectChecker {
  /// What a check looked at and what it found.
  public struct Report: Sendable {
    /// Files checked.
    public let files: [String]
    /// Problems, in file order.
    public let diagnostics: [Diagnostic]
  }

  /// Checks `paths` (files or folders; folders are searched for YAML files), or everything
  /// under `studiesRoot` when `paths` is empty.
  public static func check(paths: [String], studiesRoot: String = "studies") -> Report {
    let targets = paths.isEmpty ? [studiesRoot] : paths
    var files: [String] = []
    for target in targets { files += yamlFiles(under: target) }
    var diagnostics: [Diagnostic] = []
    for file in files {
      diagnostics += check(file: file)
    }
    return Report(files: files, diagnostics: diagnostics)
  }

  /// The problems of one file, chosen by where it lives: library cells, materials and
  /// electrolytes, or a study's `study.yaml`.
  public static func check(file: String) -> [Diagnostic] {
    let loader = CellFileLoader(libraryFolder: CellFileLoader.library(for: file))
    switch kind(of: file) {
    case "cells":
      if case .failure(let list) = loader.load(path: file) { return list.diagnostics }
      return []
    case "materials": return loader.checkMaterial(path: file)
    case "electrolytes": return loader.checkElectrolyte(path: file)
    default:
      guard (file as NSString).lastPathComponent == StudyDiscovery.studyFileName else { return [] }
      let studyFolder = (file as NSString).deletingLastPathComponent
      if case .failure(let list) = StudyFileLoader.load(folder: studyFolder) {
        return list.diagnostics
      }
      return []
    }
  }

  /// The kind of a file: by its folder in the library, by its name for studies, otherwise
  /// by the keys it has.
  private static func kind(of file: String) -> String {
    let folder = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
    if ["cells", "materials", "electrolytes"].contains(folder) { return folder }
    if (file as NSString).lastPathComponent == StudyDiscovery.studyFileName { return "study" }
    let sink = DiagnosticSink()
    let keys =
      YAMLDocument.load(path: file, sink: sink)?.root.mapping?.keys.compactMap(\.string) ?? []
    if keys.contains("negative") { return "cells" }
    if keys.contains("ocp") { return "materials" }
    if keys.contains("transference_number") { return "electrolytes" }
    return "study"
  }

  private static func yamlFiles(under path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      return [path]
    }
    guard isFolder.boolValue else { return [path] }
    let enumerator = FileManager.default.enumerator(atPath: path)
    var files: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasSuffix(".yaml") { files.append("\(path)/\(relative)") }
    }
    return files.sorted()
  }
}
