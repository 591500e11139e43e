import Foundation

/// Draws one planned panel into its plot rectangle.
struct PanelPainter {
  let plan: PanelPlan
  let plot: Rect
  let cell: Rect
  let style: ChartStyle

  private var panel: Panel { plan.panel }

  /// Where a data point lands, against the left or right y axis.
  func point(_ x: Double, _ y: Double, axis: AxisSide = .primary) -> Point {
    let yAxis = axis == .secondary ? (plan.secondaryY ?? plan.y) : plan.y
    return Point(
      x: plot.x + plan.x.fraction(x) * plot.width, y: plot.maxY - yAxis.fraction(y) * plot.height)
  }

  /// The palette index of each series: its declared one, or the next in order.
  var looks: [SeriesLook] { SeriesLook.looks(panel, style: style) }

  func draw(on canvas: inout some Canvas) {
    let looks = self.looks
    canvas.clip(plot)
    drawRegions(on: &canvas)
    for (series, look) in zip(panel.series, looks) { drawBand(series, look: look, on: &canvas) }
    drawReferenceLines(on: &canvas)
    for (series, look) in zip(panel.series, looks) where look.drawsLine {
      drawLine(series, look: look, on: &canvas)
    }
    canvas.clip(plot.insetBy(-style.markerSize))
    for (series, look) in zip(panel.series, looks) {
      drawErrorBars(series, look: look, on: &canvas)
      drawMarkers(series, look: look, on: &canvas)
    }
    canvas.resetClip()
    AxisPainter(plan: plan, plot: plot, style: style).draw(on: &canvas)
    drawAnnotationTexts(on: &canvas)
    drawLegend(on: &canvas)
    if let label = plan.label {
      canvas.draw(
        RichText(label), at: Point(x: cell.x + 2, y: cell.y + style.panelLabelSize + 1),
        size: style.panelLabelSize, bold: true)
    }
  }

  // MARK: - Data

