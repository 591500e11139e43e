/// Builds the overpotential breakdown of one case against state of charge: one line per
/// contribution (reaction in each electrode, ohmic drops, concentration, film) and their sum.
public struct OverpotentialBuilder: Sendable {
  /// The x column.
  public var x = "soc"
  /// The contribution columns, drawn in this order.
  public var components = [
    "eta_reaction_neg", "eta_reaction_pos", "ohmic_electrolyte", "ohmic_solid",
    "eta_concentration", "film_drop",
  ]
  /// The column of the net overpotential (drawn black and thicker), if any.
  public var total: String? = "eta_net"

  /// A builder with the defaults.
  public init() {}

  /// The breakdown panel of `table`.
  public func panel(_ table: DataTable) -> Panel {
    var series: [Series] = []
    for (index, name) in components.enumerated() {
      guard let column = table[name] else { continue }
      series.append(
        Series(column.label, x: table.values(x), y: column.values, paletteIndex: index))
    }
    if let total, let column = table[total] {
      series.append(
        Series(column.label, x: table.values(x), y: column.values, paletteIndex: 7, dash: []))
    }
    var xAxis = table[x]?.axis ?? Axis(x)
    xAxis.tight = true
    let unit = components.compactMap { table[$0]?.unit }.first ?? "mV"
    return Panel(
      x: xAxis, y: Axis("Overpotential", unit: unit), series: series,
      annotations: [.horizontalLine(y: 0, label: nil)])
  }
}
