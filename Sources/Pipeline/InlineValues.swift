import Foundation
import StudyLoader
import StudyModel

/// Numbers in a report's prose computed from the results, so the text never goes stale:
/// `{{np-sweep: charge.mean_net_overpotential | np=0.8, current=2.8 mA/cm2}}` reads "159 mV".
///
/// The simulation, the quantity and every sweep axis must be named so that exactly one run
/// matches; anything else is an error at the reference's line and column.
enum InlineValues {
  /// One reference in the prose.
  struct Reference {
    let simulation: String
    let quantity: String
    let fixed: [String: Double]
    let line: Int
    let column: Int
    let range: Range<String.Index>
  }

  /// Checks every reference of `markdown` against the study (before anything runs).
  static func check(_ markdown: String, file: String, study: Study) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    _ = references(markdown, file: file, study: study, problems: &problems)
    return problems
  }

  /// The Markdown with every reference replaced by its value, or the problems.
  static func resolve(
    _ markdown: String, file: String, study: Study, analysis: StudyAnalysis?
  ) -> Result<String, DiagnosticList> {
    var problems: [Diagnostic] = []
    let found = references(markdown, file: file, study: study, problems: &problems)
    var text = markdown
    for reference in found.reversed() {
      let rows = (analysis?.rows[reference.simulation] ?? []).filter {
        FigureSelection.matches($0.coordinates, fixed: reference.fixed)
      }
      let at = SourceLocation(file: file, line: reference.line, column: reference.column)
      guard rows.count == 1 else {
        problems.append(
          Diagnostic(
            .error, at: at,
            rows.isEmpty
              ? "no result of '\(reference.simulation)' matches this reference"
              : "\(rows.count) results of '\(reference.simulation)' match this reference",
            hint: "name every swept axis of the simulation, at one of its values"))
        continue
      }
      guard let value = rows[0].quantities[reference.quantity], value.isFinite else {
        text.replaceSubrange(reference.range, with: "(no value: the run failed)")
        continue
      }
      text.replaceSubrange(reference.range, with: display(value, quantity: reference.quantity))
    }
    return problems.isEmpty ? .success(text) : .failure(DiagnosticList(problems))
  }

  /// The value at three significant digits with its display unit.
  static func display(_ value: Double, quantity: String) -> String {
    let label = QuantityLabels.quantity(quantity)
    let number = ParameterSection.number(
      Double(String(format: "%.3g", value * label.scale)) ?? value)
    guard !label.unit.isEmpty else { return number }
    let unit = label.unit.replacingOccurrences(of: "cm2", with: "cm²")
    return unit == "%" ? "\(number) %" : "\(number) \(unit)"
  }

  private static func references(
    _ markdown: String, file: String, study: Study, problems: inout [Diagnostic]
  ) -> [Reference] {
    var found: [Reference] = []
    var lineNumber = 0
    var lineStart = markdown.startIndex
    var inFence = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      defer {
        lineStart = markdown.index(lineStart, offsetBy: line.count)
        if lineStart < markdown.endIndex { lineStart = markdown.index(after: lineStart) }
      }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
      if inFence { continue }
      var search = line.startIndex
      while let open = line.range(of: "{{", range: search..<line.endIndex),
        let close = line.range(of: "}}", range: open.upperBound..<line.endIndex)
      {
        search = close.upperBound
        let body = String(line[open.upperBound..<close.lowerBound])
        guard body.contains(":") else { continue }  // {{id}} placements are not values
        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
        let at = SourceLocation(file: file, line: lineNumber, column: column)
        let start = markdown.index(lineStart, offsetBy: column - 1)
        let end = markdown.index(
          start, offsetBy: line.distance(from: open.lowerBound, to: close.upperBound))
        if let reference = parse(body, study: study, at: at, problems: &problems) {
          found.append(
            Reference(
              simulation: reference.0, quantity: reference.1, fixed: reference.2, line: lineNumber,
              column: column, range: start..<end))
        }
      }
    }
    return found
  }

  private static func parse(
    _ body: String, study: Study, at: SourceLocation, problems: inout [Diagnostic]
  ) -> (String, String, [String: Double])? {
    let example = "write {{simulation: charge.capacity | np=1.0, current=2.8 mA/cm2}}"
    let parts = body.split(separator: "|", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let head = parts[0].split(separator: ":", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard head.count == 2 else {
      problems.append(Diagnostic(.error, at: at, "cannot read this value reference", hint: example))
      return nil
    }
    let (name, quantity) = (head[0], head[1])
    guard let simulation = study.simulations.first(where: { $0.name == name }) else {
      problems.append(
        Diagnostic(
          .error, at: at, "no simulation '\(name)' in this study",
          hint: Suggestions.closest(to: name, in: study.simulations.map(\.name)).map {
            "did you mean '\($0)'?"
          } ?? example))
      return nil
    }
    guard ResultQuantity.isKnown(quantity) else {
      problems.append(
        Diagnostic(
          .error, at: at, "unknown quantity '\(quantity)'",
          hint: "write STEP.METRIC, for example charge.capacity"))
      return nil
    }
    var fixed: [String: Double] = [:]
    let assignments = parts.count > 1 ? parts[1].split(separator: ",") : []
    for assignment in assignments {
      let pair = assignment.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard pair.count == 2, let dimension = SweepAxisDimension.of(pair[0], in: simulation) else {
        problems.append(
          Diagnostic(
            .error, at: at,
            "'\(assignment.trimmingCharacters(in: .whitespaces))' is not AXIS=VALUE for an axis of '\(name)'",
            hint: "its axes: \(simulation.sweeps.map(\.name).joined(separator: ", "))"))
        return nil
      }
      do throws(UnitError) {
        fixed[pair[0]] = try QuantityParser.parse(pair[1], dimension: dimension)
      } catch {
        problems.append(Diagnostic(.error, at: at, "'\(pair[0])=\(pair[1])': \(error.message)"))
        return nil
      }
    }
    return (name, quantity, fixed)
  }
}
