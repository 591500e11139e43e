import StudyModel

/// The site's front page: the list of studies.
public enum IndexPage {
  /// The Markdown of the front page for `studies` (sorted as given).
  public static func markdown(studies: [StudyEntry]) -> String {
    var lines = ["# Studies", ""]
    if studies.isEmpty {
      lines.append(
        "No studies yet. Add a folder under `studies/` with a `study.yaml` to start one.")
    } else {
      for study in studies {
        lines.append("- [\(escape(study.title))](\(study.slug)/index.html)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The complete HTML of the front page.
  public static func html(studies: [StudyEntry], templates: SiteTemplates) throws(TemplateError)
    -> String
  {
    let body = Markdown.html(markdown(studies: studies))
    return try templates.page(title: "Cellbook studies", body: body, root: "")
  }

  private static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if "\\`*_[]<>".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
