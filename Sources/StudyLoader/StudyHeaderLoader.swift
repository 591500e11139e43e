import Foundation
import StudyModel
import Yams

/// Reads what the site index needs from a study file: its title.
public enum StudyHeaderLoader {
  /// Loads the entry of the study in `folder`, or the diagnostics that prevent it.
  public static func load(folder: String) -> Result<StudyEntry, DiagnosticList> {
    let path = "\(folder)/\(StudyDiscovery.studyFileName)"
    let file = SourceLocation(file: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(DiagnosticList([Diagnostic(.error, at: file, "cannot read the study file")]))
    }
    let text = String(decoding: data, as: UTF8.self)
    let node: Node
    do {
      guard let root = try Yams.compose(yaml: text) else {
        return .failure(
          DiagnosticList([
            Diagnostic(
              .error, at: file, "the study file is empty",
              hint: "start it with 'title: <the study's title>'")
          ]))
      }
      node = root
    } catch let error as YamlError {
      return .failure(DiagnosticList([YAMLDiagnostics.diagnostic(for: error, file: path)]))
    } catch {
      return .failure(DiagnosticList([Diagnostic(.error, at: file, "\(error)")]))
    }
    return title(of: node, path: path).map { title in
      StudyEntry(slug: (folder as NSString).lastPathComponent, title: title, folder: folder)
    }
  }

  private static func title(of node: Node, path: String) -> Result<String, DiagnosticList> {
    let at = YAMLDiagnostics.location(of: node, file: path)
    guard let mapping = node.mapping else {
      return .failure(
        DiagnosticList([
          Diagnostic(
            .error, at: at, "a study file must be a mapping of keys to values",
            hint: "start it with 'title: <the study's title>'")
        ]))
    }
    guard let value = mapping["title"] else {
      return .failure(
        DiagnosticList([
          Diagnostic(
            .error, at: at, "missing required key 'title'",
            hint: "add 'title: <the study's title>' at the top of the file")
        ]))
    }
    guard let title = value.scalar?.string, !title.isEmpty else {
      return .failure(
        DiagnosticList([
          Diagnostic(
            .error, at: YAMLDiagnostics.location(of: value, file: path),
            "'title' must be a non-empty string")
        ]))
    }
    return .success(title)
  }
}
