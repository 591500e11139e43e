import Foundation

/// Writes a figure as SVG, PNG at 2× (and 300 dpi on request), PDF and the CSV of its data.
public struct FigureFiles: Sendable {
  /// Also write `<name>-300dpi.png`.
  public var print300dpi = false
  /// How the figure is drawn.
  public var renderer = FigureRenderer()

  /// Writer with the defaults.
  public init(print300dpi: Bool = false) {
    self.print300dpi = print300dpi
  }

  /// The files of `figure` named `name`: file names and bytes, in a fixed order.
  public func files(_ figure: Figure, name: String) throws(FigureError) -> [(String, [UInt8])] {
    let drawing = renderer.drawing(figure)
    var files: [(String, [UInt8])] = [
      ("\(name).svg", try drawing.render(.svg)),
      ("\(name).png", try drawing.render(.png(pixelsPerPoint: 2))),
      ("\(name).pdf", try drawing.render(.pdf)),
    ]
    if print300dpi {
      files.append(("\(name)-300dpi.png", try drawing.render(.png(pixelsPerPoint: 300.0 / 72))))
    }
    for (suffix, text) in FigureData.csvFiles(figure) {
      files.append(("\(name)\(suffix).csv", Array(text.utf8)))
    }
    return files
  }

  /// Writes the files of `figure` into `folder`, returning their names.
  @discardableResult
  public func write(_ figure: Figure, name: String, to folder: URL) throws -> [String] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = try files(figure, name: name)
    for (fileName, bytes) in files {
      try Data(bytes).write(to: folder.appendingPathComponent(fileName))
    }
    return files.map(\.0)
  }
}
