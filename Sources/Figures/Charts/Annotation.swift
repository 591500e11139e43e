/// Something drawn over the data to guide the reader.
public enum Annotation: Sendable, Equatable {
  /// Text at a data position.
  case text(String, x: Double, y: Double, anchor: TextAnchor)
  /// An arrow from one data position to another, with text at its tail.
  case arrow(String, fromX: Double, fromY: Double, toX: Double, toY: Double)
  /// A dashed vertical reference line (N/P = 1), labelled at the top.
  case verticalLine(x: Double, label: String?)
  /// A dashed horizontal reference line (0 V against Li), labelled at the right.
  case horizontalLine(y: Double, label: String?)
  /// A shaded band across all y between two x values, labelled inside at the top.
  case xRegion(ClosedRange<Double>, label: String?)
  /// A shaded band across all x between two y values ("plating" below 0 V).
  case yRegion(ClosedRange<Double>, label: String?)
}

/// Where a panel's legend goes.
public enum LegendPlacement: String, Sendable, Equatable {
  /// Inside, where it covers the least data, or outside on the right when every inside
  /// position would cover some.
  case best
  /// Inside, top right.
  case upperRight
  /// Inside, top left.
  case upperLeft
  /// Inside, bottom left.
  case lowerLeft
  /// Inside, bottom right.
  case lowerRight
  /// Outside, right of the plot.
  case outside
  /// No legend.
  case none
}
