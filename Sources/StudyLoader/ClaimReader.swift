import Foundation
import StudyModel
import Yams

/// Reads a study's `observations:` and `claims:`, checking every name they use.
struct ClaimReader {
  let root: MappingReader
  let simulations: [SimulationSpec]
  let sink: DiagnosticSink

  func observations() -> [String: Observation] {
    guard let section = root.mapping("observations", required: false) else { return [:] }
    defer { section.finish() }
    var result: [String: Observation] = [:]
    for id in section.node.mapping?.keys.compactMap(\.string) ?? [] {
      guard let reader = section.mapping(id) else { continue }
      defer { reader.finish() }
      let quantity = self.quantity(reader)
      // Without a known quantity the value's unit cannot be checked; say so only once.
      guard let dimension = quantity?.dimension else {
        reader.allow(["value", "uncertainty", "simulation", "at", "source"])
        continue
      }
      let value = reader.quantity("value", dimension)
      let uncertainty = reader.quantity("uncertainty", dimension, required: false, range: 0...)
      let selection = self.selection(reader)
      cycles(of: quantity, in: selection, at: reader.location(of: "quantity"))
      let source = reader.string("source", example: "Fig. 2a")
      guard let quantity, let value, let selection, let source else { continue }
      result[id] = Observation(
        id: id, quantity: quantity, value: value, uncertainty: uncertainty, selection: selection,
        source: source)
    }
    return result
  }

  func claims(observations: [String: Observation]) -> [Claim] {
    guard let located = root.value("claims", required: false, example: "[...]") else { return [] }
    guard let items = located.node.sequence else {
      sink.error(
        "'claims' must be a list", at: located.location, hint: "start each claim with '- id: …'")
      return []
    }
    var claims: [Claim] = []
    for (index, item) in items.enumerated() {
      guard
        let reader = MappingReader(
          item, file: located.file, sink: sink, path: "claims[\(index + 1)]")
      else {
        continue
      }
      defer { reader.finish() }
      let id = reader.string("id", example: "capacity-rises")
      let text = reader.string("text", example: "what the paper states")
      let source = reader.string("source", example: "Section 3.1")
      let test = self.test(reader, observations: observations)
      guard let id, let text, let source, let test else { continue }
      claims.append(Claim(id: id, text: text, source: source, test: test))
    }
    return claims
  }

  private func test(_ reader: MappingReader, observations: [String: Observation]) -> ClaimTest? {
    let kinds = [
      "trend", "extremum", "threshold", "ordering", "agreement", "spread", "correlation",
    ]
    let given = kinds.filter { reader.hasOwn($0) }
    reader.allow(kinds)
    guard given.count == 1, let kind = given.first, let body = reader.mapping(kind) else {
      reader.allow(["simulation", "at", "among"])
      sink.error(
        "a claim needs exactly one of \(kinds.joined(separator: ", "))", at: reader.location,
        hint:
          "for example 'trend: { quantity: discharge.capacity, along: np, direction: increasing }'")
      return nil
    }
    defer { body.finish() }
    if kind == "agreement" {
      let id = body.string("observation", example: "an identifier under observations:")
      let tolerance = body.string("tolerance", example: "5 %").flatMap {
        percent($0, at: body.location(of: "tolerance"))
      }
      if let id, observations[id] == nil {
        sink.error(
          "no observation '\(id)'", at: body.location(of: "observation"),
          hint: Suggestions.closest(to: id, in: Array(observations.keys)).map {
            "did you mean '\($0)'?"
          })
      }
      guard let id, let tolerance, observations[id] != nil else { return nil }
      return .agreement(observation: id, relativeTolerance: tolerance)
    }
    let quantity = self.quantity(body)
    let selection = self.selection(reader, allowAmong: true)
    cycles(of: quantity, in: selection, at: body.location(of: "quantity"))
    switch kind {
    case "trend":
      let axis = self.axis(body, selection: selection)
      let direction = body.string("direction", example: "increasing")
      if let direction, !["increasing", "decreasing"].contains(direction) {
        sink.error(
          "'direction' must be 'increasing' or 'decreasing'", at: body.location(of: "direction"))
      }
      guard let quantity, let axis, let direction, let selection else { return nil }
      return .trend(
        quantity: quantity, axis: axis, increasing: direction == "increasing", selection: selection)
    case "extremum":
      let axis = self.axis(body, selection: selection)
      let extremum = body.string("kind", example: "maximum")
      let range = numbers(body, "between", count: 2)
      guard let quantity, let axis, let extremum, let range, range[0] <= range[1], let selection
      else { return nil }
      return .extremum(
        quantity: quantity, axis: axis, maximum: extremum == "maximum", range: range[0]...range[1],
        selection: selection)
    case "spread":
      let axis = self.axis(body, selection: selection)
      let dimension = quantity?.dimension ?? .none
      let atMost = body.quantity("at_most", dimension, range: 0...)
      guard let quantity, let axis, let atMost, let selection else { return nil }
      return .spread(quantity: quantity, axis: axis, atMost: atMost, selection: selection)
    case "correlation":
      let axis = self.axis(body, selection: selection)
      let other = self.quantity(body, key: "with")
      let atLeast = body.quantity("at_least", .none, range: (-1.0)...)
      if let atLeast, atLeast > 1 {
        sink.error(
          "'at_least' is a correlation coefficient, at most 1, got \(atLeast)",
          at: body.location(of: "at_least"), hint: "0.9 asks for a close linear relation")
      }
      guard let quantity, let other, let axis, let atLeast, atLeast <= 1, let selection else {
        return nil
      }
      return .correlation(
        quantity: quantity, other: other, axis: axis, atLeast: atLeast, selection: selection)
    case "threshold":
      let dimension = quantity?.dimension ?? .none
      let above = body.hasOwn("above")
      body.allow(["above", "below"])
      let value = body.quantity(above ? "above" : "below", dimension)
      guard let quantity, let value, let selection else { return nil }
      return .threshold(quantity: quantity, above: above, value: value, selection: selection)
    default:
      let axis = self.axis(body, selection: selection)
      let order = body.string("order", example: "ascending")
      let points = axisValues(body, "points", axis: axis, selection: selection)
      guard let quantity, let axis, let order, let points, let selection else { return nil }
      return .ordering(
        quantity: quantity, axis: axis, points: points, ascending: order == "ascending",
        selection: selection)
    }
  }

