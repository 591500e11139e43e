import StudyModel

/// A study's page: its title and its report prose.
public enum StudyPage {
  /// The complete HTML of the page of `study`, whose `report.md` text is `report` (if any).
  ///
  /// `floats` are the figures and tables whose placeholders `report` carries (see
  /// `ReportAssembler.resolve`).
  public static func html(
    study: StudyEntry, report: String?, floats: [ReportFloat] = [], templates: SiteTemplates
  ) throws(TemplateError) -> String {
    var markdown = report ?? "# \(study.title)\n\nThis study has no `report.md` yet.\n"
    if !markdown.hasPrefix("# ") { markdown = "# \(study.title)\n\n" + markdown }
    let body = ReportAssembler.place(Markdown.html(markdown), floats: floats)
    return try templates.page(title: study.title, body: body, root: "../")
  }
}
