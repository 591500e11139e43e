/// The resolved colour, stroke and marker of one series.
struct SeriesLook {
  let color: Color
  let stroke: StrokeStyle
  let marker: MarkerShape?
  let hollow: Bool
  let drawsLine: Bool
  let markerSize: Double

  init(_ series: Series, paletteIndex: Int, style: ChartStyle) {
    color = Palette.color(paletteIndex)
    stroke = StrokeStyle(
      color: color, width: style.lineWidth, dash: series.dash ?? Palette.dash(paletteIndex))
    marker = series.hasMarkers ? (series.marker ?? Palette.marker(paletteIndex)) : nil
    hollow = series.hollowMarkers
    drawsLine = series.hasLine
    markerSize = style.markerSize
  }

  /// The look of every series of `panel`: its declared palette index, or the next in order.
  static func looks(_ panel: Panel, style: ChartStyle) -> [SeriesLook] {
    var next = 0
    return panel.series.map { series in
      let index = series.paletteIndex ?? next
      next = max(next, index + 1)
      return SeriesLook(series, paletteIndex: index, style: style)
    }
  }

  /// Draws one marker in this look.
  func drawMarker(_ shape: MarkerShape, at point: Point, on canvas: inout some Canvas) {
    let fill: Color? = hollow ? .white : color
    canvas.add(.marker(shape, at: point, size: markerSize, stroke: color, fill: fill, width: 0.8))
  }
}
