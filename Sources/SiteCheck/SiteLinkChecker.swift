import Foundation
import StudyModel

/// `cellbook check --site DIR`: every internal link and anchor of a built site resolves, and
/// no asset (image, script, style, font) is fetched from the network.
public enum SiteLinkChecker {
  /// What a check of a site found.
  public struct Report: Sendable {
    /// Pages and stylesheets read.
    public let filesChecked: Int
    /// Internal links and anchors checked.
    public let linksChecked: Int
    /// Broken links, missing anchors and external assets, at their line and column.
    public let diagnostics: [Diagnostic]
  }

  /// Checks the site in `folder`.
  public static func check(site folder: String) -> Report {
    let root = (folder as NSString).standardizingPath
    let files = siteFiles(root)
    var idsByPage: [String: Set<String>] = [:]
    var texts: [String: String] = [:]
    for file in files
    where file.hasSuffix(".html") || file.hasSuffix(".css") || file.hasSuffix(".svg") {
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      let text = String(decoding: data, as: UTF8.self)
      texts[file] = text
      if file.hasSuffix(".html") { idsByPage[file] = ids(in: text) }
    }
    var diagnostics: [Diagnostic] = []
    var checked = 0
    for file in texts.keys.sorted() {
      guard let text = texts[file] else { continue }
      for reference in references(in: text) {
        let at = location(in: text, offset: reference.offset, file: file)
        if let problem = externalAsset(reference) {
          diagnostics.append(
            Diagnostic(
              .error, at: at, problem,
              hint: "copy the asset into the site (templates/ overrides the built-in theme)"))
          continue
        }
        guard isInternal(reference.value) else { continue }
        checked += 1
        if let problem = resolve(reference.value, from: file, root: root, ids: idsByPage) {
          diagnostics.append(Diagnostic(.error, at: at, problem))
        }
      }
    }
    return Report(filesChecked: texts.count, linksChecked: checked, diagnostics: diagnostics)
  }

  /// An attribute or CSS reference and where it starts in the text.
  struct Reference {
    let attribute: String
    let element: String
    let value: String
    let offset: Int
  }

  private static let attributePattern = try? NSRegularExpression(
    pattern: #"<([a-zA-Z]+)\b[^>]*?\b(href|src)\s*=\s*"([^"]*)""#)
  private static let cssPattern = try? NSRegularExpression(
    pattern: #"(url)\(\s*['"]?([^'")]+)['"]?\s*\)|@(import)\s+['"]([^'"]+)['"]"#)
  private static let idPattern = try? NSRegularExpression(
    pattern: #"\b(?:id|name)\s*=\s*"([^"]+)""#)

  static func references(in text: String) -> [Reference] {
    let range = NSRange(text.startIndex..., in: text)
    var found: [Reference] = []
    attributePattern?.enumerateMatches(in: text, range: range) { match, _, _ in
      guard let match, let element = Range(match.range(at: 1), in: text),
        let attribute = Range(match.range(at: 2), in: text),
        let value = Range(match.range(at: 3), in: text)
      else { return }
      found.append(
        Reference(
          attribute: String(text[attribute]), element: String(text[element]).lowercased(),
          value: decode(String(text[value])), offset: match.range(at: 3).location))
    }
    cssPattern?.enumerateMatches(in: text, range: range) { match, _, _ in
      guard let match else { return }
      let group = match.range(at: 2).location != NSNotFound ? 2 : 4
      guard let value = Range(match.range(at: group), in: text) else { return }
      found.append(
        Reference(
          attribute: "src", element: "css", value: String(text[value]),
          offset: match.range(at: group).location))
    }
    return found
  }

  private static func ids(in text: String) -> Set<String> {
    var ids: Set<String> = []
    idPattern?.enumerateMatches(in: text, range: NSRange(text.startIndex..., in: text)) {
      match, _, _ in
      if let match, let value = Range(match.range(at: 1), in: text) {
        ids.insert(decode(String(text[value])))
      }
    }
    return ids
  }

  private static func isExternal(_ value: String) -> Bool {
    let lower = value.lowercased()
    return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
      || lower.hasPrefix("ftp:")
  }

  private static func isInternal(_ value: String) -> Bool {
    let lower = value.lowercased()
    return !value.isEmpty && !isExternal(value) && !lower.hasPrefix("mailto:")
      && !lower.hasPrefix("data:") && !lower.hasPrefix("javascript:") && !lower.hasPrefix("tel:")
  }

  /// A network asset: any external `src`, a `<link>` (stylesheet, font, icon) or a CSS
  /// `url()`/`@import`; plain `<a href>` links to other sites are allowed.
  private static func externalAsset(_ reference: Reference) -> String? {
    guard isExternal(reference.value) else { return nil }
    if reference.attribute == "href", reference.element == "a" { return nil }
    return "the site loads '\(reference.value)' from the network; it must work offline"
  }

  private static func resolve(
    _ value: String, from file: String, root: String, ids: [String: Set<String>]
  ) -> String? {
    let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let pathPart = String(parts[0]).components(separatedBy: "?")[0]
    let fragment = parts.count > 1 ? String(parts[1]) : nil
    var target = file
    if !pathPart.isEmpty {
      let base = pathPart.hasPrefix("/") ? root : (file as NSString).deletingLastPathComponent
      target = ((base as NSString).appendingPathComponent(pathPart) as NSString).standardizingPath
      guard target == root || target.hasPrefix(root + "/") else {
        return "'\(value)' points outside the site"
      }
      var folder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: target, isDirectory: &folder) else {
        return "'\(value)' does not exist in the site"
      }
      if folder.boolValue {
        target += "/index.html"
        guard FileManager.default.fileExists(atPath: target) else {
          return "'\(value)' is a folder without an index.html"
        }
      }
    }
    if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
      guard ids[target]?.contains(fragment) == true else {
        return "'\(value)': no element with id '\(fragment)' in \(relative(target, root))"
      }
    }
    return nil
  }

  private static func siteFiles(_ root: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var files: [String] = []
    while let path = walker.nextObject() as? String { files.append("\(root)/\(path)") }
    return files.sorted()
  }

  private static func location(in text: String, offset: Int, file: String) -> SourceLocation {
    let utf16 = Array(text.utf16.prefix(offset))
    let line = utf16.filter { $0 == 10 }.count + 1
    let lastNewline = utf16.lastIndex(of: 10).map { $0 + 1 } ?? 0
    return SourceLocation(file: file, line: line, column: offset - lastNewline + 1)
  }

  private static func relative(_ path: String, _ root: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  private static func decode(_ value: String) -> String {
    value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(
      of: "&quot;", with: "\""
    )
    .removingPercentEncoding ?? value
  }
}
