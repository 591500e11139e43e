import Figures
import Foundation
import TestSupport
import Testing

@Suite struct FigureOutputTests {
  @Test(arguments: Gallery.entries().map(\.name))
  func recordingLogMatchesItsSnapshot(name: String) {
    let entry = Gallery.entries().first { $0.name == name }!
    let log = FigureRenderer().drawing(entry.figure.at(.singleColumn)).log
    let mismatch = snapshotMismatch(log, named: "kind-\(name)")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func everyFormatIsByteIdenticalAcrossRenders() throws {
    let figure = Gallery.entries().first { $0.name == "versus-np" }!.figure
    let first = try FigureFiles(print300dpi: true).files(figure, name: "f")
    let second = try FigureFiles(print300dpi: true).files(figure, name: "f")
    #expect(
      first.map(\.0) == [
        "f.svg", "f.png", "f.pdf", "f-300dpi.png", "f-a.csv", "f-b.csv", "f-c.csv",
      ])
    for ((name, a), (_, b)) in zip(first, second) {
      #expect(a == b, "\(name) differs between two renders")
    }
  }

  @Test func svgHasTheFrameTicksAndEveryGlyphInsideTheCanvas() throws {
    let figure = Gallery.entries().first { $0.name == "versus-np-measured" }!.figure
    let svg = String(decoding: try FigureRenderer().drawing(figure).render(.svg), as: UTF8.self)
    #expect(svg.contains("viewBox=\"0 0 252 189\""))
    let paths = svg.components(separatedBy: "<path").count - 1
    #expect(paths > 60, "expected frame, ticks, lines and markers; found \(paths) paths")
    let uses = try Regex(##"<use xlink:href="#glyph[^"]*" x="([0-9.\-]+)" y="([0-9.\-]+)""##)
    var glyphs = 0
    for match in svg.matches(of: uses) {
      let x = Double(match.output[1].substring!)!
      let y = Double(match.output[2].substring!)!
      glyphs += 1
      #expect(x >= 0 && x <= 252 && y >= 0 && y <= 189, "glyph at (\(x), \(y)) outside the canvas")
    }
    #expect(glyphs > 50, "expected tick labels, axis titles and a legend; found \(glyphs) glyphs")
  }

  @Test func legendEntriesAreDrawn() {
    let figure = Gallery.entries().first { $0.name == "versus-np-measured" }!.figure
    let texts = FigureRenderer().drawing(figure).commands.compactMap { command -> String? in
      if case .text(let text, _, _, _, _, _, _) = command { return text }
      return nil
    }
    for entry in ["0.75", "2.8", "measured", "Current density (mA cm"] {
      #expect(texts.contains(entry), "legend entry \(entry) missing")
    }
  }

  @Test func csvCarriesUnitsInItsHeaderAndEveryPoint() {
    let figure = Gallery.entries().first { $0.name == "versus-np-measured" }!.figure
    let files = FigureData.csvFiles(figure)
    #expect(files.count == 1)
    let lines = files[0].text.split(separator: "\n")
    #expect(lines[0] == "series,N/P ratio,Capacity [mAh/cm2],y_uncertainty")
    let points = figure.panels[0].series.map(\.x.count).reduce(0, +)
    #expect(lines.count == points + 1)
    #expect(lines.contains { $0.hasPrefix("measured,") && $0.split(separator: ",").count == 4 })
  }

  @Test func galleryWritesEveryKindAtBothWidthsWithAnIndex() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("cellbook-gallery-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Gallery.write(to: folder)
    let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    for kind in FigureKind.allCases {
      #expect(files.contains("\(kind.rawValue)-single.svg"), "\(kind.rawValue) single missing")
      #expect(files.contains("\(kind.rawValue)-double.png"), "\(kind.rawValue) double missing")
      #expect(index.contains("\(kind.rawValue)-single.svg"))
    }
  }
}
