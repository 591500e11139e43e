/// The printed width of a figure.
public enum FigureWidth: String, Sendable, Equatable, CaseIterable {
  /// One journal column, 3.5 in.
  case singleColumn = "single"
  /// The full page width, 7 in.
  case doubleColumn = "double"

  /// The width in points.
  public var points: Double {
    switch self {
    case .singleColumn: return 252
    case .doubleColumn: return 504
    }
  }
}

/// A figure: panels on a grid, labelled (a), (b), … when there are several.
public struct Figure: Sendable, Equatable {
  /// The panels in reading order (left to right, then down).
  public var panels: [Panel]
  /// Panels per row.
  public var columns: Int
  /// The printed width.
  public var width: FigureWidth
  /// Height over width of one panel cell.
  public var panelAspect: Double
  /// Whether panels in a column share the x range (tick labels only on the bottom row).
  public var sharedX: Bool
  /// Whether panels in a row share the y range (tick labels only on the left column).
  public var sharedY: Bool

  /// A figure.
  public init(
    panels: [Panel], columns: Int? = nil, width: FigureWidth = .doubleColumn,
    panelAspect: Double = 0.75, sharedX: Bool = false, sharedY: Bool = false
  ) {
    self.panels = panels
    self.columns = max(1, min(columns ?? min(panels.count, 3), max(panels.count, 1)))
    self.width = width
    self.panelAspect = panelAspect
    self.sharedX = sharedX
    self.sharedY = sharedY
  }

  /// Rows of panels.
  public var rows: Int { (panels.count + columns - 1) / columns }

  /// The same figure at another width; at one column, panels stack (2 × 2 for four).
  public func at(_ width: FigureWidth) -> Figure {
    var copy = self
    copy.width = width
    if width == .singleColumn && columns > 1 {
      copy.columns = panels.count == 4 ? 2 : 1
      if copy.columns == 1 { copy.panelAspect = min(panelAspect, 0.62) }
    }
    if width == .doubleColumn && columns == 1 && panels.count == 1 {
      // A lone panel across the page would be as tall as it is wide: keep it short.
      copy.panelAspect = min(panelAspect, 0.45)
    }
    return copy
  }
}
