import StudyModel
import Yams

/// Reads a study's `fits:`: for each, the cell, its parameters with a start and bounds, the
/// observations to reproduce and how many simulations the search may run.
struct FitReader {
  let root: MappingReader
  let cells: [String: CellDefinition]
  let simulations: [SimulationSpec]
  let observations: [String: Observation]
  let sink: DiagnosticSink

  func fits() -> [FitSpec] {
    guard let section = root.mapping("fits", required: false) else { return [] }
    defer { section.finish() }
    var result: [FitSpec] = []
    for id in section.node.mapping?.keys.compactMap(\.string) ?? [] {
      guard let reader = section.mapping(id) else { continue }
      defer { reader.finish() }
      if let fit = fit(id, reader) { result.append(fit) }
    }
    let fitted = Dictionary(grouping: result, by: \.cell).filter { $0.value.count > 1 }
    for (cell, fits) in fitted {
      sink.error(
        "cell '\(cell)' is fitted by \(fits.count) fits (\(fits.map(\.id).joined(separator: ", ")))",
        at: section.location(of: fits[1].id), hint: "fit a cell's parameters in one fit")
    }
    return result
  }

  private func fit(_ id: String, _ reader: MappingReader) -> FitSpec? {
    let text = reader.string("text", example: "what is fitted and why")
    let cellName = reader.string("cell", example: "a name from this study's cells")
    let cell = cellName.flatMap { name -> CellDefinition? in
      guard let cell = cells[name] else {
        sink.error(
          "fit '\(id)' fits cell '\(name)', which the study does not declare",
          at: reader.location(of: "cell"),
          hint: Suggestions.closest(to: name, in: Array(cells.keys)).map {
            "did you mean '\($0)'?"
          })
        return nil
      }
      return cell
    }
    let parameters = reader.mapping("parameters").map { self.parameters($0, cell: cell) } ?? []
    let targets = self.targets(reader, id: id, cell: cellName)
    let evaluations = reader.quantity("evaluations", .none, range: 1...)
    if let evaluations, evaluations != evaluations.rounded() || evaluations > 10_000 {
      sink.error(
        "'evaluations' must be a whole number up to 10000", at: reader.location(of: "evaluations"))
    }
    guard let text, let cellName, cell != nil, !parameters.isEmpty, !targets.isEmpty,
      let evaluations
    else { return nil }
    return FitSpec(
      id: id, text: text, cell: cellName, parameters: parameters, targets: targets,
      evaluations: Int(evaluations))
  }

  private func parameters(_ section: MappingReader, cell: CellDefinition?) -> [FitSpec.Parameter] {
    defer { section.finish() }
    var result: [FitSpec.Parameter] = []
    for name in section.node.mapping?.keys.compactMap(\.string) ?? [] {
      let at = section.location(of: name)
      guard let path = CellParameterPath.named(name) else {
        sink.error(
          "unknown parameter '\(name)'", at: at,
          hint: Suggestions.closest(to: name, in: CellParameterPath.names).map {
            "did you mean '\($0)'?"
          })
        section.allow([name])
        continue
      }
      if let cell, !path.exists(in: cell.parameters) {
        sink.error(
          "cell '\(cell.name)' has no '\(name)': its submodel is not in the cell file", at: at,
          hint: "turn the submodel on in the cell, or fit another parameter")
      }
      guard let body = section.mapping(name) else { continue }
      defer { body.finish() }
      let initial = body.quantity("initial", path.dimension, open: 0...Double.infinity)
      let bounds = self.bounds(body, path)
      guard let initial, let bounds else { continue }
      guard bounds.lower <= initial, initial <= bounds.upper else {
        sink.error(
          "'\(name)' starts outside its bounds", at: body.location(of: "initial"),
          hint: "choose 'initial' between the two bounds")
        continue
      }
      result.append(
        FitSpec.Parameter(path: path, initial: initial, lower: bounds.lower, upper: bounds.upper))
    }
    return result
  }

  /// `bounds: [LOW, HIGH]`, both above 0 (the search runs in their logarithm).
  private func bounds(_ body: MappingReader, _ path: CellParameterPath) -> (
    lower: Double, upper: Double
  )? {
    let example = QuantityParser.example(path.dimension)
    guard let located = body.value("bounds", required: true, example: "[\(example), …]") else {
      return nil
    }
    let texts = located.node.sequence?.compactMap { $0.scalar?.string } ?? []
    do {
      let values = try texts.map { text throws(UnitError) in
        try QuantityParser.parse(text, dimension: path.dimension)
      }
      guard values.count == 2, values[0] > 0, values[0] < values[1] else {
        sink.error(
          "'bounds' must be two increasing values above 0", at: located.location,
          hint: "for example [\(example), …]; the search runs in their logarithm")
        return nil
      }
      return (values[0], values[1])
    } catch {
      sink.error("'bounds': \(error.message)", at: located.location)
      return nil
    }
  }

  /// The observations to reproduce: each must be of a simulation on the fitted cell.
  private func targets(_ reader: MappingReader, id: String, cell: String?) -> [String] {
    guard let located = reader.value("targets", required: true, example: "[an-observation]")
    else { return [] }
    guard let sequence = located.node.sequence, !sequence.isEmpty else {
      sink.error("'targets' must be a list of observations", at: located.location)
      return []
    }
    var result: [String] = []
    for node in sequence {
      let at = YAMLDiagnostics.location(of: node, file: located.file)
      guard let name = node.scalar?.string, let observation = observations[name] else {
        let name = node.scalar?.string ?? ""
        sink.error(
          "no observation '\(name)'", at: at,
          hint: Suggestions.closest(to: name, in: Array(observations.keys)).map {
            "did you mean '\($0)'?"
          } ?? "declare it under 'observations:'")
        continue
      }
      let simulation = simulations.first { $0.name == observation.selection.simulation }
      if let cell, let simulation, simulation.cell != cell {
        sink.error(
          "observation '\(name)' is of simulation '\(simulation.name)', which runs on cell "
            + "'\(simulation.cell)', not on the fitted '\(cell)'", at: at)
        continue
      }
      result.append(name)
    }
    return result
  }
}