  func quantity(_ reader: MappingReader, key: String = "quantity") -> ResultQuantity? {
    guard let name = reader.string(key, example: "discharge.capacity") else { return nil }
    guard let quantity = ResultQuantity(name) else {
      sink.error(
        "unknown quantity '\(name)'", at: reader.location(of: key),
        hint: Suggestions.closest(to: name, in: ResultQuantity.suggestions).map {
          "did you mean '\($0)'?"
        } ?? "write STEP.METRIC with STEP charge, discharge or stepN")
      return nil
    }
    return quantity
  }

  /// Reports a cycle or run quantity of a simulation that does not run that many cycles.
  func cycles(
    of quantity: ResultQuantity?, in selection: ResultSelection?, at location: SourceLocation
  ) {
    guard let quantity, let selection,
      let simulation = simulations.first(where: { $0.name == selection.simulation })
    else { return }
    let needed: Int
    switch quantity {
    case .step: return
    case .cycle(.number(let n), _): needed = max(n, 2)
    case .cycle(.last, _), .run: needed = 2
    }
    guard simulation.cycles < needed else { return }
    sink.error(
      "'\(quantity.name)' needs \(needed) cycles; simulation '\(simulation.name)' runs "
        + "\(simulation.cycles)",
      at: location, hint: "set 'cycles: \(max(needed, 100))' in simulation '\(simulation.name)'")
  }

  /// `simulation:` and `at:` of a claim, observation or dataset (and `among:` for claims,
  /// which may compare a few values of an axis).
  func selection(_ reader: MappingReader, allowAmong: Bool = false) -> ResultSelection? {
    guard let name = reader.string("simulation", example: "a name under simulations:") else {
      return nil
    }
    guard let simulation = simulations.first(where: { $0.name == name }) else {
      sink.error(
        "no simulation '\(name)'", at: reader.location(of: "simulation"),
        hint: Suggestions.closest(to: name, in: simulations.map(\.name)).map {
          "did you mean '\($0)'?"
        })
      return nil
    }
    var fixed: [String: Double] = [:]
    if let at = reader.mapping("at", required: false) {
      defer { at.finish() }
      for axis in at.node.mapping?.keys.compactMap(\.string) ?? [] {
        guard let dimension = axisDimension(axis, in: simulation, at: at.location(of: axis)) else {
          continue
        }
        if let value = at.quantity(axis, dimension) { fixed[axis] = value }
      }
    }
    return ResultSelection(
      simulation: name, fixed: fixed,
      among: allowAmong ? among(reader, simulation: simulation) ?? [:] : [:])
  }

