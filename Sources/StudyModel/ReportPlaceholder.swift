import Foundation

/// A `{{…}}` in a study's `report.md`, found by `ReportPlaceholder.scan`, the one reader of
/// that syntax.
///
/// A line that is exactly `{{id}}` places a figure, a table or a generated section there;
/// `{{simulation: quantity | axis=value, …}}` inside a line becomes a computed value. Code
/// fences are skipped.
public struct ReportPlaceholder: Sendable, Equatable {
  /// What the placeholder asks for.
  public enum Kind: Sendable, Equatable {
    /// A whole line `{{id}}`: a float or section placed there.
    case block(id: String)
    /// A value reference; the text between the braces.
    case value(body: String)
  }

  /// What it asks for.
  public let kind: Kind
  /// Line (from 1) and column (from 1, in characters) of its first brace.
  public let line: Int
  /// Column of its first brace, in characters from 1.
  public let column: Int
  /// Where it lies in the report's text, as UTF-8 offsets (both braces included).
  public let utf8Range: Range<Int>

  /// Every placeholder of `markdown`, in order.
  public static func scan(_ markdown: String) -> [ReportPlaceholder] {
    var found: [ReportPlaceholder] = []
    var offset = 0
    var inFence = false
    // Lines end at each LF byte, as `components(separatedBy: "\n")` splits them (a CRLF ending
    // leaves a CR, which the trimming below ignores).
    for (index, bytes) in markdown.utf8.split(separator: 10, omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = String(decoding: bytes, as: UTF8.self)
      defer { offset += bytes.count + 1 }
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence { continue }
      if let id = blockIdentifier(trimmed) {
        let start = line.firstIndex(of: "{") ?? line.startIndex
        let before = line.utf8.distance(from: line.startIndex, to: start)
        found.append(
          ReportPlaceholder(
            kind: .block(id: id), line: index + 1,
            column: line.distance(from: line.startIndex, to: start) + 1,
            utf8Range: (offset + before)..<(offset + before + trimmed.utf8.count)))
        continue
      }
      var search = line.startIndex
      while let open = line.range(of: "{{", range: search..<line.endIndex),
        let close = line.range(of: "}}", range: open.upperBound..<line.endIndex)
      {
        search = close.upperBound
        let body = String(line[open.upperBound..<close.lowerBound])
        guard body.contains(":") else { continue }  // {{id}} within a line is text
        let start = offset + line.utf8.distance(from: line.startIndex, to: open.lowerBound)
        let end = offset + line.utf8.distance(from: line.startIndex, to: close.upperBound)
        found.append(
          ReportPlaceholder(
            kind: .value(body: body), line: index + 1,
            column: line.distance(from: line.startIndex, to: open.lowerBound) + 1,
            utf8Range: start..<end))
      }
    }
    return found
  }

  /// The id of a line that is exactly `{{id}}` (letters, digits and '-').
  private static func blockIdentifier(_ line: String) -> String? {
    guard line.hasPrefix("{{"), line.hasSuffix("}}"), line.count > 4 else { return nil }
    let id = String(line.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
    return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? id : nil
  }
}

/// A computed value in a report's prose, `{{simulation: quantity | axis=value, …}}`, read and
/// checked against the study when the study loads.
public struct InlineReference: Sendable, Equatable {
  /// The simulation.
  public let simulation: String
  /// The quantity.
  public let quantity: ResultQuantity
  /// The values of every swept axis, SI by axis name.
  public let fixed: [String: Double]
  /// Where it is written.
  public let location: SourceLocation
  /// Where it lies in the report's text, as UTF-8 offsets.
  public let utf8Range: Range<Int>

  /// A reference.
  public init(
    simulation: String, quantity: ResultQuantity, fixed: [String: Double],
    location: SourceLocation, utf8Range: Range<Int>
  ) {
    self.simulation = simulation
    self.quantity = quantity
    self.fixed = fixed
    self.location = location
    self.utf8Range = utf8Range
  }
}

/// A study's `report.md` as loaded: its text and its value references.
public struct StudyReport: Sendable, Equatable {
  /// The file's path.
  public let path: String
  /// Its Markdown.
  public let text: String
  /// Its computed values, in order.
  public let values: [InlineReference]

  /// A report.
  public init(path: String, text: String, values: [InlineReference]) {
    self.path = path
    self.text = text
    self.values = values
  }
}
