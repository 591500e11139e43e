import Figures
import Foundation
import Testing

private func sampleDrawing() -> Drawing {
  var drawing = Drawing(width: 252, height: 180)
  let blue = Color(red: 0, green: 0.447, blue: 0.698)
  drawing.add(
    .rectangle(
      origin: Point(x: 40, y: 20), width: 190, height: 130,
      color: Color(red: 0.95, green: 0.95, blue: 0.95)))
  drawing.add(.clip(origin: Point(x: 40, y: 20), width: 190, height: 130))
  drawing.add(
    .polyline(
      [Point(x: 40, y: 150), Point(x: 120, y: 60), Point(x: 230, y: 40)], color: blue, width: 1.5,
      dash: []))
  drawing.add(
    .polygon([Point(x: 60, y: 150), Point(x: 90, y: 120), Point(x: 120, y: 150)], color: blue))
  drawing.add(.resetClip)
  drawing.add(
    .text(
      "Capacity (mAh cm⁻²)", at: Point(x: 135, y: 172), size: 9, color: .black, anchor: .middle,
      bold: false, angleDegrees: 0))
  drawing.add(
    .text(
      "(a)", at: Point(x: 12, y: 90), size: 10, color: .black, anchor: .start, bold: true,
      angleDegrees: 90))
  return drawing
}

@Suite struct CairoOutputTests {
  @Test func writesAllThreeFormatsWithTheirSignatures() throws {
    let drawing = sampleDrawing()
    let svg = String(decoding: try drawing.render(.svg), as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("width=\"252pt\""))
    let pdf = try drawing.render(.pdf)
    #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    let png = try drawing.render(.png(pixelsPerPoint: 2))
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    // The PNG header stores the pixel size: 2 × 252 by 2 × 180.
    let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 504 && height == 360)
  }

  @Test(arguments: [FigureFormat.svg, .pdf, .png(pixelsPerPoint: 2)])
  func identicalDrawingsGiveIdenticalBytes(format: FigureFormat) throws {
    let first = try sampleDrawing().render(format)
    let second = try sampleDrawing().render(format)
    let identical = first == second
    #expect(identical, "two renders of one drawing differ in \(format)")
  }

  @Test func pdfCarriesNoClockTime() throws {
    let pdf = String(decoding: try sampleDrawing().render(.pdf), as: UTF8.self)
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    #expect(!pdf.contains("D:\(year)"))
  }

  @Test func measuresTextInTheFigureFont() {
    let narrow = Drawing.measure("1", size: 10)
    let wide = Drawing.measure("1000", size: 10)
    #expect(narrow.width > 0)
    #expect(abs(wide.width - 4 * narrow.width) < 0.5)
    #expect(narrow.ascent > 5 && narrow.ascent < 12)
  }
}
