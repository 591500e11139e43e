import Analysis
import Figures
import Foundation
import StudyModel

/// Turns a study's declared figures into charts from its results.
enum StudyFigures {
  /// The chart of `spec`, with the measured `datasets` its panels overlay, or why it cannot be
  /// drawn (no runs matched).
  static func figure(
    _ spec: FigureSpec, analysis: StudyAnalysis, datasets: [String: Dataset] = [:]
  ) -> Result<Figure, FigureGap> {
    var panels: [Panel] = []
    for (index, panelSpec) in spec.panels.enumerated() {
      let panel: Panel?
      switch spec.kind {
      case .sweep:
        panel = sweepPanel(panelSpec, rows: analysis.rows[panelSpec.selection.simulation] ?? [])
      case .curve, .profile:
        panel = curvePanel(
          panelSpec, runs: analysis.curves[panelSpec.selection.simulation] ?? [],
          profile: spec.kind == .profile)
      case .cycle:
        panel = cyclePanel(panelSpec, rows: analysis.rows[panelSpec.selection.simulation] ?? [])
      }
      guard var panel else {
        return .failure(FigureGap(reason: "panel \(index + 1) matched no completed run"))
      }
      if let overlay = panelSpec.overlay, let dataset = datasets[overlay.dataset] {
        panel.series.append(measured(dataset, overlay, panelSpec, colour: panel.series.count))
      }
      if let x = panelSpec.labels.x { panel.x = Axis(x, unit: "") }
      if let y = panelSpec.labels.y { panel.y = Axis(y, unit: "") }
      panel.x.limits = panelSpec.limits.x ?? panel.x.limits
      panel.y.limits = panelSpec.limits.y ?? panel.y.limits
      panels.append(panel)
    }
    let columns = panels.count == 4 ? 2 : min(panels.count, 3)
    let sameX = Set(spec.panels.map(\.x.name)).count == 1 && panels.count > columns
    return .success(
      Figure(
        panels: panels, columns: columns,
        width: panels.count == 1 ? .singleColumn : .doubleColumn, sharedX: sameX))
  }

  private static func sweepPanel(_ spec: PanelSpec, rows: [ResultRow]) -> Panel? {
    guard case .sweep(let x) = spec.x, case .result(let y) = spec.y else { return nil }
    let selected = rows.filter { spec.selects($0.coordinates) }
      .filter { $0[y]?.isFinite == true }
    guard !selected.isEmpty else { return nil }
    let xLabel = FigureLabels.axis(x)
    let yLabel = FigureLabels.quantity(y)
    var columns = [
      DataColumn(
        "ratio", label: xLabel.text, unit: xLabel.unit,
        values: selected.map { ($0.coordinates[x] ?? .nan) * xLabel.scale }),
      DataColumn(
        "y", label: yLabel.text, unit: yLabel.unit,
        values: selected.map { ($0[y] ?? .nan) * yLabel.scale }),
    ]
    var builder = VersusNPBuilder()
    builder.referenceAtOne = x == SweepAxis.npRatioName
    if let series = spec.series {
      let seriesLabel = FigureLabels.axis(series)
      columns.append(
        DataColumn(
          "group", label: seriesLabel.text, unit: seriesLabel.unit,
          values: selected.map { $0.coordinates[series] ?? .nan }))
      builder.groupColumn = "group"
      builder.groupLabel = { FigureLabels.seriesEntry(series, value: $0) }
    } else {
      builder.groupColumn = nil
    }
    var panel = builder.panel(DataTable(columns), quantity: "y")
    panel.legendTitle = spec.series.flatMap(FigureLabels.seriesTitle)
    return panel
  }

  /// The markers of `dataset`'s overlaid columns in the panel's display units, labelled with
  /// the dataset's source.
  private static func measured(
    _ dataset: Dataset, _ overlay: PanelOverlay, _ spec: PanelSpec, colour: Int
  ) -> Series {
    let scale: (x: Double, y: Double)
    switch (spec.x, spec.y) {
    case (.sweep(let axis), .result(let quantity)):
      scale = (FigureLabels.axis(axis).scale, FigureLabels.quantity(quantity).scale)
    case (.curve(let x), .curve(let y)): scale = (x.displayPerSI, y.displayPerSI)
    case (_, .cycle(let metric)): scale = (1, FigureLabels.quantity(.cycle(.last, metric)).scale)
    default: scale = (1, 1)
    }
    let xs = (dataset.columns[overlay.x] ?? []).map { $0 * scale.x }
    let ys = (dataset.columns[overlay.y] ?? []).map { $0 * scale.y }
    return Series(
      dataset.source, x: xs, y: ys, style: .scatter, paletteIndex: colour, hollowMarkers: true)
  }

