/// Builds "quantity versus N/P" panels (Figure 2 and 4 of the seed paper): one line with
/// markers per current density, a dashed reference at N/P = 1, measured points on request.
public struct VersusNPBuilder: Sendable {
  /// The column of N/P values (or of the swept quantity on the x axis).
  public var xColumn = "ratio"
  /// The column whose values become separate lines (current density), if any.
  public var groupColumn: String? = "current"
  /// Legend text for one group value.
  public var groupLabel: @Sendable (Double) -> String = { Ticks.shortest($0) }
  /// Draws the N/P = 1 reference line.
  public var referenceAtOne = true

  /// A builder with the defaults.
  public init() {}

  /// The panel of `quantity` (a column of `table`) against N/P; `measured[i]` is drawn with
  /// the colour of group i.
  public func panel(_ table: DataTable, quantity: String, measured: [MeasuredData] = []) -> Panel {
    let npAxis = table[xColumn]?.axis ?? Axis("N/P ratio")
    var yAxis = table[quantity]?.axis ?? Axis(quantity)
    yAxis.includesZero = false
    var series: [Series] = []
    let groups = groupColumn.map { table.distinct($0) } ?? []
    if let groupColumn, !groups.isEmpty {
      for (index, value) in groups.enumerated() {
        let rows = table.filter(groupColumn, equals: value)
        series.append(line(rows, quantity, name: groupLabel(value), index: index))
      }
    } else {
      series.append(line(table, quantity, name: nil, index: 0))
    }
    for (index, data) in measured.enumerated() {
      series.append(
        Series(
          data.label, x: data.x, y: data.y, style: .scatter, yErrors: data.yErrors,
          paletteIndex: index, hollowMarkers: true))
    }
    let annotations: [Annotation] = referenceAtOne ? [.verticalLine(x: 1, label: nil)] : []
    let title = groupColumn.flatMap { table[$0] }.map { column in
      column.unit.isEmpty ? column.label : "\(column.label) (\(UnitText.markup(column.unit)))"
    }
    return Panel(
      x: npAxis, y: yAxis, series: series, annotations: annotations, legendTitle: title)
  }

  private func line(_ rows: DataTable, _ quantity: String, name: String?, index: Int) -> Series {
    let pairs = zip(rows.values(xColumn), rows.values(quantity)).sorted { $0.0 < $1.0 }
    return Series(
      name, x: pairs.map(\.0), y: pairs.map(\.1), style: .lineMarkers, paletteIndex: index)
  }
}
