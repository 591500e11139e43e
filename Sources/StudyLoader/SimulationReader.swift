import Foundation
import StudyModel
import Yams

/// Reads one entry of a study's `simulations:`: cell, protocol, cycles, mesh and sweeps.
struct SimulationReader {
  let reader: MappingReader
  let name: String
  /// Every cell name the study declares, including those that failed to load.
  let declaredCells: [String]
  let sink: DiagnosticSink

  func read() -> SimulationSpec? {
    let cellName = reader.string("cell", example: "a name from this study's cells")
    if let cellName, !declaredCells.contains(cellName) {
      let hint = Suggestions.closest(to: cellName, in: declaredCells).map {
        "did you mean '\($0)'?"
      }
      sink.error(
        "simulation '\(name)' uses cell '\(cellName)', which the study does not declare",
        at: reader.location(of: "cell"), hint: hint ?? "declare it under 'cells:'")
    }
    let (steps, parsed) = protocolSteps()
    let cycles = Int(reader.quantity("cycles", .none, required: false, open: 0...1e6) ?? 1)
    let cycling = readCycling(cycles: cycles)
    let mesh = readMesh()
    let sweeps = readSweeps()
    checkSweptCurrent(steps: parsed, sweeps: sweeps)
    guard let cellName, let steps, let mesh else { return nil }
    return SimulationSpec(
      name: name, cell: cellName, protocolSteps: steps, cycles: cycles, sweeps: sweeps,
      numerics: NumericalSettings(
        volumesPerRegion: mesh.perRegion, shellsPerParticle: mesh.particle),
      cycling: cycling)
  }

  /// The steps if all are valid, and those that are.
  private func protocolSteps() -> ([ProtocolStep]?, [ProtocolStep]) {
    guard
      let located = reader.value(
        "protocol", required: true, example: "[\"Charge at 2.8 mA/cm2 until 4.2 V\"]")
    else { return (nil, []) }
    guard let sequence = located.node.sequence, !sequence.isEmpty else {
      sink.error(
        "'protocol' must be a list of steps", at: located.location,
        hint: "write one step per line after '- '")
      return (nil, [])
    }
    var parsed: [(ProtocolStep, SourceLocation)] = []
    let valid = expand(Array(sequence), file: located.file, depth: 0, parsed: &parsed)
    checkCutOffs(parsed)
    let steps = parsed.map(\.0)
    return (valid ? steps : nil, steps)
  }

  /// Flattens steps and `{repeat: N, steps: [...]}` blocks, checking each step.
  private func expand(
    _ sequence: [Node], file: String, depth: Int, parsed: inout [(ProtocolStep, SourceLocation)]
  ) -> Bool {
    var valid = true
    for node in sequence {
      let at = YAMLDiagnostics.location(of: node, file: file)
      if node.mapping != nil {
        guard depth < 4, let block = MappingReader(node, file: file, sink: sink, path: "protocol")
        else {
          return false
        }
        defer { block.finish() }
        let count = block.quantity("repeat", .none, open: 0...1e5)
        guard let count, count == count.rounded(),
          let inner = block.value("steps", required: true, example: "[\"Rest for 10 minutes\"]"),
          let steps = inner.node.sequence, !steps.isEmpty
        else {
          if let count, count != count.rounded() {
            sink.error("'repeat' must be a whole number", at: block.location(of: "repeat"))
          }
          valid = false
          continue
        }
        for _ in 0..<Int(count) {
          valid =
            expand(Array(steps), file: file, depth: depth + 1, parsed: &parsed)
            && valid
        }
        continue
      }
      guard let text = node.scalar?.string else {
        sink.error("a protocol step must be text or a repeat block", at: at)
        valid = false
        continue
      }
      do {
        parsed.append((try ProtocolStepParser.parse(text), at))
      } catch {
        sink.error("protocol step '\(text)': \(error.message)", at: at, hint: error.hint)
        valid = false
      }
    }
    return valid
  }