  /// One line per selected run of a cycling simulation: a cycle metric against the cycle
  /// number, and the optional second metric dashed on the right-hand axis.
  private static func cyclePanel(_ spec: PanelSpec, rows: [ResultRow]) -> Panel? {
    guard case .cycle(let y) = spec.y else { return nil }
    var secondary: CycleMetric?
    if case .cycle(let metric)? = spec.y2 { secondary = metric }
    let order = spec.series ?? ""
    let selected = rows.filter { spec.selects($0.coordinates) && ($0.cycles?.count ?? 0) > 0 }
      .sorted { ($0.coordinates[order] ?? 0) < ($1.coordinates[order] ?? 0) }
    let cycleLabel = "Cycle number"
    let cases = selected.compactMap { row -> LabelledTable? in
      guard let table = row.cycles else { return nil }
      var columns = [
        DataColumn(
          PanelAxis.cycleNumberName, label: cycleLabel,
          values: (1...table.count).map(Double.init))
      ]
      for metric in [y] + (secondary.map { [$0] } ?? []) {
        // Each cycle's value: the metric's own label, not that of one cycle.
        let quantity = FigureLabels.quantity(.cycle(.last, metric))
        let label = FigureLabels.Label(
          text: metric.label, unit: quantity.unit, scale: quantity.scale)
        let values = (table.columns[metric] ?? []).map { ($0 ?? .nan) * label.scale }
        columns.append(
          DataColumn(metric.rawValue, label: label.text, unit: label.unit, values: values))
      }
      let name = spec.series.map {
        FigureLabels.seriesEntry($0, value: row.coordinates[$0] ?? .nan)
      }
      return LabelledTable(name ?? "simulation", DataTable(columns))
    }
    guard !cases.isEmpty else { return nil }
    var builder = CycleBuilder()
    builder.cycle = PanelAxis.cycleNumberName
    builder.retention = y.rawValue
    builder.efficiency = secondary?.rawValue
    var panel = builder.panel(cases)
    panel.legendTitle = spec.series.flatMap(FigureLabels.seriesTitle)
    return panel
  }

  /// The x and y values of one run's step, with their labels, for a curve or profile panel.
  private static func columns(_ spec: PanelSpec, _ step: RunCurves.Step) -> (
    x: (values: [Double], label: FigureLabels.Label),
    y: (values: [Double], label: FigureLabels.Label)
  )? {
    switch (spec.x, spec.y) {
    case (.curve(let x), .curve(let y)):
      guard let xs = step[x], let ys = step[y] else { return nil }
      return ((xs, FigureLabels.column(x)), (ys, FigureLabels.column(y)))
    case (.profile(let x), .profile(let y)):
      guard let xs = step[x], let ys = step[y] else { return nil }
      return ((xs, FigureLabels.column(x)), (ys, FigureLabels.column(y)))
    default: return nil
    }
  }

  private static func curvePanel(
    _ spec: PanelSpec, runs: [StudyAnalysis.CurveRun], profile: Bool
  ) -> Panel? {
    let order = spec.series ?? ""
    let selected = runs.filter { spec.selects($0.coordinates) }
      .sorted { ($0.coordinates[order] ?? 0) < ($1.coordinates[order] ?? 0) }
    var cases: [LabelledTable] = []
    var separators: [ClosedRange<Double>] = []
    for run in selected {
      guard let step = run.curves.step(spec.step ?? .firstDischarge),
        let (x, y) = columns(spec, step), !x.values.isEmpty
      else { continue }
      let name = spec.series.map {
        FigureLabels.seriesEntry($0, value: run.coordinates[$0] ?? .nan)
      }
      cases.append(
        LabelledTable(
          name ?? "simulation",
          DataTable([
            DataColumn(spec.x.name, label: x.label.text, unit: x.label.unit, values: x.values),
            DataColumn(spec.y.name, label: y.label.text, unit: y.label.unit, values: y.values),
          ])))
      if step.separator.count == 2 { separators.append(step.separator[0]...step.separator[1]) }
    }
    guard !cases.isEmpty else { return nil }
    if profile {
      var builder = ProfileBuilder()
      builder.x = spec.x.name
      builder.y = spec.y.name
      // Cells of different N/P put the separator at different places: shade it only when it
      // is the same in every case.
      let shared = separators.count == cases.count && Set(separators.map(\.lowerBound)).count == 1
      return builder.panel(cases, separator: shared ? separators.first : nil)
    }
    var builder = CaseCurvesBuilder(x: spec.x.name, y: spec.y.name)
    builder.tightX = true
    return builder.panel(cases)
  }
}

/// Why a declared figure could not be drawn; the report shows it where the figure would be.
struct FigureGap: Error, Equatable {
  let reason: String
}
