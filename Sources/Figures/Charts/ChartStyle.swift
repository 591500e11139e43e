/// Sizes of text, lines and ticks, in points, tuned for print at 3.5 and 7 in.
public struct ChartStyle: Sendable, Equatable {
  /// Tick labels.
  public var tickLabelSize = 7.0
  /// Axis labels.
  public var axisLabelSize = 8.0
  /// Legend entries and annotations.
  public var legendSize = 7.0
  /// The bold (a), (b), … panel labels.
  public var panelLabelSize = 9.0
  /// Data lines.
  public var lineWidth = 1.2
  /// The frame and ticks.
  public var frameWidth = 0.6
  /// Major tick length, drawn inwards.
  public var majorTickLength = 3.5
  /// Minor tick length.
  public var minorTickLength = 2.0
  /// Marker size across.
  public var markerSize = 4.2
  /// Gap between ticks and their labels, and between labels and axis titles.
  public var gap = 3.0

  /// The default style.
  public init() {}
}
