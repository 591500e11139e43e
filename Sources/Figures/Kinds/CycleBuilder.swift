/// Builds "versus cycle" panels: capacity retention on the left axis with markers, coulombic
/// efficiency on the right axis as dashed lines (when it has a column), one colour per case.
public struct CycleBuilder: Sendable {
  /// The cycle-number column.
  public var cycle = "cycle"
  /// The retention column (left axis).
  public var retention = "retention"
  /// The coulombic-efficiency column (right axis; nil for none).
  public var efficiency: String? = "coulombic_efficiency"

  /// A builder with the defaults.
  public init() {}

  /// The panel for `cases`.
  public func panel(_ cases: [LabelledTable]) -> Panel {
    var series: [Series] = []
    for (index, item) in cases.enumerated() {
      series.append(
        Series(
          item.label, x: item.table.values(cycle), y: item.table.values(retention),
          style: .lineMarkers, paletteIndex: index, dash: []))
      if let efficiency {
        series.append(
          Series(
            nil, x: item.table.values(cycle), y: item.table.values(efficiency), style: .line,
            axis: .secondary, paletteIndex: index, dash: [3, 2]))
      }
    }
    let first = cases.first?.table
    var xAxis = first?[cycle]?.axis ?? Axis("Cycle number")
    xAxis.tight = true
    return Panel(
      x: xAxis, y: first?[retention]?.axis ?? Axis("Capacity retention", unit: "%"),
      secondaryY: efficiency.map { first?[$0]?.axis ?? Axis("Coulombic efficiency", unit: "%") },
      series: series)
  }
}
