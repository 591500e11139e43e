/// Builds panels with one curve per case of a column against another: voltage against
/// capacity or state of charge, overpotentials or equilibrium voltage against SOC, profiles.
public struct CaseCurvesBuilder: Sendable {
  /// The x column.
  public var x: String
  /// The y column.
  public var y: String
  /// Whether the x axis starts exactly at the data (capacity from 0).
  public var tightX = true

  /// A builder of `y` against `x`.
  public init(x: String, y: String) {
    self.x = x
    self.y = y
  }

  /// The panel with a line per case; `measured[i]` is drawn in the colour of case i.
  public func panel(
    _ cases: [LabelledTable], measured: [MeasuredData] = [], annotations: [Annotation] = [],
    legendTitle: String? = nil
  ) -> Panel {
    var xAxis = cases.first?.table[x]?.axis ?? Axis(x)
    xAxis.tight = tightX
    let yAxis = cases.first?.table[y]?.axis ?? Axis(y)
    var series = cases.enumerated().map { index, item in
      Series(
        item.label, x: item.table.values(x), y: item.table.values(y), style: .line,
        paletteIndex: index)
    }
    for (index, data) in measured.enumerated() {
      series.append(
        Series(
          data.label, x: data.x, y: data.y, style: .scatter, yErrors: data.yErrors,
          paletteIndex: index, hollowMarkers: true))
    }
    return Panel(
      x: xAxis, y: yAxis, series: series, annotations: annotations, legendTitle: legendTitle)
  }
}
