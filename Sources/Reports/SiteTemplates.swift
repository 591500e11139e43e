import Foundation
import Mustache
import StudyModel

/// A failure to read or parse an HTML template.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The template file, or the built-in template's name.
  public let path: String
  /// What is wrong with it.
  public let message: String

  /// One line: path and message.
  public var description: String { "\(path): \(message)" }
}

/// The site's templates: the built-in ones, each replaced by a same-named file in the
/// project's templates folder when there is one.
public struct SiteTemplates: Sendable {
  private let texts: [String: String]
  private let origins: [String: String]

  /// Loads the templates, reading overrides from `overrideFolder` (`page.mustache`,
  /// `style.css`) when it exists.
  public init(overrideFolder: String?) throws(TemplateError) {
    var texts = BuiltinTemplates.all
    var origins = Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, "built-in \($0)") })
    if let overrideFolder {
      for name in texts.keys {
        let path = "\(overrideFolder)/\(SiteTemplates.fileName(name))"
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        texts[name] = String(decoding: data, as: UTF8.self)
        origins[name] = path
      }
    }
    self.texts = texts
    self.origins = origins
    // Parse once now so that a broken override is reported before anything is written.
    _ = try pageTemplate()
  }

  private static func fileName(_ name: String) -> String {
    name.contains(".") ? name : "\(name).mustache"
  }

  /// The stylesheet text.
  public var stylesheet: String { texts["style.css"] ?? "" }

  /// Renders a full HTML page around an already-rendered `body`.
  public func page(title: String, body: String, root: String) throws(TemplateError) -> String {
    let context: [String: Any] = [
      "title": title, "body": body, "root": root, "version": CellbookVersion.string,
    ]
    return try pageTemplate().render(context)
  }

  private func pageTemplate() throws(TemplateError) -> MustacheTemplate {
    do {
      return try MustacheTemplate(string: texts["page"] ?? "")
    } catch {
      throw TemplateError(path: origins["page"] ?? "page", message: "\(error)")
    }
  }
}
