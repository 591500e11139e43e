/// A file format a `Drawing` can be rendered to.
public enum FigureFormat: Sendable, Equatable, Hashable {
  /// Scalable vector graphics, for the web.
  case svg
  /// Portable document format, for papers.
  case pdf
  /// A raster image at `pixelsPerPoint` pixels per point (2 for previews, 300/72 for 300 dpi).
  case png(pixelsPerPoint: Double)

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .svg: return "svg"
    case .pdf: return "pdf"
    case .png: return "png"
    }
  }
}

/// A failure of the drawing library, with its own status text.
public struct FigureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The Cairo call that failed.
  public let call: String
  /// Cairo's description of the status.
  public let message: String

  /// One line: call and message.
  public var description: String { "\(call) failed: \(message)" }
}
