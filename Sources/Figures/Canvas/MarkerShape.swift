import Foundation

/// The shape of a data marker; distinct shapes keep series apart in grey-scale print.
public enum MarkerShape: String, Sendable, Equatable, Hashable, CaseIterable {
  /// A circle.
  case circle
  /// A square.
  case square
  /// A triangle pointing up.
  case triangleUp
  /// A diamond.
  case diamond
  /// A triangle pointing down.
  case triangleDown
  /// A pentagon.
  case pentagon
  /// An upright cross (plus sign); drawn as strokes only.
  case plus
  /// A diagonal cross; drawn as strokes only.
  case cross

  /// The outline of the marker centred at `center`, `size` points across; circles are
  /// approximated by a 24-gon so every backend draws the same path.
  public func outline(center: Point, size: Double) -> [Point] {
    let r = size / 2
    func polygon(_ count: Int, rotation: Double, radius: Double) -> [Point] {
      (0..<count).map { index in
        let angle = rotation + 2 * Double.pi * Double(index) / Double(count)
        return Point(x: center.x + radius * cos(angle), y: center.y - radius * sin(angle))
      }
    }
    switch self {
    case .circle: return polygon(24, rotation: 0, radius: r)
    case .square: return polygon(4, rotation: Double.pi / 4, radius: r * 1.2)
    case .triangleUp: return polygon(3, rotation: Double.pi / 2, radius: r * 1.25)
    case .triangleDown: return polygon(3, rotation: -Double.pi / 2, radius: r * 1.25)
    case .diamond: return polygon(4, rotation: 0, radius: r * 1.3)
    case .pentagon: return polygon(5, rotation: Double.pi / 2, radius: r * 1.15)
    case .plus, .cross: return []
    }
  }

  /// The strokes of the line-only markers (plus and cross), empty for filled shapes.
  public func strokes(center: Point, size: Double) -> [[Point]] {
    let r = size / 2 * 1.15
    switch self {
    case .plus:
      return [
        [Point(x: center.x - r, y: center.y), Point(x: center.x + r, y: center.y)],
        [Point(x: center.x, y: center.y - r), Point(x: center.x, y: center.y + r)],
      ]
    case .cross:
      let d = r * 0.8
      return [
        [Point(x: center.x - d, y: center.y - d), Point(x: center.x + d, y: center.y + d)],
        [Point(x: center.x - d, y: center.y + d), Point(x: center.x + d, y: center.y - d)],
      ]
    default: return []
    }
  }
}
