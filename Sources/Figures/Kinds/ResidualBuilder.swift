/// Adds a residual panel under a panel with measured points: measured minus simulated, the
/// simulated line interpolated at each measured x, for every measured series (hollow markers)
/// paired with the simulated line of the same colour.
public struct ResidualBuilder: Sendable {
  /// A builder.
  public init() {}

  /// The panel and its residuals, sharing x.
  public func figure(_ panel: Panel, width: FigureWidth = .singleColumn) -> Figure {
    var residualSeries: [Series] = []
    for measured in panel.series where measured.hollowMarkers {
      guard
        let simulated = panel.series.first(where: {
          !$0.hollowMarkers && $0.paletteIndex == measured.paletteIndex && $0.hasLine
        })
      else { continue }
      let residuals = zip(measured.x, measured.y).map { x, y in
        y - Self.interpolate(simulated, at: x)
      }
      residualSeries.append(
        Series(
          nil, x: measured.x, y: residuals, style: .scatter, yErrors: measured.yErrors,
          paletteIndex: measured.paletteIndex, hollowMarkers: true))
    }
    let residualPanel = Panel(
      x: panel.x, y: Axis("Residual", unit: panel.y.unit), series: residualSeries,
      annotations: [.horizontalLine(y: 0, label: nil)], legend: .none)
    return Figure(
      panels: [panel, residualPanel], columns: 1, width: width, panelAspect: 0.45,
      sharedX: true)
  }

  /// Linear interpolation of `series` at `x` (NaN outside its range).
  static func interpolate(_ series: Series, at x: Double) -> Double {
    let pairs = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
      .sorted { $0.0 < $1.0 }
    guard let first = pairs.first, let last = pairs.last, x >= first.0, x <= last.0 else {
      return .nan
    }
    for (a, b) in zip(pairs, pairs.dropFirst()) where x >= a.0 && x <= b.0 {
      return b.0 == a.0 ? a.1 : a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
    }
    return last.1
  }
}
