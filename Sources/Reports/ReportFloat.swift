/// A numbered figure or table of a report: what `@id` refers to and `{{id}}` places.
public struct ReportFloat: Sendable, Equatable {
  /// The identifier from the study file.
  public let id: String
  /// The printed number with its word: "Figure 2", "Table S1".
  public let label: String
  /// The HTML block placed in the page.
  public let html: String

  /// A float.
  public init(id: String, label: String, html: String) {
    self.id = id
    self.label = label
    self.html = html
  }
}
