/// Where charts draw: paths, text with measured extents, markers and clipping.
///
/// Charts see only this protocol; `Drawing` records what is drawn, and the Cairo backend renders a recording.
public protocol Canvas {
  /// Width in points.
  var width: Double { get }
  /// Height in points.
  var height: Double { get }
  /// Appends one drawing operation.
  mutating func add(_ command: DrawCommand)
  /// The extent of `string` at `size` points in the figure font.
  func measure(_ string: String, size: Double, bold: Bool) -> TextExtent
}

/// How a line is stroked.
public struct StrokeStyle: Sendable, Equatable, Hashable {
  /// The colour.
  public var color: Color
  /// Width in points.
  public var width: Double
  /// Dash lengths in points, alternating on and off; empty for solid.
  public var dash: [Double]

  /// A stroke style.
  public init(color: Color, width: Double, dash: [Double] = []) {
    self.color = color
    self.width = width
    self.dash = dash
  }
}

/// An axis-aligned rectangle in points.
public struct Rect: Sendable, Equatable, Hashable {
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double

  /// A rectangle from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Right edge.
  public var maxX: Double { x + width }
  /// Bottom edge.
  public var maxY: Double { y + height }

  /// Whether the two rectangles share any area.
  public func intersects(_ other: Rect) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }

  /// Whether `point` lies inside or on the edge.
  public func contains(_ point: Point) -> Bool {
    point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
  }

  /// The rectangle grown by `amount` on every side.
  public func insetBy(_ amount: Double) -> Rect {
    Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
  }
}

extension Canvas {
  /// Strokes a polyline through `points`.
  public mutating func stroke(_ points: [Point], _ style: StrokeStyle) {
    guard points.count >= 2 else { return }
    add(.polyline(points, color: style.color, width: style.width, dash: style.dash))
  }

  /// Fills the polygon through `points`.
  public mutating func fill(_ points: [Point], _ color: Color) {
    guard points.count >= 3 else { return }
    add(.polygon(points, color: color))
  }

  /// Fills `rect`.
  public mutating func fill(_ rect: Rect, _ color: Color) {
    add(
      .rectangle(
        origin: Point(x: rect.x, y: rect.y), width: rect.width, height: rect.height, color: color))
  }

  /// Strokes the outline of `rect`.
  public mutating func stroke(_ rect: Rect, _ style: StrokeStyle) {
    let corners = [
      Point(x: rect.x, y: rect.y), Point(x: rect.maxX, y: rect.y),
      Point(x: rect.maxX, y: rect.maxY), Point(x: rect.x, y: rect.maxY),
      Point(x: rect.x, y: rect.y),
    ]
    stroke(corners, style)
  }

  /// Restricts what follows to `rect` until `resetClip()`.
  public mutating func clip(_ rect: Rect) {
    add(.clip(origin: Point(x: rect.x, y: rect.y), width: rect.width, height: rect.height))
  }

  /// Removes the clip.
  public mutating func resetClip() {
    add(.resetClip)
  }
}
