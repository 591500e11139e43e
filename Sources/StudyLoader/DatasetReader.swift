import Foundation
import StudyModel
import Yams

/// Reads a study's `datasets:`: CSV files with declared columns, units and current sign.
struct DatasetReader {
  let root: MappingReader
  let claims: ClaimReader
  let sink: DiagnosticSink

  func datasets() -> [String: Dataset] {
    guard let section = root.mapping("datasets", required: false) else { return [:] }
    defer { section.finish() }
    var result: [String: Dataset] = [:]
    for id in section.node.mapping?.keys.compactMap(\.string) ?? [] {
      guard let reader = section.mapping(id) else { continue }
      defer { reader.finish() }
      if let dataset = read(id, reader) { result[id] = dataset }
    }
    return result
  }

  private func read(_ id: String, _ reader: MappingReader) -> Dataset? {
    let file = reader.string("file", example: "data/fig2a.csv")
    let source = reader.string("source", example: "Fig. 2a")
    let sign = reader.string("current_sign", required: false).map { text -> Dataset.CurrentSign? in
      guard let sign = Dataset.CurrentSign(rawValue: text) else {
        sink.error(
          "'current_sign' must be discharge_positive or charge_positive, not '\(text)'",
          at: reader.location(of: "current_sign"))
        return nil
      }
      return sign
    }
    let selection = reader.hasOwn("simulation") ? claims.selection(reader) : nil
    guard let columns = reader.mapping("columns") else { return nil }
    defer { columns.finish() }
    var declared: [(name: String, header: String, unit: UnitValue, at: SourceLocation)] = []
    for name in columns.node.mapping?.keys.compactMap(\.string) ?? [] {
      guard let column = columns.mapping(name) else { continue }
      defer { column.finish() }
      let header = column.string("header", example: "Capacity (mAh/cm2)")
      let unitText = column.string("unit", required: false) ?? ""
      var unit = UnitValue(factor: 1, offset: 0, dimension: .none)
      if !unitText.isEmpty {
        do {
          unit = try UnitParser.parse(unitText)
        } catch {
          sink.error("column '\(name)': \(error.message)", at: column.location(of: "unit"))
        }
      }
      if let header { declared.append((name, header, unit, column.location(of: "header"))) }
    }
    let hasCurrent = declared.contains {
      $0.unit.dimension == .current || $0.unit.dimension == .currentDensity
    }
    if hasCurrent, reader.lookup("current_sign") == nil {
      sink.error(
        "dataset '\(id)' has a current column but no 'current_sign'", at: reader.location,
        hint: "add 'current_sign: discharge_positive' or 'charge_positive'")
    }
    guard let file, let source else { return nil }
    let path = ((reader.file as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent(file)
    guard let values = load(path, declared: declared, referencedAt: reader.location(of: "file"))
    else { return nil }
    var converted: [String: [Double]] = [:]
    for column in declared {
      let negate =
        (column.unit.dimension == .current || column.unit.dimension == .currentDensity)
        && (sign ?? nil) == .chargePositive
      converted[column.name] = (values[column.name] ?? []).map {
        ($0 * column.unit.factor + column.unit.offset) * (negate ? -1 : 1)
      }
    }
    return Dataset(
      id: id, file: path, columns: converted,
      dimensions: Dictionary(declared.map { ($0.name, $0.unit.dimension) }) { first, _ in first },
      selection: selection, source: source)
  }

  /// The declared columns of the CSV at `path`, found by their headers.
  private func load(
    _ path: String, declared: [(name: String, header: String, unit: UnitValue, at: SourceLocation)],
    referencedAt: SourceLocation
  ) -> [String: [Double]]? {
    guard let data = InputFiles.read(path) else {
      sink.error(
        "data file '\(path)' does not exist", at: referencedAt,
        hint: "paths are relative to study.yaml")
      return nil
    }
    let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
    guard let headerLine = lines.first else {
      sink.error("data file '\(path)' is empty", at: referencedAt)
      return nil
    }
    let headers = headerLine.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
    var indices: [String: Int] = [:]
    for column in declared {
      guard let index = headers.firstIndex(of: column.header) else {
        sink.error(
          "column '\(column.header)' is not in \(path)", at: column.at,
          hint: Suggestions.closest(to: column.header, in: headers).map { "did you mean '\($0)'?" }
            ?? "its columns: \(headers.joined(separator: ", "))")
        return nil
      }
      indices[column.name] = index
    }
    var values: [String: [Double]] = [:]
    for (row, line) in lines.enumerated().dropFirst()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      for (name, index) in indices {
        guard index < fields.count,
          let value = Double(fields[index].trimmingCharacters(in: .whitespaces))
        else {
          sink.error(
            "expected a number in column '\(headers[index])'",
            at: SourceLocation(file: path, line: row + 1, column: 1))
          return nil
        }
        values[name, default: []].append(value)
      }
    }
    return values
  }
}
