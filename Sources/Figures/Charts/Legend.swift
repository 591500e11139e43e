/// A panel's legend: one entry per named series, sized from measured text.
struct Legend {
  struct Entry {
    let name: RichText
    let look: SeriesLook
  }

  let title: RichText?
  let entries: [Entry]
  let style: ChartStyle

  static let padding = 3.0

  /// The legend of `panel`: one entry per named series; nil when there is none to show.
  static func of(_ panel: Panel, style: ChartStyle) -> Legend? {
    let looks = SeriesLook.looks(panel, style: style)
    let entries = zip(panel.series, looks).compactMap { series, look in
      series.name.map { Entry(name: RichText($0), look: look) }
    }
    guard !entries.isEmpty, panel.legend != .none else { return nil }
    return Legend(title: panel.legendTitle.map(RichText.init), entries: entries, style: style)
  }
  static let sampleLength = 15.0

  var rowHeight: Double { style.legendSize * 1.45 }

  /// The width and height of the legend on `canvas`.
  func size(on canvas: some Canvas) -> (width: Double, height: Double) {
    let labelWidth =
      entries.map { canvas.measure($0.name, size: style.legendSize).width }.max() ?? 0
    let titleWidth =
      title.map { canvas.measure($0, size: style.legendSize, bold: false).width } ?? 0
    let width = max(Legend.sampleLength + 4 + labelWidth, titleWidth) + 2 * Legend.padding
    let rows = Double(entries.count + (title == nil ? 0 : 1))
    return (width, rows * rowHeight + 2 * Legend.padding - (rowHeight - style.legendSize * 1.1))
  }

  /// Draws the legend with its top-left corner at `origin`, over a translucent white ground.
  func draw(at origin: Point, on canvas: inout some Canvas) {
    let (width, height) = size(on: canvas)
    canvas.fill(
      Rect(x: origin.x, y: origin.y, width: width, height: height), Color.white.withAlpha(0.85))
    var baseline = origin.y + Legend.padding + style.legendSize * 0.85
    if let title {
      canvas.draw(
        title, at: Point(x: origin.x + Legend.padding, y: baseline), size: style.legendSize)
      baseline += rowHeight
    }
    for entry in entries {
      let middle = baseline - style.legendSize * 0.32
      let start = origin.x + Legend.padding
      if entry.look.drawsLine {
        canvas.stroke(
          [Point(x: start, y: middle), Point(x: start + Legend.sampleLength, y: middle)],
          entry.look.stroke)
      }
      if let marker = entry.look.marker {
        entry.look.drawMarker(
          marker, at: Point(x: start + Legend.sampleLength / 2, y: middle), on: &canvas)
      }
      canvas.draw(
        entry.name, at: Point(x: start + Legend.sampleLength + 4, y: baseline),
        size: style.legendSize)
      baseline += rowHeight
    }
  }

  /// The inside position (top-left corner) covering the fewest of `obstacles`, and how many
  /// it covers.
  func bestInsidePosition(in plot: Rect, avoiding obstacles: [Point], on canvas: some Canvas)
    -> (origin: Point, covered: Int)
  {
    let (width, height) = size(on: canvas)
    let inset = 4.0
    let left = plot.x + inset
    let right = plot.maxX - inset - width
    let top = plot.y + inset
    let bottom = plot.maxY - inset - height
    let centreX = plot.x + (plot.width - width) / 2
    let centreY = plot.y + (plot.height - height) / 2
    // Matplotlib's order of preference: corners first, then edge centres.
    let candidates = [
      Point(x: right, y: top), Point(x: left, y: top), Point(x: left, y: bottom),
      Point(x: right, y: bottom), Point(x: right, y: centreY), Point(x: left, y: centreY),
      Point(x: centreX, y: bottom), Point(x: centreX, y: top),
    ]
    var best = (origin: candidates[0], covered: Int.max)
    for candidate in candidates {
      let box = Rect(x: candidate.x - 2, y: candidate.y - 2, width: width + 4, height: height + 4)
      let covered = obstacles.reduce(0) { $0 + (box.contains($1) ? 1 : 0) }
      if covered < best.covered { best = (candidate, covered) }
    }
    return best
  }
}
