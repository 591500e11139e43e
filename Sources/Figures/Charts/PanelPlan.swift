/// A panel with everything decided except where it sits: resolved axes, which tick labels
/// show, whether its legend is outside, its (a)-label.
struct PanelPlan {
  let panel: Panel
  let x: ResolvedAxis
  let y: ResolvedAxis
  let secondaryY: ResolvedAxis?
  let showsXLabels: Bool
  let showsYLabels: Bool
  let label: String?
  var legendOutside: Bool

  /// The margins around the plot area this panel needs, in points.
  func margins(
    on canvas: some Canvas, style: ChartStyle, legendWidth: Double, cellWidth: Double,
    cellHeight: Double
  ) -> Margins {
    let tickHeight = lineHeight(style.tickLabelSize, on: canvas)
    let titleHeight = lineHeight(style.axisLabelSize, on: canvas)
    var left = 5.0
    if showsYLabels {
      left =
        widest(y.ticks.labels, style: style, on: canvas)
        + titleBlock(y.axis, cellHeight: cellHeight, style: style, on: canvas) + 2 * style.gap + 2
    }
    var right = 6.0
    if let secondaryY {
      right =
        widest(secondaryY.ticks.labels, style: style, on: canvas)
        + titleBlock(secondaryY.axis, cellHeight: cellHeight, style: style, on: canvas)
        + 2 * style.gap + 2
    } else if showsXLabels, let last = x.ticks.labels.last, let lastTick = x.ticks.major.last,
      x.fraction(lastTick) > 0.97
    {
      right = max(right, canvas.measure(RichText(last), size: style.tickLabelSize).width / 2 + 2)
    }
    if legendOutside { right += legendWidth + 6 }
    var bottom = 5.0
    if showsXLabels {
      let plotWidth = cellWidth - left - right
      let layout = xTickLayout(plotWidth: plotWidth, style: style, on: canvas)
      var labelDepth = tickHeight
      if layout.rotated {
        labelDepth = widest(layout.labels, style: style, on: canvas) * 0.71 + tickHeight * 0.71
      }
      bottom = labelDepth + titleHeight + 2 * style.gap + 2
    }
    let top = label == nil ? max(6, tickHeight / 2 + 2) : style.panelLabelSize + 6
    return Margins(left: left, right: right, top: top, bottom: bottom)
  }

  /// Thinning or rotation of the x tick labels for a plot `plotWidth` wide.
  func xTickLayout(plotWidth: Double, style: ChartStyle, on canvas: some Canvas)
    -> TickLabelLayout
  {
    let positions = x.ticks.major.map { x.fraction($0) * plotWidth }
    return TickLabelLayout.horizontal(
      x.ticks, positions: positions,
      measure: { canvas.measure(RichText($0), size: style.tickLabelSize).width },
      minimumGap: 4)
  }

  /// The depth of a y title: one line, or two when it is split.
  private func titleBlock(
    _ axis: Axis, cellHeight: Double, style: ChartStyle, on canvas: some Canvas
  ) -> Double {
    let plotHeight = cellHeight - 50
    let lines = AxisPainter.titleLines(axis, plotHeight: plotHeight, style: style, on: canvas)
    return Double(lines.text.count) * lineHeight(lines.size, on: canvas)
  }

  private func widest(_ labels: [String], style: ChartStyle, on canvas: some Canvas) -> Double {
    labels.map { canvas.measure(RichText($0), size: style.tickLabelSize).width }.max() ?? 0
  }

  private func lineHeight(_ size: Double, on canvas: some Canvas) -> Double {
    let extent = canvas.measure("0", size: size, bold: false)
    return extent.ascent + extent.descent
  }
}

/// Space around a plot area, in points.
struct Margins: Equatable {
  var left: Double
  var right: Double
  var top: Double
  var bottom: Double
}
