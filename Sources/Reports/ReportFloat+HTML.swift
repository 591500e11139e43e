extension ReportFloat {
  /// A link offered beside a float: its text and its path relative to the page.
  public struct Download: Sendable, Equatable {
    /// The link text ("PNG", "data (a)").
    public let title: String
    /// The path relative to the study page.
    public let path: String

    /// A download link.
    public init(title: String, path: String) {
      self.title = title
      self.path = path
    }
  }

  /// A figure: its image (with the caption as alt text), numbered caption and downloads.
  ///
  /// `gaps` name the runs the figure would show but could not (a failed simulation and
  /// its reason), printed under the image.
  public static func figure(
    id: String, label: String, caption: String, image: String, widthPixels: Int,
    downloads: [Download], gaps: [String] = []
  ) -> ReportFloat {
    let notes = gaps.map { "<p class=\"gap\">Not shown: \(escape($0)).</p>\n" }.joined()
    let html = """
      <figure id="\(id)" class="float">
      <img src="\(image)" alt="\(escape("\(label): \(caption)"))" width="\(widthPixels)">
      \(notes)<figcaption><strong>\(label).</strong> \(escape(caption)) \(links(downloads))</figcaption>
      </figure>
      """
    return ReportFloat(id: id, label: label, html: html)
  }

  /// A figure that could not be drawn: the reason stands where the image would.
  public static func missingFigure(id: String, label: String, caption: String, reason: String)
    -> ReportFloat
  {
    let html = """
      <figure id="\(id)" class="float missing">
      <p class="gap">This figure could not be drawn: \(escape(reason)).</p>
      <figcaption><strong>\(label).</strong> \(escape(caption))</figcaption>
      </figure>
      """
    return ReportFloat(id: id, label: label, html: html)
  }

  /// A table with a header row and right-aligned cells of already formatted numbers.
  public static func table(
    id: String, label: String, caption: String, header: [String], rows: [[String]],
    downloads: [Download]
  ) -> ReportFloat {
    let heads = header.map { "<th>\(escape($0))</th>" }.joined()
    let body = rows.map { row in
      "<tr>" + row.map { "<td align=\"right\">\(escape($0))</td>" }.joined() + "</tr>"
    }
    let html = """
      <figure id="\(id)" class="float table">
      <figcaption><strong>\(label).</strong> \(escape(caption)) \(links(downloads))</figcaption>
      <table><thead><tr>\(heads)</tr></thead><tbody>
      \(body.joined(separator: "\n"))
      </tbody></table>
      </figure>
      """
    return ReportFloat(id: id, label: label, html: html)
  }

  private static func links(_ downloads: [Download]) -> String {
    let anchors = downloads.map { "<a href=\"\($0.path)\">\(escape($0.title))</a>" }
    return "<span class=\"downloads\">\(anchors.joined(separator: " · "))</span>"
  }

  /// Text made safe inside HTML elements and attributes.
  public static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
