/// How a series is drawn.
public enum SeriesStyle: String, Sendable, Equatable {
  /// A line through the points.
  case line
  /// Markers only.
  case scatter
  /// A line with a marker at every point.
  case lineMarkers
  /// A staircase: horizontal to each new x, then vertical.
  case step
}

/// Which y axis a series is drawn against.
public enum AxisSide: String, Sendable, Equatable {
  /// The left axis.
  case primary
  /// The right axis.
  case secondary
}

/// One set of points with its name and look.
public struct Series: Sendable, Equatable {
  /// The legend entry, as markup; nil leaves it out of the legend.
  public var name: String?
  /// x values in the panel's x units.
  public var x: [Double]
  /// y values; NaN breaks a line.
  public var y: [Double]
  /// How it is drawn.
  public var style: SeriesStyle
  /// Symmetric vertical error bars, one per point, if any.
  public var yErrors: [Double]?
  /// A shaded band from `lower` to `upper` at each x, if any.
  public var band: (lower: [Double], upper: [Double])?
  /// The y axis it belongs to.
  public var axis: AxisSide
  /// Its index in the palette (colour, marker, dash); nil takes the next free one.
  public var paletteIndex: Int?
  /// Overrides the palette's dash (solid when empty).
  public var dash: [Double]?
  /// Overrides the palette's marker.
  public var marker: MarkerShape?
  /// Whether markers are hollow (measured data over simulated lines are filled).
  public var hollowMarkers: Bool

  /// A series.
  public init(
    _ name: String?, x: [Double], y: [Double], style: SeriesStyle = .line,
    yErrors: [Double]? = nil, band: (lower: [Double], upper: [Double])? = nil,
    axis: AxisSide = .primary, paletteIndex: Int? = nil, dash: [Double]? = nil,
    marker: MarkerShape? = nil, hollowMarkers: Bool = false
  ) {
    self.name = name
    self.x = x
    self.y = y
    self.style = style
    self.yErrors = yErrors
    self.band = band
    self.axis = axis
    self.paletteIndex = paletteIndex
    self.dash = dash
    self.marker = marker
    self.hollowMarkers = hollowMarkers
  }

  /// Whether markers are drawn.
  public var hasMarkers: Bool { style == .scatter || style == .lineMarkers }
  /// Whether a line is drawn.
  public var hasLine: Bool { style != .scatter }

  /// Whether two series have the same data and look.
  public static func == (lhs: Series, rhs: Series) -> Bool {
    lhs.name == rhs.name && lhs.x == rhs.x && lhs.y == rhs.y && lhs.style == rhs.style
      && lhs.yErrors == rhs.yErrors && lhs.band?.lower == rhs.band?.lower
      && lhs.band?.upper == rhs.band?.upper && lhs.axis == rhs.axis
      && lhs.paletteIndex == rhs.paletteIndex && lhs.dash == rhs.dash
      && lhs.marker == rhs.marker && lhs.hollowMarkers == rhs.hollowMarkers
  }
}
