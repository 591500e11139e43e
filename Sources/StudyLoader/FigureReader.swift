import Foundation
import StudyModel
import Yams

/// Reads a study's `figures:` and `tables:`, checking every name they use.
struct FigureReader {
  let root: MappingReader
  let claims: ClaimReader
  let simulations: [SimulationSpec]
  let datasets: [String: Dataset]
  let sink: DiagnosticSink

  func figures() -> [FigureSpec] {
    items("figures") { (reader: MappingReader, seen: inout Set<String>) -> FigureSpec? in
      defer { reader.finish() }
      let id = identifier(reader, seen: &seen)
      let kindText = reader.string("kind", example: "sweep")
      let kind = kindText.flatMap(FigureSpec.Kind.init(rawValue:))
      if let kindText, kind == nil {
        sink.error(
          "unknown figure kind '\(kindText)'", at: reader.location(of: "kind"),
          hint: "kinds: \(FigureSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let caption = reader.string("caption", example: "what the figure shows")
      let supplementary = reader.flag("supplementary", default: false)
      if kind == nil { reader.allow(["panels"]) }  // the kind decides what panels hold
      let panels = kind.map { self.panels(reader, kind: $0) } ?? []
      guard let id, let kind, let caption, !panels.isEmpty else { return nil }
      return FigureSpec(
        id: id, kind: kind, caption: caption, supplementary: supplementary, panels: panels)
    }
  }

  func tables() -> [TableSpec] {
    items("tables") { (reader: MappingReader, seen: inout Set<String>) -> TableSpec? in
      defer { reader.finish() }
      let id = identifier(reader, seen: &seen)
      let caption = reader.string("caption", example: "what the table shows")
      let supplementary = reader.flag("supplementary", default: false)
      let selection = claims.selection(reader)
      let rows = reader.string("rows", example: SweepAxis.npRatioName)
      if let rows, let selection { _ = axis(rows, selection, at: reader.location(of: "rows")) }
      var columns: [ResultQuantity] = []
      if let list = reader.value("columns", required: true, example: "[discharge.capacity]") {
        for node in list.node.sequence ?? [] {
          guard let name = node.scalar?.string, let quantity = ResultQuantity(name) else {
            sink.error(
              "unknown quantity '\(node.scalar?.string ?? "")' in 'columns'",
              at: YAMLDiagnostics.location(of: node, file: list.file),
              hint: "write STEP.METRIC, e.g. discharge.capacity")
            continue
          }
          if let selection {
            claims.cycles(
              of: quantity, in: selection,
              at: YAMLDiagnostics.location(of: node, file: list.file))
          }
          columns.append(quantity)
        }
      }
      guard let id, let caption, let selection, let rows, !columns.isEmpty else { return nil }
      return TableSpec(
        id: id, caption: caption, supplementary: supplementary, selection: selection, rows: rows,
        columns: columns)
    }
  }

  /// The mappings of the list `key`, with the identifiers seen so far (for duplicates).
  private func items<T>(_ key: String, _ read: (MappingReader, inout Set<String>) -> T?) -> [T] {
    guard let located = root.value(key, required: false, example: "[...]") else { return [] }
    guard let sequence = located.node.sequence else {
      sink.error(
        "'\(key)' must be a list", at: located.location, hint: "start each entry with '- id: …'")
      return []
    }
    var seen = Set<String>()
    return sequence.enumerated().compactMap { index, node in
      guard
        let reader = MappingReader(
          node, file: located.file, sink: sink, path: "\(key)[\(index + 1)]")
      else {
        return nil
      }
      return read(reader, &seen)
    }
  }

  private func identifier(_ reader: MappingReader, seen: inout Set<String>) -> String? {
    guard let id = reader.string("id", example: "fig-capacity-vs-np") else { return nil }
    let valid = !id.isEmpty && id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
    guard valid else {
      sink.error(
        "'\(id)' is not a valid identifier", at: reader.location(of: "id"),
        hint: "use lowercase letters, digits and '-', e.g. fig-capacity-vs-np")
      return nil
    }
    guard seen.insert(id).inserted else {
      sink.error("identifier '\(id)' is used twice", at: reader.location(of: "id"))
      return nil
    }
    return id
  }

  private func panels(_ reader: MappingReader, kind: FigureSpec.Kind) -> [PanelSpec] {
    guard
      let located = reader.value(
        "panels", required: true, example: "[{simulation: …, x: np, y: …}]")
    else {
      return []
    }
    guard let sequence = located.node.sequence, !sequence.isEmpty else {
      sink.error("'panels' must be a list of one or more panels", at: located.location)
      return []
    }
    return sequence.enumerated().compactMap { index, node in
      guard
        let panel = MappingReader(
          node, file: located.file, sink: sink, path: "panels[\(index + 1)]")
      else {
        return nil
      }
      defer { panel.finish() }
      return self.panel(panel, kind: kind)
    }
  }

  private func panel(_ reader: MappingReader, kind: FigureSpec.Kind) -> PanelSpec? {
    let selection = claims.selection(reader)
    let x = reader.string("x", example: Self.example(kind).x)
    let y = reader.string("y", example: Self.example(kind).y)
    let y2 = reader.string("y2", required: false)
    if kind != .cycle, y2 != nil {
      sink.error(
        "'y2' is for cycle figures", at: reader.location(of: "y2"),
        hint: "a second axis is drawn for cycle metrics; leave 'y2' out here")
    }
    let series = reader.string("series", required: false)
    let seriesValues = reader.value("series_values", required: false, example: "[0.8, 1.0, 1.35]")
      .map {
        located -> [Double] in
        let values =
          located.node.sequence?.compactMap { $0.scalar.flatMap { Double($0.string) } } ?? []
        if values.isEmpty || series == nil {
          sink.error(
            "'series_values' must be a list of numbers, and needs 'series'", at: located.location,
            hint: "for example 'series: np' with 'series_values: [0.8, 1.0, 1.35]'")
        }
        return values
      }
    let needsStep = kind == .curve || kind == .profile
    let step = reader.string("step", required: needsStep, example: "discharge")
    if !needsStep, step != nil {
      sink.error(
        "'step' is for curve and profile figures", at: reader.location(of: "step"),
        hint: "a \(kind.rawValue) figure reads each run's results; leave 'step' out")
    }
    let overlay = reader.string("overlay", required: false)
    let xLabel = reader.string("x_label", required: false)
    let yLabel = reader.string("y_label", required: false)
    let xLimits = limits(reader, "x_limits")
    let yLimits = limits(reader, "y_limits")
    guard let selection, let x, let y else { return nil }
    // Check x, y and the step all, so that every problem is reported at once.
    var axes: (x: PanelAxis, y: PanelQuantity)?
    var secondary: PanelQuantity?
    switch kind {
    case .sweep:
      let axisKnown = axis(x, selection, at: reader.location(of: "x"))
      let quantity = known(y, at: reader.location(of: "y"))
      claims.cycles(of: quantity, in: selection, at: reader.location(of: "y"))
      if axisKnown, let quantity { axes = (.sweep(x), .result(quantity)) }
    case .curve:
      let column = member(x, CurveColumn.axes, "x", reader)
      let quantity = member(y, CurveColumn.quantities, "y", reader)
      if let column, let quantity { axes = (.curve(column), .curve(quantity)) }
    case .profile:
      let column = member(x, [ProfileColumn.x], "x", reader)
      let quantity = member(y, ProfileColumn.quantities, "y", reader)
      if let column, let quantity { axes = (.profile(column), .profile(quantity)) }
    case .cycle:
      let column = x == PanelAxis.cycleNumberName ? PanelAxis.cycleNumber : nil
      if column == nil {
        sink.error(
          "'x' cannot be '\(x)' here", at: reader.location(of: "x"),
          hint: "a cycle figure plots against the cycle number: write 'x: cycle'")
      }
      let quantity = member(y, CycleMetric.allCases, "y", reader)
      if let y2 {
        secondary = member(y2, CycleMetric.allCases, "y2", reader).map(PanelQuantity.cycle)
      }
      if y2 != nil, secondary == nil { break }
      if let column, let quantity { axes = (column, .cycle(quantity)) }
    }
    var valid = axes != nil
    if kind == .cycle,
      let simulation = simulations.first(where: { $0.name == selection.simulation }),
      simulation.cycles < 2
    {
      sink.error(
        "a cycle figure needs a simulation of several cycles; '\(simulation.name)' runs one",
        at: reader.location(of: "simulation"),
        hint: "add 'cycles: 100' to simulation '\(simulation.name)'")
      valid = false
    }
    var selector: StepSelector?
    if let step {
      selector = StepSelector(step)
      if selector == nil {
        sink.error(
          "unknown step '\(step)'", at: reader.location(of: "step"),
          hint: Suggestions.closest(to: step, in: ["charge", "discharge"]).map {
            "did you mean '\($0)'?"
          } ?? "write charge, discharge (the first of each) or stepN")
        valid = false
      }
    }
    if let series, !axis(series, selection, at: reader.location(of: "series")) { valid = false }
    var resolved: PanelOverlay?
    if let overlay {
      if let dataset = datasets[overlay] {
        if let axes {
          resolved = self.overlay(
            dataset, axes: axes, kind: kind, selection: selection,
            at: reader.location(of: "overlay"))
          if resolved == nil { valid = false }
        }
      } else {
        sink.error(
          "no dataset '\(overlay)'", at: reader.location(of: "overlay"),
          hint: Suggestions.closest(to: overlay, in: Array(datasets.keys)).map {
            "did you mean '\($0)'?"
          })
        valid = false
      }
    }
    guard valid, let axes else { return nil }
    return PanelSpec(
      selection: selection, x: axes.x, y: axes.y, y2: secondary, series: series,
      seriesValues: seriesValues,
      step: selector, overlay: resolved, labels: (xLabel, yLabel), limits: (xLimits, yLimits))
  }

  /// The columns of `dataset` a panel with `axes` draws: one named as its x, one named as its
  /// y (or the y's metric, `capacity` for `discharge.capacity`), each of the dimension the
  /// panel plots.
  private func overlay(
    _ dataset: Dataset, axes: (x: PanelAxis, y: PanelQuantity), kind: FigureSpec.Kind,
    selection: ResultSelection, at location: SourceLocation
  ) -> PanelOverlay? {
    let expected: (x: UnitDimension?, y: UnitDimension, yNames: [String])
    switch (axes.x, axes.y) {
    case (.sweep(let axis), .result(let quantity)):
      let simulation = simulations.first { $0.name == selection.simulation }
      var names = [quantity.name]
      switch quantity {
      case .step(_, let metric): names.append(metric.rawValue)
      case .cycle(_, let metric): names.append(metric.rawValue)
      case .run(let metric): names.append(metric.rawValue)
      }
      expected = (
        simulation.flatMap { SweepAxisDimension.of(axis, in: $0) }, quantity.dimension, names
      )
    case (.curve(let x), .curve(let y)): expected = (x.dimension, y.dimension, [y.rawValue])
    case (.cycleNumber, .cycle(let metric)):
      expected = (UnitDimension.none, metric.dimension, [metric.rawValue])
    default:
      sink.error(
        "'overlay' is for sweep, curve and cycle figures", at: location,
        hint: "draw measured profiles as a curve figure, or leave 'overlay' out")
      return nil
    }
    let columns = dataset.columns.keys.sorted()
    let xName = axes.x.name
    guard let yName = expected.yNames.first(where: { dataset.columns[$0] != nil }),
      dataset.columns[xName] != nil
    else {
      sink.error(
        "dataset '\(dataset.id)' needs a column '\(xName)' and a column "
          + expected.yNames.map { "'\($0)'" }.joined(separator: " or ") + " to be drawn here",
        at: location, hint: "its columns: \(columns.joined(separator: ", "))")
      return nil
    }
    for (name, dimension) in [(xName, expected.x), (yName, expected.y)] {
      guard let dimension, let actual = dataset.dimensions[name], actual != dimension else {
        continue
      }
      sink.error(
        "column '\(name)' of dataset '\(dataset.id)' is \(actual), but this panel plots "
          + "\(dimension)", at: location, hint: "give the column the unit of what it measures")
      return nil
    }
    return PanelOverlay(dataset: dataset.id, x: xName, y: yName)
  }

  /// The x and y a panel of `kind` is shown with in error hints.
  private static func example(_ kind: FigureSpec.Kind) -> (x: String, y: String) {
    switch kind {
    case .sweep: return (SweepAxis.npRatioName, "discharge.capacity")
    case .curve, .profile: return (CurveColumn.soc.rawValue, CurveColumn.voltage.rawValue)
    case .cycle: return (PanelAxis.cycleNumberName, CycleMetric.retention.rawValue)
    }
  }

  private func axis(_ name: String, _ selection: ResultSelection, at location: SourceLocation)
    -> Bool
  {
    guard let simulation = simulations.first(where: { $0.name == selection.simulation }) else {
      return false
    }
    return claims.axisDimension(name, in: simulation, at: location) != nil
  }

  private func known(_ name: String, at location: SourceLocation) -> ResultQuantity? {
    guard let quantity = ResultQuantity(name) else {
      sink.error(
        "unknown quantity '\(name)'", at: location,
        hint: "write STEP.METRIC, e.g. discharge.capacity")
      return nil
    }
    return quantity
  }

  /// The column of `allowed` called `value`, or an error at `key`.
  private func member<Column: RawRepresentable<String>>(
    _ value: String, _ allowed: [Column], _ key: String, _ reader: MappingReader
  ) -> Column? {
    let names = allowed.map(\.rawValue)
    guard let column = allowed.first(where: { $0.rawValue == value }) else {
      sink.error(
        "'\(key)' cannot be '\(value)' here", at: reader.location(of: key),
        hint: Suggestions.closest(to: value, in: names).map { "did you mean '\($0)'?" }
          ?? "choose from \(names.sorted().joined(separator: ", "))")
      return nil
    }
    return column
  }

  private func limits(_ reader: MappingReader, _ key: String) -> ClosedRange<Double>? {
    guard let located = reader.value(key, required: false, example: "[0, 5]") else { return nil }
    let values = located.node.sequence?.compactMap { $0.scalar.flatMap { Double($0.string) } } ?? []
    guard values.count == 2, values[0] < values[1] else {
      sink.error(
        "'\(key)' must be two increasing numbers", at: located.location, hint: "for example [0, 5]")
      return nil
    }
    return values[0]...values[1]
  }
}
