import Foundation

extension Drawing {
  /// A line of text per command, coordinates to 0.1 pt: what snapshot tests compare.
  ///
  /// Long polylines are summarised by their count, ends and bounding box.
  public var log: String {
    var lines = ["drawing \(DrawingLog.number(width))x\(DrawingLog.number(height))"]
    lines += commands.map(DrawingLog.line)
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Formatting of `Drawing.log`.
enum DrawingLog {
  static func line(_ command: DrawCommand) -> String {
    switch command {
    case .polyline(let points, let color, let width, let dash):
      let dashText = dash.isEmpty ? "" : " dash[\(dash.map(number).joined(separator: ","))]"
      return "line \(path(points)) \(hex(color)) w\(number(width))\(dashText)"
    case .polygon(let points, let color):
      return "fill \(path(points)) \(hex(color))"
    case .rectangle(let origin, let width, let height, let color):
      return "rect \(point(origin)) \(number(width))x\(number(height)) \(hex(color))"
    case .text(let string, let at, let size, let color, let anchor, let bold, let angle):
      let style = (bold ? " bold" : "") + (angle == 0 ? "" : " rot\(number(angle))")
      return
        "text \"\(string)\" \(point(at)) \(number(size))pt \(anchor.rawValue)\(style) \(hex(color))"
    case .marker(let shape, let at, let size, let stroke, let fill, _):
      let fillText = fill.map { " fill \(hex($0))" } ?? ""
      return "marker \(shape.rawValue) \(point(at)) \(number(size)) \(hex(stroke))\(fillText)"
    case .clip(let origin, let width, let height):
      return "clip \(point(origin)) \(number(width))x\(number(height))"
    case .resetClip:
      return "unclip"
    }
  }

  static func path(_ points: [Point]) -> String {
    if points.count <= 6 { return points.map(point).joined(separator: " ") }
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let low = Point(x: xs.min() ?? 0, y: ys.min() ?? 0)
    let high = Point(x: xs.max() ?? 0, y: ys.max() ?? 0)
    let box = "[\(number(low.x))…\(number(high.x)), \(number(low.y))…\(number(high.y))]"
    return "\(points.count)pts \(point(points[0]))…\(point(points[points.count - 1])) box\(box)"
  }

  static func point(_ point: Point) -> String {
    "(\(number(point.x)),\(number(point.y)))"
  }

  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let text = String(format: "%.1f", rounded == 0 ? 0 : rounded)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  static func hex(_ color: Color) -> String {
    func byte(_ channel: Double) -> String {
      String(format: "%02X", Int((channel * 255).rounded()))
    }
    let alpha = color.alpha < 1 ? String(format: "/%.2f", color.alpha) : ""
    return "#" + byte(color.red) + byte(color.green) + byte(color.blue) + alpha
  }
}