  /// `among:`: sweep axes restricted to listed values (`{np: [0.8, 1.0, 1.35]}`).
  private func among(_ reader: MappingReader, simulation: SimulationSpec) -> [String: [Double]]? {
    guard let among = reader.mapping("among", required: false) else { return nil }
    defer { among.finish() }
    var result: [String: [Double]] = [:]
    for axis in among.node.mapping?.keys.compactMap(\.string) ?? [] {
      guard let dimension = axisDimension(axis, in: simulation, at: among.location(of: axis)),
        let located = among.value(axis, required: true, example: "[0.8, 1.0, 1.35]")
      else { continue }
      guard let items = located.node.sequence, !items.isEmpty else {
        sink.error("'among.\(axis)' must be a list of values", at: located.location)
        continue
      }
      var values: [Double] = []
      for item in items {
        guard let text = item.scalar?.string else { continue }
        do {
          values.append(try QuantityParser.parse(text, dimension: dimension))
        } catch {
          sink.error(
            "'among.\(axis)': \(error.message)",
            at: YAMLDiagnostics.location(of: item, file: located.file))
        }
      }
      result[axis] = values
    }
    return result
  }

  func axisDimension(
    _ axis: String, in simulation: SimulationSpec, at location: SourceLocation
  ) -> UnitDimension? {
    guard let dimension = SweepAxisDimension.of(axis, in: simulation) else {
      let names = simulation.sweeps.map(\.name)
      sink.error(
        "simulation '\(simulation.name)' is not swept along '\(axis)'", at: location,
        hint: names.isEmpty ? "it has no sweep" : "its axes: \(names.joined(separator: ", "))")
      return nil
    }
    return dimension
  }

  private func axis(_ body: MappingReader, selection: ResultSelection?) -> String? {
    guard let axis = body.string("along", example: SweepAxis.npRatioName) else { return nil }
    if let selection, let simulation = simulations.first(where: { $0.name == selection.simulation })
    {
      guard axisDimension(axis, in: simulation, at: body.location(of: "along")) != nil else {
        return nil
      }
    }
    return axis
  }

  /// Values of sweep axis `axis` written with their units (`[0.75 mA/cm2, 2.8 mA/cm2]`; plain
  /// numbers for N/P), each one the simulation runs at.
  private func axisValues(
    _ body: MappingReader, _ key: String, axis: String?, selection: ResultSelection?
  ) -> [Double]? {
    guard let axis, let selection,
      let simulation = simulations.first(where: { $0.name == selection.simulation }),
      let dimension = SweepAxisDimension.of(axis, in: simulation),
      let sweep = simulation.sweeps.first(where: { $0.name == axis })
    else { return numbers(body, key, count: nil) }
    guard let located = body.value(key, required: true, example: "[0.8, 1.2]") else { return nil }
    guard let items = located.node.sequence, !items.isEmpty else {
      sink.error("'\(key)' must be a list of values of '\(axis)'", at: located.location)
      return nil
    }
    var values: [Double] = []
    for item in items {
      let at = YAMLDiagnostics.location(of: item, file: located.file)
      do {
        let value = try QuantityParser.parse(item.scalar?.string ?? "", dimension: dimension)
        guard sweep.siValues.contains(where: { ResultSelection.sameValue($0, value) }) else {
          sink.error(
            "simulation '\(simulation.name)' does not run at \(axis) = \(item.scalar?.string ?? "")",
            at: at, hint: "choose values its sweep lists")
          continue
        }
        values.append(value)
      } catch {
        sink.error("'\(key)': \(error.message)", at: at)
      }
    }
    return values.count == items.count ? values : nil
  }

  private func numbers(_ body: MappingReader, _ key: String, count: Int?) -> [Double]? {
    guard let located = body.value(key, required: true, example: "[0.8, 1.2]") else { return nil }
    let values = located.node.sequence?.compactMap { $0.scalar.flatMap { Double($0.string) } } ?? []
    guard !values.isEmpty, count.map({ values.count == $0 }) ?? true,
      values.count == (located.node.sequence?.count ?? -1)
    else {
      sink.error(
        "'\(key)' must be a list of \(count.map(String.init) ?? "") numbers", at: located.location)
      return nil
    }
    return values
  }

  private func percent(_ text: String, at location: SourceLocation) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix("%"),
      let value = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)), value > 0
    else {
      sink.error("a tolerance is a percentage such as '5 %', not '\(text)'", at: location)
      return nil
    }
    return value / 100
  }
}
