/// One chart: axes, series, annotations and a legend.
public struct Panel: Sendable, Equatable {
  /// The x axis.
  public var x: Axis
  /// The left y axis.
  public var y: Axis
  /// The right y axis, if any series uses it.
  public var secondaryY: Axis?
  /// The series, drawn in order.
  public var series: [Series]
  /// Annotations drawn over the data.
  public var annotations: [Annotation]
  /// Where the legend goes.
  public var legend: LegendPlacement
  /// A title for the legend ("N/P"), as markup.
  public var legendTitle: String?

  /// A panel.
  public init(
    x: Axis, y: Axis, secondaryY: Axis? = nil, series: [Series] = [],
    annotations: [Annotation] = [], legend: LegendPlacement = .best, legendTitle: String? = nil
  ) {
    self.x = x
    self.y = y
    self.secondaryY = secondaryY
    self.series = series
    self.annotations = annotations
    self.legend = legend
    self.legendTitle = legendTitle
  }
}
