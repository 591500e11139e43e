/// Draws a panel's frame, ticks (inwards, mirrored on the opposite side), tick labels and axis
/// titles.
struct AxisPainter {
  let plan: PanelPlan
  let plot: Rect
  let style: ChartStyle

  private var frame: StrokeStyle { StrokeStyle(color: .black, width: style.frameWidth) }

  func draw(on canvas: inout some Canvas) {
    canvas.stroke(plot, frame)
    drawXTicks(on: &canvas)
    drawYTicks(plan.y, side: .primary, mirrored: plan.secondaryY == nil, on: &canvas)
    if let secondary = plan.secondaryY {
      drawYTicks(secondary, side: .secondary, mirrored: false, on: &canvas)
    }
  }

  private func xPosition(_ value: Double) -> Double { plot.x + plan.x.fraction(value) * plot.width }

  private func inRange(_ fraction: Double) -> Bool { fraction >= -1e-9 && fraction <= 1 + 1e-9 }

  private func drawXTicks(on canvas: inout some Canvas) {
    let x = plan.x
    for (values, length) in [
      (x.ticks.major, style.majorTickLength), (x.ticks.minor, style.minorTickLength),
    ] {
      for value in values where inRange(x.fraction(value)) {
        let at = xPosition(value)
        canvas.stroke([Point(x: at, y: plot.maxY), Point(x: at, y: plot.maxY - length)], frame)
        canvas.stroke([Point(x: at, y: plot.y), Point(x: at, y: plot.y + length)], frame)
      }
    }
    guard plan.showsXLabels else { return }
    let layout = plan.xTickLayout(plotWidth: plot.width, style: style, on: canvas)
    let tickExtent = canvas.measure("0", size: style.tickLabelSize, bold: false)
    let baseline = plot.maxY + style.gap + tickExtent.ascent
    var depth = tickExtent.ascent + tickExtent.descent
    for (value, label) in zip(x.ticks.major, layout.labels)
    where !label.isEmpty && inRange(x.fraction(value)) {
      let text = RichText(label)
      if layout.rotated {
        let width = canvas.measure(text, size: style.tickLabelSize).width
        depth = max(depth, (width + tickExtent.ascent) * 0.71)
        canvas.draw(
          text, at: Point(x: xPosition(value) + 2, y: plot.maxY + style.gap + 2),
          size: style.tickLabelSize, anchor: .end, angleDegrees: 45)
      } else {
        canvas.draw(
          text, at: Point(x: xPosition(value), y: baseline), size: style.tickLabelSize,
          anchor: .middle)
      }
    }
    let title = canvas.measure(plan.x.axis.label, size: style.axisLabelSize)
    canvas.draw(
      plan.x.axis.label,
      at: Point(
        x: plot.x + plot.width / 2, y: plot.maxY + style.gap + depth + style.gap + title.ascent),
      size: style.axisLabelSize, anchor: .middle)
  }

  private func drawYTicks(
    _ axis: ResolvedAxis, side: AxisSide, mirrored: Bool, on canvas: inout some Canvas
  ) {
    func yPosition(_ value: Double) -> Double { plot.maxY - axis.fraction(value) * plot.height }
    let edge = side == .primary ? plot.x : plot.maxX
    let inward = side == .primary ? 1.0 : -1.0
    for (values, length) in [
      (axis.ticks.major, style.majorTickLength), (axis.ticks.minor, style.minorTickLength),
    ] {
      for value in values where inRange(axis.fraction(value)) {
        let at = yPosition(value)
        canvas.stroke([Point(x: edge, y: at), Point(x: edge + inward * length, y: at)], frame)
        if mirrored {
          canvas.stroke([Point(x: plot.maxX, y: at), Point(x: plot.maxX - length, y: at)], frame)
        }
      }
    }
    guard plan.showsYLabels || side == .secondary else { return }
    let tickExtent = canvas.measure("0", size: style.tickLabelSize, bold: false)
    let positions = axis.ticks.major.map { yPosition($0) }
    let layout = TickLabelLayout.vertical(
      axis.ticks, positions: positions, height: tickExtent.ascent + tickExtent.descent)
    var widest = 0.0
    for (value, label) in zip(axis.ticks.major, layout.labels)
    where !label.isEmpty && inRange(axis.fraction(value)) {
      let text = RichText(label)
      widest = max(widest, canvas.measure(text, size: style.tickLabelSize).width)
      let baseline = yPosition(value) + tickExtent.ascent * 0.36
      let x = edge - inward * style.gap
      canvas.draw(
        text, at: Point(x: x, y: baseline), size: style.tickLabelSize,
        anchor: side == .primary ? .end : .start)
    }
    let offset = style.gap + widest + style.gap
    drawYTitle(axis.axis, side: side, edge: edge, offset: offset, on: &canvas)
  }

  /// The y title, rotated to read bottom to top on the left and top to bottom on the right; a
  /// title longer than the plot is tall is set smaller, then split into quantity and unit.
  private func drawYTitle(
    _ axis: Axis, side: AxisSide, edge: Double, offset: Double, on canvas: inout some Canvas
  ) {
    let lines = Self.titleLines(axis, plotHeight: plot.height, style: style, on: canvas)
    let angle = side == .primary ? 90.0 : -90.0
    let outward = side == .primary ? -1.0 : 1.0
    var distance = offset
    // The line nearest the axis is the last one (the unit when split).
    for line in lines.text.reversed() {
      let extent = canvas.measure(line, size: lines.size)
      let x = edge + outward * (distance + extent.descent)
      canvas.draw(
        line, at: Point(x: x, y: plot.y + plot.height / 2), size: lines.size, anchor: .middle,
        angleDegrees: angle)
      distance += extent.ascent + extent.descent
    }
  }

  /// The lines and size of a y title for a plot `plotHeight` tall.
  static func titleLines(
    _ axis: Axis, plotHeight: Double, style: ChartStyle, on canvas: some Canvas
  ) -> (text: [RichText], size: Double) {
    var size = style.axisLabelSize
    while size > 6.5, canvas.measure(axis.label, size: size).width > plotHeight {
      size -= 0.5
    }
    let unit = UnitText.markup(axis.unit)
    if canvas.measure(axis.label, size: size).width <= plotHeight || unit.isEmpty {
      return ([axis.label], size)
    }
    return ([RichText(axis.quantity), RichText("(\(unit))")], size)
  }
}
