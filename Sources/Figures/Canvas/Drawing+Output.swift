import Foundation

/// The measured size of a line of text.
public struct TextExtent: Sendable, Equatable {
  /// Advance width in points.
  public let width: Double
  /// Height of the font above the baseline in points.
  public let ascent: Double
  /// Depth of the font below the baseline in points.
  public let descent: Double
}

extension Drawing {
  /// The file contents of this drawing in `format`; identical drawings give identical bytes.
  public func render(_ format: FigureFormat) throws(FigureError) -> [UInt8] {
    try CairoRenderer.render(self, format: format)
  }

  /// Measures `string` in the figure font at `size` points.
  public static func measure(_ string: String, size: Double, bold: Bool = false) -> TextExtent {
    CairoRenderer.measure(string, size: size, bold: bold)
  }
}
