import Foundation
import StudyModel
import Yams

/// Reads a material property that may be a constant with units, an expression, or a table.
struct FunctionReader {
  let reader: MappingReader
  let sink: DiagnosticSink

  /// The property `key`: a quantity of `dimension` (constant), an expression string in
  /// `variables` (giving SI values), or `{ table: FILE, extrapolation: clamp|linear }`.
  func function(
    _ key: String, dimension: UnitDimension, variables: Set<ExpressionVariable>,
    required: Bool = true,
    example: String
  ) -> MaterialFunction? {
    guard let located = reader.value(key, required: required, example: example) else { return nil }
    let node = located.node
    let at = located.location
    if node.mapping != nil {
      return table(located, key: key, variable: variables.contains(.x) ? .x : .c)
    }
    guard let text = node.scalar?.string else {
      sink.error(
        "'\(key)' must be a value, an expression or a table", at: at,
        hint: "for example '\(example)'")
      return nil
    }
    if let number = try? QuantityParser.parse(text, dimension: dimension) {
      return .constant(number)
    }
    do {
      return .expression(CompiledExpression(try ExpressionParser.parse(text, allowed: variables)))
    } catch {
      let column = at.column + error.offset + (node.scalar?.style == .plain ? 0 : 1)
      sink.error(
        "'\(key)' is neither a value in \(dimension) nor a valid expression: \(error.message)",
        at: SourceLocation(file: at.file, line: at.line, column: column),
        hint: "write a value such as '\(QuantityParser.example(dimension))' or an expression in "
          + "\(variables.map(\.rawValue).sorted().joined(separator: ", ")) using + - * / ^ exp log tanh sqrt pow"
      )
      return nil
    }
  }

  private func table(_ located: LocatedNode, key: String, variable: ExpressionVariable)
    -> MaterialFunction?
  {
    guard let tableReader = MappingReader(located.node, file: located.file, sink: sink, path: key)
    else {
      return nil
    }
    defer { tableReader.finish() }
    guard let file = tableReader.string("table", example: "data/ocp.csv") else { return nil }
    let extrapolationText = tableReader.string("extrapolation", required: false) ?? "clamp"
    let tableLocation = tableReader.location(of: "table")
    guard let extrapolation = Extrapolation(rawValue: extrapolationText) else {
      sink.error(
        "'\(key).extrapolation' must be 'clamp' or 'linear', got '\(extrapolationText)'",
        at: tableReader.location(of: "extrapolation"))
      return nil
    }
    let folder = (located.file as NSString).deletingLastPathComponent
    let path = (folder as NSString).appendingPathComponent(file)
    guard let (xs, ys) = CSVColumns.read(path: path, sink: sink, referencedAt: tableLocation) else {
      return nil
    }
    do {
      return .table(
        try InterpolationTable(xs: xs, ys: ys, extrapolation: extrapolation), variable: variable)
    } catch {
      let line = error.row.map { $0 + 2 } ?? 0
      sink.error(
        "\(path): \(error.message)",
        at: SourceLocation(file: path, line: line, column: line > 0 ? 1 : 0))
      return nil
    }
  }
}

/// The first two numeric columns of a CSV file with a header row.
enum CSVColumns {
  static func read(path: String, sink: DiagnosticSink, referencedAt: SourceLocation) -> (
    [Double], [Double]
  )? {
    guard let data = InputFiles.read(path) else {
      sink.error(
        "table file '\(path)' does not exist", at: referencedAt,
        hint: "paths are relative to the YAML file")
      return nil
    }
    var xs: [Double] = []
    var ys: [Double] = []
    let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
    for (index, line) in lines.enumerated().dropFirst()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      let fields = line.split(separator: ",").map {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      guard fields.count >= 2, let x = fields[0], let y = fields[1] else {
        sink.error(
          "expected two numbers separated by a comma",
          at: SourceLocation(file: path, line: index + 1, column: 1))
        return nil
      }
      xs.append(x)
      ys.append(y)
    }
    return (xs, ys)
  }
}
