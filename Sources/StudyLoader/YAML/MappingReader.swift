import Foundation
import StudyModel
import Yams

/// Reads the fields of one YAML mapping, checking types and units, recording every problem
/// with its line and column, and reporting keys nobody asked for (with a suggestion).
final class MappingReader {
  let node: Node
  let file: String
  let sink: DiagnosticSink
  /// The dotted path of this mapping, for messages ("negative.material").
  let path: String
  private var known: [String] = []
  /// Where the key that introduced this mapping stands (for "missing key" messages).
  private var anchor: SourceLocation?

  init?(
    _ node: Node, file: String, sink: DiagnosticSink, path: String, anchor: SourceLocation? = nil
  ) {
    guard node.mapping != nil else {
      sink.error(
        "'\(path.isEmpty ? "the file" : path)' must be a mapping of keys to values",
        at: YAMLDiagnostics.location(of: node, file: file))
      return nil
    }
    self.node = node
    self.file = file
    self.sink = sink
    self.path = path
    self.anchor = anchor
  }

  var location: SourceLocation { YAMLDiagnostics.location(of: node, file: file) }

  func location(of key: String) -> SourceLocation {
    guard let pair = node.mapping?.first(where: { $0.key.string == key }) else { return location }
    return YAMLDiagnostics.location(of: pair.key, file: file)
  }

  private func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The value node of `key`, registering the key as known; reports a missing required key.
  func value(_ key: String, required: Bool, example: String) -> Node? {
    known.append(key)
    guard let value = node.mapping?[key] else {
      if required {
        sink.error(
          "missing required key '\(qualified(key))'", at: anchor ?? location,
          hint: "add '\(key): \(example)'")
      }
      return nil
    }
    return value
  }

  /// Whether `key` is present (and registers it).
  func has(_ key: String) -> Bool {
    node.mapping?[key] != nil
  }

  /// A quantity with units, converted to SI and checked to lie in `range`.
  func quantity(
    _ key: String, _ dimension: Dimension, required: Bool = true,
    range: PartialRangeFrom<Double>? = nil, open: ClosedRange<Double>? = nil
  ) -> Double? {
    let example = QuantityParser.example(dimension)
    guard let value = value(key, required: required, example: example) else { return nil }
    let at = YAMLDiagnostics.location(of: value, file: file)
    guard let text = value.scalar?.string else {
      sink.error("'\(qualified(key))' must be a value such as '\(example)'", at: at)
      return nil
    }
    let number: Double
    do {
      number = try QuantityParser.parse(text, dimension: dimension)
    } catch {
      sink.error("'\(qualified(key))': \(error.message)", at: at)
      return nil
    }
    if let range, !range.contains(number) || !number.isFinite {
      sink.error(
        "'\(qualified(key))' must be at least \(range.lowerBound.formatted), got \(text)", at: at)
      return nil
    }
    if let open, !(number > open.lowerBound && number < open.upperBound) {
      sink.error(
        "'\(qualified(key))' must lie strictly between \(open.lowerBound.formatted) and \(open.upperBound.formatted), got \(text)",
        at: at)
      return nil
    }
    return number
  }

  /// A plain string.
  func string(_ key: String, required: Bool = true, example: String = "text") -> String? {
    guard let value = value(key, required: required, example: example) else { return nil }
    guard let text = value.scalar?.string else {
      sink.error(
        "'\(qualified(key))' must be text", at: YAMLDiagnostics.location(of: value, file: file))
      return nil
    }
    return text
  }

  /// A nested mapping.
  func mapping(_ key: String, required: Bool = true) -> MappingReader? {
    guard let value = value(key, required: required, example: "{ ... }") else { return nil }
    return MappingReader(
      value, file: file, sink: sink, path: qualified(key), anchor: location(of: key))
  }

  /// Declares keys that are allowed but read elsewhere (or only documentary).
  func allow(_ keys: [String]) {
    known += keys
  }

  /// Reports keys that no reader asked for.
  func finish() {
    guard let mapping = node.mapping else { return }
    for (key, _) in mapping {
      guard let name = key.string, !known.contains(name) else { continue }
      let hint =
        Suggestions.closest(to: name, in: known).map { "did you mean '\($0)'?" }
        ?? "known keys here: \(known.sorted().joined(separator: ", "))"
      sink.error(
        "unknown key '\(qualified(name))'", at: YAMLDiagnostics.location(of: key, file: file),
        hint: hint)
    }
  }
}
