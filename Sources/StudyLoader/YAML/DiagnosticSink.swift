import Foundation
import StudyModel
import Yams

/// Collects the diagnostics of one load, so that every problem is reported, not only the first.
final class DiagnosticSink {
  private(set) var diagnostics: [Diagnostic] = []

  func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
    diagnostics.append(Diagnostic(.error, at: location, message, hint: hint))
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A YAML file parsed into nodes that remember their positions.
struct YAMLDocument {
  let path: String
  let root: Node

  /// Reads and parses `path`; problems go to `sink`.
  static func load(path: String, sink: DiagnosticSink) -> YAMLDocument? {
    let file = SourceLocation(file: path)
    guard let data = InputFiles.read(path) else {
      sink.error("cannot read the file", at: file, hint: "check that the path exists")
      return nil
    }
    do {
      guard let root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self)) else {
        sink.error("the file is empty", at: file)
        return nil
      }
      return YAMLDocument(path: path, root: root)
    } catch let error as YamlError {
      let diagnostic = YAMLDiagnostics.diagnostic(for: error, file: path)
      sink.error(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint)
      return nil
    } catch {
      sink.error("\(error)", at: file)
      return nil
    }
  }
}
