import Foundation
import StudyModel
import Yams

/// A YAML node with the file it was read from.
struct LocatedNode {
  let node: Node
  let file: String

  var location: SourceLocation { YAMLDiagnostics.location(of: node, file: file) }
}

/// Reads the fields of one YAML mapping, checking types and units, recording every problem
/// with its line and column, and reporting keys nobody asked for (with a suggestion).
///
/// A mapping may inherit from another (`base:` in the library): keys it does not give are
/// read from the `fallback` reader, and their problems point into the base's own file.
final class MappingReader {
  let node: Node
  let file: String
  /// The mapping this one overrides field by field, if any.
  var fallback: MappingReader?
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

  /// The value of `key` here or, failing that, in the base chain.
  func lookup(_ key: String) -> LocatedNode? {
    if let value = node.mapping?[key] { return LocatedNode(node: value, file: file) }
    return fallback?.lookup(key)
  }

  /// The value node of `key`, registering the key as known; reports a missing required key.
  func value(_ key: String, required: Bool, example: String) -> LocatedNode? {
    known.append(key)
    guard let value = lookup(key) else {
      if required {
        sink.error(
          "missing required key '\(qualified(key))'", at: anchor ?? location,
          hint: "add '\(key): \(example)'")
      }
      return nil
    }
    return value
  }

  /// Whether this mapping itself (not its base) gives `key`.
  func hasOwn(_ key: String) -> Bool {
    node.mapping?[key] != nil
  }

  /// Whether `key` is present here or in the base chain.
  func has(_ key: String) -> Bool {
    lookup(key) != nil
  }

  /// A quantity with units, converted to SI and checked to lie in `range`.
  func quantity(
    _ key: String, _ dimension: UnitDimension, required: Bool = true,
    range: PartialRangeFrom<Double>? = nil, open: ClosedRange<Double>? = nil
  ) -> Double? {
    let example = QuantityParser.example(dimension)
    guard let located = value(key, required: required, example: example) else { return nil }
    let at = located.location
    guard let text = located.node.scalar?.string else {
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
        "'\(qualified(key))' must be at least \(range.lowerBound.plainText), got \(text)", at: at)
      return nil
    }
    if let open, !(number > open.lowerBound && number < open.upperBound) {
      sink.error(
        "'\(qualified(key))' must lie strictly between \(open.lowerBound.plainText) and \(open.upperBound.plainText), got \(text)",
        at: at)
      return nil
    }
    return number
  }

  /// A true-or-false value, `defaultValue` when absent.
  func flag(_ key: String, default defaultValue: Bool) -> Bool {
    guard let located = value(key, required: false, example: "true") else { return defaultValue }
    guard let value = located.node.bool else {
      sink.error("'\(qualified(key))' must be true or false", at: located.location)
      return defaultValue
    }
    return value
  }

  /// A plain string.
  func string(_ key: String, required: Bool = true, example: String = "text") -> String? {
    guard let located = value(key, required: required, example: example) else { return nil }
    guard let text = located.node.scalar?.string else {
      sink.error("'\(qualified(key))' must be text", at: located.location)
      return nil
    }
    return text
  }

  /// A nested mapping.
  func mapping(_ key: String, required: Bool = true) -> MappingReader? {
    guard let located = value(key, required: required, example: "{ ... }") else { return nil }
    let reader = MappingReader(
      located.node, file: located.file, sink: sink, path: qualified(key), anchor: location(of: key))
    // Overriding only some keys of a nested mapping keeps the rest of the base's, through
    // every level of the base chain.
    if located.file == file { reader?.fallback = fallback?.chain(key, path: qualified(key)) }
    return reader
  }

  /// The nested mapping `key` of this reader or, where it has none, of its base chain, each
  /// level backed by the next: the fallback of an overriding nested mapping.
  private func chain(_ key: String, path: String) -> MappingReader? {
    guard let own = node.mapping?[key], own.mapping != nil else {
      return fallback?.chain(key, path: path)
    }
    let reader = MappingReader(own, file: file, sink: sink, path: path)
    reader?.fallback = fallback?.chain(key, path: path)
    return reader
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
