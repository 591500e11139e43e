import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown rendered to HTML by cmark-gfm.
public enum Markdown {
  /// cmark-gfm keeps global state that parsers change as extensions are attached and
  /// detached (its table of special inline characters, the extension registry), so renders in
  /// one process take turns.
  private static let lock = NSLock()

  /// The GFM extensions every report gets.
  static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

  /// Renders `source` to an HTML fragment with tables, strikethrough, autolinks, task lists
  /// and footnotes; raw HTML in the source passes through only when `allowRawHTML` is set.
  public static func html(_ source: String, allowRawHTML: Bool = false) -> String {
    lock.lock()
    defer { lock.unlock() }
    cmark_gfm_core_extensions_ensure_registered()
    var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_GITHUB_PRE_LANG
    if allowRawHTML { options |= CMARK_OPT_UNSAFE }
    // Every C object made here is freed here, in reverse order of creation.
    guard let parser = cmark_parser_new(options) else { return "" }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      if let syntax = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntax)
      }
    }
    let bytes = Array(source.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
    }
    guard let document = cmark_parser_finish(parser) else { return "" }
    defer { cmark_node_free(document) }
    guard
      let rendered = cmark_render_html(
        document, options, cmark_parser_get_syntax_extensions(parser))
    else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }
}
