import Figures
import Foundation
import Testing

private let entries = Gallery.entries()
private let cases = entries.flatMap { entry in FigureWidth.allCases.map { (entry.name, $0) } }

private func drawing(_ name: String, _ width: FigureWidth) -> Drawing {
  let figure = entries.first { $0.name == name }?.figure ?? Figure(panels: [])
  return FigureRenderer().drawing(figure.at(width))
}

@Suite struct ChartLayoutTests {
  @Test(arguments: cases)
  func noTextLeavesTheCanvas(name: String, width: FigureWidth) {
    let drawing = drawing(name, width)
    for box in TextBox.all(in: drawing) {
      let inside =
        box.rect.x >= -0.5 && box.rect.y >= -0.5
        && box.rect.maxX <= drawing.width + 0.5 && box.rect.maxY <= drawing.height + 0.5
      #expect(inside, "\(name) \(width): \"\(box.text)\" at \(box.rect) leaves the canvas")
    }
  }

  @Test(arguments: cases)
  func noTwoTextsOverlap(name: String, width: FigureWidth) {
    let overlaps = TextBox.overlaps(TextBox.all(in: drawing(name, width)))
    #expect(overlaps.isEmpty, "\(name) \(width): overlapping texts \(overlaps)")
  }

  @Test func crowdedTickLabelsAreThinnedOrRotatedNeverOverlapped() {
    let x = stride(from: 10_000.0, through: 90_000, by: 1000).map { $0 }
    let panel = Panel(
      x: Axis("Cycle time", unit: "s"), y: Axis("Voltage", unit: "V"),
      series: [Series("run", x: x, y: x.map { 3 + $0 / 1e5 })])
    let figure = Figure(panels: [panel, panel, panel, panel], columns: 2, width: .singleColumn)
    let drawing = FigureRenderer().drawing(figure)
    let overlaps = TextBox.overlaps(TextBox.all(in: drawing))
    #expect(overlaps.isEmpty, "overlapping tick labels: \(overlaps)")
  }

  @Test func legendGoesWhereThereIsNoData() {
    // Data along the rising diagonal leaves the upper-left and lower-right corners free.
    let x = stride(from: 0.0, through: 1, by: 0.01).map { $0 }
    let panel = Panel(
      x: Axis("x"), y: Axis("y"),
      series: [Series("rising", x: x, y: x), Series("also rising", x: x, y: x.map { $0 * 0.95 })])
    let drawing = FigureRenderer().drawing(Figure(panels: [panel], width: .singleColumn))
    let legendText = TextBox.all(in: drawing).first { $0.text == "rising" }!
    let frame = drawing.commands.compactMap { command -> [Point]? in
      if case .polyline(let points, _, _, _) = command, points.count == 5 { return points }
      return nil
    }.first!
    let plotMiddleX = (frame[0].x + frame[1].x) / 2
    let plotMiddleY = (frame[0].y + frame[2].y) / 2
    let upperLeft = legendText.rect.x < plotMiddleX && legendText.rect.y < plotMiddleY
    let lowerRight = legendText.rect.x > plotMiddleX && legendText.rect.y > plotMiddleY
    #expect(upperLeft || lowerRight, "legend at \(legendText.rect) sits on the data")
  }

  @Test func legendMovesOutsideWhenEveryInsidePlaceCoversData() {
    let x = stride(from: 0.0, through: 1, by: 0.005).map { $0 }
    let names = ["one", "two", "three", "four", "five"]
    let series = names.enumerated().map { index, name in
      Series(name, x: x, y: x.map { 0.5 + 0.5 * sin(40 * $0 + Double(index)) })
    }
    let filled = Panel(x: Axis("x"), y: Axis("y"), series: series)
    let drawing = FigureRenderer().drawing(Figure(panels: [filled], width: .doubleColumn))
    let frame = drawing.commands.compactMap { command -> [Point]? in
      if case .polyline(let points, _, _, _) = command, points.count == 5 { return points }
      return nil
    }.first!
    let legend = TextBox.all(in: drawing).first { $0.text == "one" }!
    #expect(legend.rect.x > frame[1].x, "legend should sit right of the plot")
  }

  @Test func panelsAreLabelledAndShareAlignedPlotAreas() {
    let drawing = drawing("versus-np", .doubleColumn)
    let labels = drawing.commands.compactMap { command -> String? in
      if case .text(let text, _, _, _, _, true, _) = command { return text }
      return nil
    }
    #expect(labels == ["(a)", "(b)", "(c)"])
    let frames = drawing.commands.compactMap { command -> [Point]? in
      if case .polyline(let points, .black, _, _) = command, points.count == 5 { return points }
      return nil
    }
    #expect(frames.count == 3)
    #expect(Set(frames.map { $0[0].y }).count == 1, "plot tops differ")
    #expect(Set(frames.map { $0[2].y }).count == 1, "plot bottoms differ")
  }

  @Test func seriesTakeDistinctColoursAndMarkers() {
    let drawing = drawing("versus-np-utilization", .doubleColumn)
    var shapes: [MarkerShape: Color] = [:]
    for command in drawing.commands {
      if case .marker(let shape, _, _, let stroke, _, _) = command { shapes[shape] = stroke }
    }
    #expect(shapes.count == 3)
    #expect(Set(shapes.values).count == 3)
  }
}
