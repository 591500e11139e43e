import Foundation

/// Which major tick labels an axis shows, and whether they are rotated, so that no two
/// labels overlap: every label if they fit, else every second, third …, else rotated 45°.
struct TickLabelLayout: Equatable {
  /// The label of each major tick, "" where thinned out.
  let labels: [String]
  /// Whether x labels are rotated 45°.
  let rotated: Bool

  /// The layout of horizontal axis labels centred at `positions` (points along the axis).
  static func horizontal(
    _ ticks: TickSet, positions: [Double], measure: (String) -> Double, minimumGap: Double
  ) -> TickLabelLayout {
    let widths = ticks.labels.map(measure)
    for stride in 1...3 {
      let kept = thinned(ticks, stride: stride)
      if fits(kept, positions: positions, sizes: widths, gap: minimumGap) {
        return TickLabelLayout(labels: kept, rotated: false)
      }
    }
    return TickLabelLayout(labels: ticks.labels, rotated: true)
  }

  /// The layout of vertical axis labels of height `height` at `positions`.
  static func vertical(_ ticks: TickSet, positions: [Double], height: Double) -> TickLabelLayout {
    let heights = Array(repeating: height, count: ticks.labels.count)
    for stride in 1...6 {
      let kept = thinned(ticks, stride: stride)
      if fits(kept, positions: positions, sizes: heights, gap: 1.5) {
        return TickLabelLayout(labels: kept, rotated: false)
      }
    }
    return TickLabelLayout(labels: thinned(ticks, stride: 6), rotated: false)
  }

  /// Every `stride`-th label, keeping the one at zero when there is one.
  private static func thinned(_ ticks: TickSet, stride: Int) -> [String] {
    guard stride > 1 else { return ticks.labels }
    let anchor = ticks.major.firstIndex(where: { abs($0) < 1e-12 }) ?? 0
    return ticks.labels.enumerated().map { index, label in
      (index - anchor) % stride == 0 ? label : ""
    }
  }

  private static func fits(
    _ labels: [String], positions: [Double], sizes: [Double], gap: Double
  ) -> Bool {
    var previousEnd = -Double.infinity
    let order = positions.indices.sorted { positions[$0] < positions[$1] }
    for index in order where !labels[index].isEmpty {
      let start = positions[index] - sizes[index] / 2
      if start < previousEnd + gap { return false }
      previousEnd = positions[index] + sizes[index] / 2
    }
    return true
  }
}