  /// The runs of finite, in-range points of a series (NaN breaks a line).
  private func runs(_ series: Series) -> [[Point]] {
    var runs: [[Point]] = []
    var current: [Point] = []
    for (x, y) in zip(series.x, series.y) {
      let drawable =
        x.isFinite && y.isFinite
        && (plan.x.axis.scale == .linear || x > 0)
        && (axisFor(series).axis.scale == .linear || y > 0)
      if drawable {
        current.append(point(x, y, axis: series.axis))
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  private func axisFor(_ series: Series) -> ResolvedAxis {
    series.axis == .secondary ? (plan.secondaryY ?? plan.y) : plan.y
  }

  private func drawLine(_ series: Series, look: SeriesLook, on canvas: inout some Canvas) {
    for run in runs(series) {
      var points = run
      if series.style == .step {
        points = []
        for (index, point) in run.enumerated() {
          if index > 0 { points.append(Point(x: point.x, y: run[index - 1].y)) }
          points.append(point)
        }
      }
      canvas.stroke(points, look.stroke)
    }
  }

  private func drawMarkers(_ series: Series, look: SeriesLook, on canvas: inout some Canvas) {
    guard let marker = look.marker else { return }
    for run in runs(series) {
      for point in run { look.drawMarker(marker, at: point, on: &canvas) }
    }
  }

  private func drawErrorBars(_ series: Series, look: SeriesLook, on canvas: inout some Canvas) {
    guard let errors = series.yErrors else { return }
    let bar = StrokeStyle(color: look.color, width: 0.7)
    for (index, error) in errors.enumerated() where index < series.x.count && error.isFinite {
      let x = series.x[index]
      let y = series.y[index]
      guard x.isFinite, y.isFinite else { continue }
      let low = point(x, y - error, axis: series.axis)
      let high = point(x, y + error, axis: series.axis)
      canvas.stroke([low, high], bar)
      for end in [low, high] {
        canvas.stroke([Point(x: end.x - 1.8, y: end.y), Point(x: end.x + 1.8, y: end.y)], bar)
      }
    }
  }

  private func drawBand(_ series: Series, look: SeriesLook, on canvas: inout some Canvas) {
    guard let band = series.band else { return }
    var upper: [Point] = []
    var lower: [Point] = []
    for index in series.x.indices where index < band.lower.count && index < band.upper.count {
      let x = series.x[index]
      guard x.isFinite, band.lower[index].isFinite, band.upper[index].isFinite else { continue }
      upper.append(point(x, band.upper[index], axis: series.axis))
      lower.append(point(x, band.lower[index], axis: series.axis))
    }
    canvas.fill(upper + lower.reversed(), look.color.withAlpha(0.18))
  }

  // MARK: - Annotations

  private static let regionColor = Color(hex: 0x7F7F7F, alpha: 0.14)
  private static let referenceStroke = StrokeStyle(color: Palette.grey, width: 0.7, dash: [3, 2])

  private func drawRegions(on canvas: inout some Canvas) {
    for annotation in panel.annotations {
      switch annotation {
      case .xRegion(let range, _):
        let left = point(range.lowerBound, plan.y.lower).x
        let right = point(range.upperBound, plan.y.lower).x
        canvas.fill(
          Rect(x: left, y: plot.y, width: right - left, height: plot.height), Self.regionColor)
      case .yRegion(let range, _):
        let top = point(plan.x.lower, range.upperBound).y
        let bottom = point(plan.x.lower, range.lowerBound).y
        canvas.fill(
          Rect(x: plot.x, y: top, width: plot.width, height: bottom - top), Self.regionColor)
      default: continue
      }
    }
  }

  private func drawReferenceLines(on canvas: inout some Canvas) {
    for annotation in panel.annotations {
      switch annotation {
      case .verticalLine(let x, _):
        let at = point(x, plan.y.lower).x
        canvas.stroke([Point(x: at, y: plot.y), Point(x: at, y: plot.maxY)], Self.referenceStroke)
      case .horizontalLine(let y, _):
        let at = point(plan.x.lower, y).y
        canvas.stroke([Point(x: plot.x, y: at), Point(x: plot.maxX, y: at)], Self.referenceStroke)
      default: continue
      }
    }
  }

  /// The label positions of annotations, for drawing and for keeping the legend off them.
  func annotationLabels(on canvas: some Canvas) -> [(RichText, Point, TextAnchor)] {
    let size = style.legendSize
    var labels: [(RichText, Point, TextAnchor)] = []
    for annotation in panel.annotations {
      switch annotation {
      case .text(let text, let x, let y, let anchor):
        labels.append((RichText(text), point(x, y), anchor))
      case .arrow(let text, let fromX, let fromY, _, _):
        let tail = point(fromX, fromY)
        labels.append((RichText(text), Point(x: tail.x, y: tail.y - 2), .middle))
      case .verticalLine(let x, let label?):
        labels.append((RichText(label), Point(x: point(x, 0).x + 2, y: plot.y + size + 2), .start))
      case .horizontalLine(let y, let label?):
        labels.append((RichText(label), Point(x: plot.maxX - 3, y: point(0, y).y - 2), .end))
      case .xRegion(let range, let label?):
        let middle = (point(range.lowerBound, 0).x + point(range.upperBound, 0).x) / 2
        labels.append((RichText(label), Point(x: middle, y: plot.y + size + 2), .middle))
      case .yRegion(let range, let label?):
        let bottom = point(0, max(range.lowerBound, plan.y.lower)).y
        labels.append((RichText(label), Point(x: plot.x + 4, y: bottom - 3), .start))
      default: continue
      }
    }
    return labels
  }

  private func drawAnnotationTexts(on canvas: inout some Canvas) {
    for annotation in panel.annotations {
      if case .arrow(_, let fromX, let fromY, let toX, let toY) = annotation {
        drawArrow(from: point(fromX, fromY), to: point(toX, toY), on: &canvas)
      }
    }
    for (text, at, anchor) in annotationLabels(on: canvas) {
      canvas.draw(text, at: at, size: style.legendSize, color: Color(hex: 0x333333), anchor: anchor)
    }
  }

  private func drawArrow(from: Point, to: Point, on canvas: inout some Canvas) {
    let dx = to.x - from.x
    let dy = to.y - from.y
    let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
    let ux = dx / length
    let uy = dy / length
    let head = 4.5
    let start = Point(x: from.x + ux * 2, y: from.y + uy * 2)
    let base = Point(x: to.x - ux * head, y: to.y - uy * head)
    let color = Color(hex: 0x333333)
    canvas.stroke([start, base], StrokeStyle(color: color, width: 0.7))
    canvas.fill(
      [
        to, Point(x: base.x - uy * head * 0.4, y: base.y + ux * head * 0.4),
        Point(x: base.x + uy * head * 0.4, y: base.y - ux * head * 0.4),
      ], color)
  }

  // MARK: - Legend

  var legend: Legend? { Legend.of(panel, style: style) }

  /// The points the legend should not cover: every data point, line samples every 2 pt, and
  /// the corners of annotation labels.
  func obstacles(on canvas: some Canvas) -> [Point] {
    var points: [Point] = []
    for series in panel.series {
      for run in runs(series) {
        points.append(contentsOf: run)
        guard series.hasLine else { continue }
        for (a, b) in zip(run, run.dropFirst()) {
          let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
          let steps = Int(length / 2)
          guard steps > 1 else { continue }
          for step in 1..<steps {
            let t = Double(step) / Double(steps)
            points.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
          }
        }
      }
    }
    for (text, at, anchor) in annotationLabels(on: canvas) {
      let extent = canvas.measure(text, size: style.legendSize)
      let left =
        anchor == .start ? at.x : anchor == .middle ? at.x - extent.width / 2 : at.x - extent.width
      for fx in stride(from: 0.0, through: 1.0, by: 0.25) {
        for fy in [0.0, 1.0] {
          // Labels weigh more than data points: each corner counts five times.
          let corner = Point(
            x: left + fx * extent.width, y: at.y - extent.ascent + fy * extent.ascent)
          points.append(contentsOf: Array(repeating: corner, count: 5))
        }
      }
    }
    return points
  }

  private func drawLegend(on canvas: inout some Canvas) {
    guard let legend else { return }
    let (width, height) = legend.size(on: canvas)
    let inset = 4.0
    let origin: Point
    switch panel.legend {
    case .none: return
    case .upperRight: origin = Point(x: plot.maxX - inset - width, y: plot.y + inset)
    case .upperLeft: origin = Point(x: plot.x + inset, y: plot.y + inset)
    case .lowerLeft: origin = Point(x: plot.x + inset, y: plot.maxY - inset - height)
    case .lowerRight: origin = Point(x: plot.maxX - inset - width, y: plot.maxY - inset - height)
    case .outside, .best:
      if plan.legendOutside {
        let axisSpace = plan.secondaryY == nil ? 0.0 : cell.maxX - plot.maxX - width - 6
        origin = Point(x: plot.maxX + 6 + max(0, axisSpace), y: plot.y)
      } else {
        origin =
          legend.bestInsidePosition(in: plot, avoiding: obstacles(on: canvas), on: canvas).origin
      }
    }
    legend.draw(at: origin, on: &canvas)
  }
}
