/// An sRGB colour with opacity, each channel in 0...1.
public struct Color: Sendable, Equatable, Hashable {
  /// Red channel.
  public var red: Double
  /// Green channel.
  public var green: Double
  /// Blue channel.
  public var blue: Double
  /// Opacity.
  public var alpha: Double

  /// A colour from channels in 0...1.
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Black.
  public static let black = Color(red: 0, green: 0, blue: 0)
  /// A colour from a 24-bit hex value such as 0xE69F00.
  public init(hex: Int, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255, alpha: alpha)
  }
  /// The same colour with opacity `alpha`.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }
  /// White.
  public static let white = Color(red: 1, green: 1, blue: 1)
}

/// A point in drawing units (typographic points, 1/72 in), origin top left, y downwards.
public struct Point: Sendable, Equatable, Hashable {
  /// Horizontal position.
  public var x: Double
  /// Vertical position, downwards.
  public var y: Double

  /// A point at (x, y).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// How text is anchored horizontally at its position.
public enum TextAnchor: String, Sendable, Equatable {
  /// The text starts at the position.
  case start
  /// The text is centred on the position.
  case middle
  /// The text ends at the position.
  case end
}

/// One drawing operation; a `Drawing` is a list of them, replayed by a backend.
public enum DrawCommand: Sendable, Equatable {
  /// Strokes a polyline.
  case polyline([Point], color: Color, width: Double, dash: [Double])
  /// Fills a closed polygon.
  case polygon([Point], color: Color)
  /// Fills an axis-aligned rectangle.
  case rectangle(origin: Point, width: Double, height: Double, color: Color)
  /// Draws text with its baseline at `at`, rotated by `angleDegrees` counter-clockwise.
  case text(
    String, at: Point, size: Double, color: Color, anchor: TextAnchor, bold: Bool,
    angleDegrees: Double)
  /// Draws a marker of `size` points across centred at `at`, outlined and optionally filled.
  case marker(MarkerShape, at: Point, size: Double, stroke: Color, fill: Color?, width: Double)
  /// Restricts later commands to a rectangle until `resetClip`.
  case clip(origin: Point, width: Double, height: Double)
  /// Removes the clip.
  case resetClip
}

/// A vector picture of a given size, made of commands: the recording canvas.
///
/// The Cairo backend renders it to files; its `log` is the text that tests snapshot.
public struct Drawing: Canvas, Sendable, Equatable {
  /// Width in points.
  public let width: Double
  /// Height in points.
  public let height: Double
  /// The commands, in painting order.
  public private(set) var commands: [DrawCommand] = []

  /// An empty drawing of `width` × `height` points.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Appends a command.
  public mutating func add(_ command: DrawCommand) {
    commands.append(command)
  }

  /// Measures text with the font the Cairo backend draws with.
  public func measure(_ string: String, size: Double, bold: Bool) -> TextExtent {
    Drawing.measure(string, size: size, bold: bold)
  }
}
