import Figures
import Foundation

/// The box a text command covers on the page, from measured extents and its rotation.
struct TextBox {
  let text: String
  let rect: Rect

  /// Boxes of every text command of `drawing`.
  static func all(in drawing: Drawing) -> [TextBox] {
    drawing.commands.compactMap { command in
      guard case .text(let string, let at, let size, _, let anchor, let bold, let angle) = command
      else { return nil }
      let extent = Drawing.measure(string, size: size, bold: bold)
      let shift: Double
      switch anchor {
      case .start: shift = 0
      case .middle: shift = extent.width / 2
      case .end: shift = extent.width
      }
      // Corners in text space (x along the baseline, y up), then rotated onto the page.
      let corners = [
        (-shift, extent.ascent), (extent.width - shift, extent.ascent),
        (-shift, -extent.descent), (extent.width - shift, -extent.descent),
      ]
      let radians = angle * Double.pi / 180
      let points = corners.map { along, up in
        Point(
          x: at.x + along * cos(radians) - up * sin(radians),
          y: at.y - along * sin(radians) - up * cos(radians))
      }
      let xs = points.map(\.x)
      let ys = points.map(\.y)
      guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max()
      else { return nil }
      return TextBox(
        text: string,
        rect: Rect(x: left, y: top, width: right - left, height: bottom - top))
    }
  }

  /// Pairs of boxes that overlap by more than `tolerance` points in both directions.
  static func overlaps(_ boxes: [TextBox], tolerance: Double = 0.6) -> [(String, String)] {
    var found: [(String, String)] = []
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let a = boxes[i].rect
        let b = boxes[j].rect
        let overlapX = min(a.maxX, b.maxX) - max(a.x, b.x)
        let overlapY = min(a.maxY, b.maxY) - max(a.y, b.y)
        if overlapX > tolerance && overlapY > tolerance {
          found.append((boxes[i].text, boxes[j].text))
        }
      }
    }
    return found
  }
}
