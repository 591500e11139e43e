import StudyModel

/// The site's front page: a card per study with its summary, its claims tally and a
/// thumbnail of its first figure.
public enum IndexPage {
  /// What the front page shows of one study.
  public struct Card: Sendable, Equatable {
    /// The study's folder name (its URL).
    public let slug: String
    /// The title.
    public let title: String
    /// One paragraph on what it is.
    public let summary: String
    /// Claims that passed, and claims stated.
    public let claimsPassed: Int
    /// Claims stated.
    public let claimsTotal: Int
    /// The thumbnail's path relative to the site root, if the study has a figure.
    public let thumbnail: String?
    /// The thumbnail's alternative text.
    public let thumbnailAlt: String

    /// A card.
    public init(
      slug: String, title: String, summary: String, claimsPassed: Int, claimsTotal: Int,
      thumbnail: String?, thumbnailAlt: String
    ) {
      self.slug = slug
      self.title = title
      self.summary = summary
      self.claimsPassed = claimsPassed
      self.claimsTotal = claimsTotal
      self.thumbnail = thumbnail
      self.thumbnailAlt = thumbnailAlt
    }
  }

  /// The body HTML of the front page for `cards` (in the order given), with a link to the
  /// design-review archive when there is one.
  public static func body(cards: [Card], archive: Bool = false) -> String {
    var html = "<h1>Studies</h1>\n"
    guard !cards.isEmpty else {
      return html
        + "<p>No studies yet. Add a folder under <code>studies/</code> with a <code>study.yaml</code> to start one.</p>\n"
    }
    html += "<ul class=\"studies\">\n"
    for card in cards {
      let link = "\(card.slug)/index.html"
      var item = "<li class=\"study-card\">"
      if let thumbnail = card.thumbnail {
        item +=
          "<a class=\"thumb\" href=\"\(link)\"><img src=\"\(thumbnail)\" alt=\"\(ReportFloat.escape(card.thumbnailAlt))\" loading=\"lazy\"></a>"
      }
      item += "<div><h2><a href=\"\(link)\">\(ReportFloat.escape(card.title))</a></h2>"
      if !card.summary.isEmpty { item += "<p>\(ReportFloat.escape(card.summary))</p>" }
      if card.claimsTotal > 0 {
        let all = card.claimsPassed == card.claimsTotal
        item +=
          "<p class=\"tally\(all ? " all" : "")\">Claims reproduced: <strong>\(card.claimsPassed)/\(card.claimsTotal)</strong></p>"
      }
      item += "</div></li>\n"
      html += item
    }
    html += "</ul>\n"
    if archive {
      html += "<p><a href=\"archive/index.html\">Design-review archive</a></p>\n"
    }
    return html
  }

  /// The complete HTML of the front page.
  public static func html(cards: [Card], archive: Bool = false, templates: SiteTemplates)
    throws(TemplateError) -> String
  {
    try templates.page(
      title: "Cellbook studies", body: body(cards: cards, archive: archive), root: "")
  }
}
