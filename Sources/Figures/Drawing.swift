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
  /// Restricts later commands to a rectangle until `resetClip`.
  case clip(origin: Point, width: Double, height: Double)
  /// Removes the clip.
  case resetClip
}

/// A vector picture of a given size, made of commands; backends render it to files.
public struct Drawing: Sendable, Equatable {
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
}
