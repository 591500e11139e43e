import Foundation
import StudyModel

/// Resolves a report's cross-references and places its figures and tables.
///
/// `@fig-id` becomes a link reading "Figure 2"; a line reading `{{id}}` places that float;
/// floats not placed by the author follow at the end. An unknown reference or placement is
/// an error at its line and column.
public enum ReportAssembler {
  /// The names of the sections the build generates, placed with `{{name}}` like floats.
  public static let generatedSections = [
    "claims", "comparison", "fits", "parameters", "protocols", "provenance",
  ]

  /// The report's Markdown with references resolved and floats marked, or the problems.
  ///
  /// A line naming a generated section (`{{claims}}`) is replaced by `sections[name]`'s
  /// Markdown, or kept as it is when the caller gives none (a check before anything ran).
  public static func resolve(
    _ markdown: String, file: String, floats: [ReportFloat],
    sections: [String: () -> String] = [:]
  ) -> Result<String, DiagnosticList> {
    let byId = Dictionary(floats.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var blocks: [Int: ReportPlaceholder] = [:]
    for placeholder in ReportPlaceholder.scan(markdown) {
      if case .block = placeholder.kind { blocks[placeholder.line] = placeholder }
    }
    var problems: [Diagnostic] = []
    var lines: [String] = []
    var placed: Set<String> = []
    var inFence = false
    for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
      if inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        lines.append(line)
        continue
      }
      if let block = blocks[index + 1], case .block(let id) = block.kind {
        if generatedSections.contains(id) {
          lines.append(sections[id]?() ?? "{{\(id)}}")
          continue
        }
        if byId[id] != nil {
          placed.insert(id)
          lines.append(marker(id))
        } else {
          problems.append(
            unknown(id, file: file, line: index + 1, column: block.column, known: floats))
        }
        continue
      }
      lines.append(
        references(in: line, lineNumber: index + 1, file: file, floats: byId, problems: &problems))
    }
    guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
    let rest = floats.filter { !placed.contains($0.id) }
    if !rest.isEmpty {
      lines.append("")
      for item in rest { lines += [marker(item.id), ""] }
    }
    return .success(lines.joined(separator: "\n"))
  }

  /// Replaces the placeholder paragraphs in rendered HTML by the floats' blocks.
  public static func place(_ html: String, floats: [ReportFloat]) -> String {
    var result = html
    for item in floats {
      result = result.replacingOccurrences(of: "<p>\(marker(item.id))</p>", with: item.html)
    }
    return result
  }

  private static func marker(_ id: String) -> String { "CELLBOOK-FLOAT-\(id)" }

  /// The line with every `@id` outside inline code replaced by a link to its float.
  private static func references(
    in line: String, lineNumber: Int, file: String, floats: [String: ReportFloat],
    problems: inout [Diagnostic]
  ) -> String {
    var output = ""
    var inCode = false
    let characters = Array(line)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "`" { inCode.toggle() }
      let startsWord =
        index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
      if !inCode, character == "@", startsWord, index + 1 < characters.count,
        characters[index + 1].isLetter
      {
        var end = index + 1
        while end < characters.count,
          characters[end].isLetter || characters[end].isNumber || characters[end] == "-"
        {
          end += 1
        }
        var id = String(characters[(index + 1)..<end])
        while id.hasSuffix("-") {
          id.removeLast()
          end -= 1
        }
        if id.hasPrefix("fig-") || id.hasPrefix("tab-") || floats[id] != nil {
          if let item = floats[id] {
            output += "[\(item.label)](#\(id))"
          } else {
            problems.append(
              unknown(
                id, file: file, line: lineNumber, column: index + 1, known: Array(floats.values)))
            output += "@" + id
          }
          index = end
          continue
        }
      }
      output.append(character)
      index += 1
    }
    return output
  }

  private static func unknown(
    _ id: String, file: String, line: Int, column: Int, known: [ReportFloat]
  ) -> Diagnostic {
    let ids = known.map(\.id).sorted()
    let hint: String
    if let nearest = Suggestions.closest(to: id, in: ids + generatedSections) {
      hint =
        generatedSections.contains(nearest)
        ? "did you mean `\(nearest)`? It is a section the build generates"
        : "did you mean `\(nearest)`? Figures and tables are declared in study.yaml"
    } else if ids.isEmpty {
      hint =
        "this study declares no figures or tables; declare them under `figures:` or `tables:` in study.yaml"
    } else {
      hint = "declared ids: \(ids.joined(separator: ", "))"
    }
    return Diagnostic(
      .error, at: SourceLocation(file: file, line: line, column: column),
      "`\(id)` is not a figure or table of this study", hint: hint)
  }
}
