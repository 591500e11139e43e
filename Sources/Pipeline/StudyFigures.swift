import Figures
import Foundation
import StudyModel

/// Turns a study's declared figures into charts from its results.
enum StudyFigures {
  /// The chart of `spec`, or why it cannot be drawn (no runs matched).
  static func figure(_ spec: FigureSpec, analysis: StudyAnalysis) -> Result<Figure, FigureGap> {
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
      }
      guard var panel else {
        return .failure(FigureGap(reason: "panel \(index + 1) matched no completed run"))
      }
      if let x = panelSpec.labels.x { panel.x = Axis(x, unit: "") }
      if let y = panelSpec.labels.y { panel.y = Axis(y, unit: "") }
      panel.x.limits = panelSpec.limits.x ?? panel.x.limits
      panel.y.limits = panelSpec.limits.y ?? panel.y.limits
      panels.append(panel)
    }
    let columns = panels.count == 4 ? 2 : min(panels.count, 3)
    let sameX = Set(spec.panels.map(\.x)).count == 1 && panels.count > columns
    return .success(
      Figure(
        panels: panels, columns: columns,
        width: panels.count == 1 ? .singleColumn : .doubleColumn, sharedX: sameX))
  }

  private static func sweepPanel(_ spec: PanelSpec, rows: [ResultRow]) -> Panel? {
    let selected = rows.filter { FigureSelection.matches($0.coordinates, panel: spec) }
      .filter { $0.quantities[spec.y]?.isFinite == true }
    guard !selected.isEmpty else { return nil }
    let xLabel = QuantityLabels.axis(spec.x)
    let yLabel = QuantityLabels.quantity(spec.y)
    var columns = [
      DataColumn(
        "ratio", label: xLabel.text, unit: xLabel.unit,
        values: selected.map { ($0.coordinates[spec.x] ?? .nan) * xLabel.scale }),
      DataColumn(
        "y", label: yLabel.text, unit: yLabel.unit,
        values: selected.map { ($0.quantities[spec.y] ?? .nan) * yLabel.scale }),
    ]
    var builder = VersusNPBuilder()
    builder.referenceAtOne = spec.x == SweepAxis.npRatioName
    if let series = spec.series {
      let seriesLabel = QuantityLabels.axis(series)
      columns.append(
        DataColumn(
          "group", label: seriesLabel.text, unit: seriesLabel.unit,
          values: selected.map { $0.coordinates[series] ?? .nan }))
      builder.groupColumn = "group"
      builder.groupLabel = { QuantityLabels.seriesEntry(series, value: $0) }
    } else {
      builder.groupColumn = nil
    }
    var panel = builder.panel(DataTable(columns), quantity: "y")
    panel.legendTitle = spec.series.flatMap(QuantityLabels.seriesTitle)
    return panel
  }

  private static func curvePanel(
    _ spec: PanelSpec, runs: [StudyAnalysis.CurveRun], profile: Bool
  ) -> Panel? {
    let selected = runs.filter { FigureSelection.matches($0.coordinates, panel: spec) }
      .sorted {
        ($0.coordinates[spec.series ?? ""] ?? 0) < ($1.coordinates[spec.series ?? ""] ?? 0)
      }
    var cases: [LabelledTable] = []
    var separators: [ClosedRange<Double>] = []
    for run in selected {
      guard let step = run.curves.step(spec.step ?? "discharge") else { continue }
      let source = profile ? step.profile : step.columns
      guard let xs = source[spec.x], let ys = source[spec.y], !xs.isEmpty else { continue }
      let xLabel = QuantityLabels.column(spec.x)
      let yLabel = QuantityLabels.column(spec.y)
      let name = spec.series.map {
        QuantityLabels.seriesEntry($0, value: run.coordinates[$0] ?? .nan)
      }
      cases.append(
        LabelledTable(
          name ?? "simulation",
          DataTable([
            DataColumn(spec.x, label: xLabel.text, unit: xLabel.unit, values: xs),
            DataColumn(spec.y, label: yLabel.text, unit: yLabel.unit, values: ys),
          ])))
      if step.separator.count == 2 { separators.append(step.separator[0]...step.separator[1]) }
    }
    guard !cases.isEmpty else { return nil }
    if profile {
      var builder = ProfileBuilder()
      builder.x = spec.x
      builder.y = spec.y
      // Cells of different N/P put the separator at different places: shade it only when it
      // is the same in every case.
      let shared = separators.count == cases.count && Set(separators.map(\.lowerBound)).count == 1
      return builder.panel(cases, separator: shared ? separators.first : nil)
    }
    var builder = CaseCurvesBuilder(x: spec.x, y: spec.y)
    builder.tightX = true
    return builder.panel(cases)
  }
}

/// Why a declared figure could not be drawn; the report shows it where the figure would be.
struct FigureGap: Error, Equatable {
  let reason: String
}
