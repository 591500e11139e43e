import Foundation
import StudyModel

/// Reads a study's `report.md`, when there is one, and checks every computed value it asks
/// for against the study's simulations, so that a mistake in the prose is reported at load
/// with its line and column.
enum ReportReader {
  /// The report's file name in a study folder.
  static let fileName = "report.md"

  static let example = "write {{simulation: charge.capacity | np=1.0, current=2.8 mA/cm2}}"

  /// The report in `folder` (nil when the study has none).
  static func read(folder: String, simulations: [SimulationSpec], sink: DiagnosticSink)
    -> StudyReport?
  {
    let path = "\(folder)/\(fileName)"
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    var values: [InlineReference] = []
    for placeholder in ReportPlaceholder.scan(text) {
      guard case .value(let body) = placeholder.kind else { continue }
      let at = SourceLocation(file: path, line: placeholder.line, column: placeholder.column)
      if let reference = reference(
        body, at: at, range: placeholder.utf8Range, simulations: simulations, sink: sink)
      {
        values.append(reference)
      }
    }
    return StudyReport(path: path, text: text, values: values)
  }

  private static func reference(
    _ body: String, at: SourceLocation, range: Range<Int>, simulations: [SimulationSpec],
    sink: DiagnosticSink
  ) -> InlineReference? {
    let parts = body.split(separator: "|", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let head = parts[0].split(separator: ":", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard head.count == 2 else {
      sink.error("cannot read this value reference", at: at, hint: example)
      return nil
    }
    let (name, quantityName) = (head[0], head[1])
    guard let simulation = simulations.first(where: { $0.name == name }) else {
      sink.error(
        "no simulation '\(name)' in this study", at: at,
        hint: Suggestions.closest(to: name, in: simulations.map(\.name)).map {
          "did you mean '\($0)'?"
        } ?? example)
      return nil
    }
    guard let quantity = ResultQuantity(quantityName) else {
      sink.error(
        "unknown quantity '\(quantityName)'", at: at,
        hint: "write STEP.METRIC, for example charge.capacity")
      return nil
    }
    var fixed: [String: Double] = [:]
    let assignments = parts.count > 1 ? parts[1].split(separator: ",") : []
    for assignment in assignments {
      let pair = assignment.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard pair.count == 2, let dimension = SweepAxisDimension.of(pair[0], in: simulation) else {
        sink.error(
          "'\(assignment.trimmingCharacters(in: .whitespaces))' is not AXIS=VALUE for an axis of '\(name)'",
          at: at, hint: "its axes: \(simulation.sweeps.map(\.name).joined(separator: ", "))")
        return nil
      }
      do throws(UnitError) {
        fixed[pair[0]] = try QuantityParser.parse(pair[1], dimension: dimension)
      } catch {
        sink.error("'\(pair[0])=\(pair[1])': \(error.message)", at: at)
        return nil
      }
    }
    return InlineReference(
      simulation: name, quantity: quantity, fixed: fixed, location: at, utf8Range: range)
  }
}