  /// Every charge's voltage cut-off must lie above every discharge's.
  private func checkCutOffs(_ steps: [(ProtocolStep, SourceLocation)]) {
    func limits(_ charge: Bool) -> [(Double, SourceLocation)] {
      steps.flatMap { step, at -> [(Double, SourceLocation)] in
        switch step.mode {
        case .charge where charge, .discharge where !charge:
          return step.limits.compactMap { if case .voltage(let v) = $0 { (v, at) } else { nil } }
        default: return []
        }
      }
    }
    guard let lowestCharge = limits(true).min(by: { $0.0 < $1.0 }),
      let highestDischarge = limits(false).max(by: { $0.0 < $1.0 }),
      highestDischarge.0 >= lowestCharge.0
    else { return }
    sink.error(
      "cut-offs out of order: a discharge ends at \(highestDischarge.0) V but a charge at \(lowestCharge.0) V",
      at: highestDischarge.1, hint: "the discharge cut-off must lie below the charge cut-off")
  }

  /// `series_every: K`, `end_of_life: 80 %` and `retention_from: N`, which only a simulation of
  /// several cycles may give.
  private func readCycling(cycles: Int) -> CyclingSettings {
    var settings = CyclingSettings()
    if let every = reader.quantity("series_every", .none, required: false, open: 0...1e6) {
      if every != every.rounded() {
        sink.error("'series_every' must be a whole number", at: reader.location(of: "series_every"))
      }
      settings.seriesEvery = Int(every)
    }
    if let located = reader.value("end_of_life", required: false, example: "80 %") {
      let text = located.node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
      if text.hasSuffix("%"),
        let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), percent > 0,
        percent < 100
      {
        settings.stopBelowRetention = percent / 100
      } else {
        sink.error(
          "'end_of_life' is the retention at which cycling stops, such as '80 %', not '\(text)'",
          at: located.location, hint: "write the share of the first cycle's discharge capacity")
      }
    }
    if let from = reader.quantity("retention_from", .none, required: false, range: 1...) {
      if from != from.rounded() || from > Double(max(cycles, 1)) {
        sink.error(
          "'retention_from' must be a cycle the simulation runs, 1 to \(max(cycles, 1))",
          at: reader.location(of: "retention_from"))
      }
      settings.retentionFrom = Int(from)
    }
    for key in ["series_every", "end_of_life", "retention_from"]
    where reader.hasOwn(key) && cycles < 2 {
      sink.error(
        "'\(key)' needs 'cycles' of 2 or more", at: reader.location(of: key),
        hint: "add 'cycles: 100' or leave '\(key)' out")
    }
    return settings
  }

  private func readMesh() -> (perRegion: Int, particle: Int)? {
    guard let located = reader.value("mesh", required: false, example: "[20, 10]") else {
      return (20, 10)
    }
    let values = located.node.sequence?.compactMap { $0.scalar.flatMap { Int($0.string) } } ?? []
    guard values.count == 2, values[0] >= 2, values[1] >= 2 else {
      sink.error(
        "'mesh' must be two whole numbers of at least 2: volumes per region, shells per particle",
        at: located.location, hint: "for example '[20, 10]'")
      return nil
    }
    return (values[0], values[1])
  }

  private func readSweeps() -> [SweepAxis] {
    guard let sweep = reader.mapping("sweep", required: false) else { return [] }
    defer { sweep.finish() }
    var axes: [SweepAxis] = []
    if let np = sweep.mapping(SweepAxis.npRatioName, required: false) {
      if let axis = npAxis(np) { axes.append(axis) }
      np.finish()
    }
    if let currents = sweep.value(
      SweepAxis.currentDensityName, required: false, example: "[0.75 mA/cm2, 2.8 mA/cm2]")
    {
      let values = quantities(currents, dimension: .currentDensity, what: "current")
      if !values.isEmpty { axes.append(.currentDensity(values: values)) }
    }
    if let parameters = sweep.mapping("parameters", required: false) {
      for path in parameters.node.mapping?.keys.compactMap(\.string) ?? [] {
        if let axis = parameterAxis(parameters, path: path) { axes.append(axis) }
      }
      parameters.finish()
    }
    return axes
  }

  private func npAxis(_ np: MappingReader) -> SweepAxis? {
    let basisText = np.string("basis", example: "theoretical")
    let basis = basisText.flatMap(CapacityBasis.init(rawValue:))
    if let basisText, basis == nil {
      sink.error(
        "'np.basis' must be 'theoretical' or 'practical', not '\(basisText)'",
        at: np.location(of: "basis"),
        hint: "the N/P convention must be explicit: theoretical uses the full stoichiometry range")
    }
    let methodText = np.string("method", required: false) ?? "thickness"
    let method = NPMethod(rawValue: methodText)
    if method == nil {
      sink.error(
        "'np.method' must be 'thickness' or 'loading', not '\(methodText)'",
        at: np.location(of: "method"))
    }
    var values: [Double] = []
    if let list = np.value("values", required: false, example: "[0.8, 1.0, 1.35]") {
      values = quantities(list, dimension: .none, what: "N/P")
    }
    if np.hasOwn("from") || np.hasOwn("to") || np.hasOwn("count") {
      let from = np.quantity("from", .none, open: 0...1e3)
      let to = np.quantity("to", .none, open: 0...1e3)
      let count = np.quantity("count", .none, open: 1...1e4)
      if let from, let to, let count {
        let steps = Int(count) - 1
        values += (0...steps).map { from + (to - from) * Double($0) / Double(steps) }
      }
    }
    if values.isEmpty, !np.hasOwn("values") {
      sink.error(
        "'np' needs 'values' or a range 'from', 'to', 'count'", at: np.location,
        hint: "for example 'values: [0.8, 1.0, 1.35]' or 'from: 0.31, to: 2.24, count: 25'")
    }
    guard let basis, let method, !values.isEmpty else { return nil }
    // A range and a list together give the union, in ascending order without repeats.
    let unique = Array(Set(values.map { ($0 * 1e9).rounded() / 1e9 })).sorted()
    return .npRatio(values: unique, basis: basis, method: method)
  }

  private func parameterAxis(_ parameters: MappingReader, path: String) -> SweepAxis? {
    guard let located = parameters.value(path, required: true, example: "[5 um, 6 um]") else {
      return nil
    }
    let texts = located.node.sequence?.compactMap { $0.scalar?.string } ?? []
    guard !texts.isEmpty else {
      sink.error(
        "sweep of '\(path)' needs a list of values", at: located.location,
        hint: "for example [5 um, 6 um]")
      return nil
    }
    do throws(UnitError) {
      let parameter = try CellOverride.path(path)
      var values: [ParameterValue] = []
      for text in texts { values.append(try CellOverride.value(text, of: parameter)) }
      return .parameter(path: parameter, values: values)
    } catch {
      sink.error("sweep of '\(path)': \(error.message)", at: located.location)
      return nil
    }
  }

  private func quantities(_ located: LocatedNode, dimension: UnitDimension, what: String)
    -> [Double]
  {
    guard let sequence = located.node.sequence, !sequence.isEmpty else {
      sink.error("'\(what)' must be a list of values", at: located.location)
      return []
    }
    var values: [Double] = []
    for node in sequence {
      let at = YAMLDiagnostics.location(of: node, file: located.file)
      guard let text = node.scalar?.string else {
        sink.error("each \(what) must be a single value", at: at)
        continue
      }
      do {
        let value = try QuantityParser.parse(text, dimension: dimension)
        guard value > 0 else {
          sink.error("\(what) must be positive, got \(text)", at: at)
          continue
        }
        values.append(value)
      } catch {
        sink.error("\(what) '\(text)': \(error.message)", at: at)
      }
    }
    return values
  }

  /// A current sweep and the `{current}` of the steps go together.
  private func checkSweptCurrent(steps: [ProtocolStep], sweeps: [SweepAxis]) {
    let usesPlaceholder = steps.contains(where: \.usesSweptCurrent)
    let sweepsCurrent = sweeps.contains { if case .currentDensity = $0 { true } else { false } }
    if usesPlaceholder, !sweepsCurrent {
      sink.error(
        "the protocol uses {current} but no current is swept", at: reader.location(of: "protocol"),
        hint: "add 'sweep: { current: [2.8 mA/cm2] }' or write the current in the step")
    }
    if sweepsCurrent, !usesPlaceholder, !steps.isEmpty {
      sink.error(
        "a current is swept but no protocol step uses {current}",
        at: reader.location(of: "protocol"),
        hint: "write the step as 'Charge at {current} until 4.2 V'")
    }
  }
}
