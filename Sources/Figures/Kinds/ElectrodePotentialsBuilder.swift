/// Builds the three-electrode view: each electrode's potential against a lithium reference
/// over the capacity, negative below and positive above, with plating shaded below 0 V.
public struct ElectrodePotentialsBuilder: Sendable {
  /// The x column.
  public var x = "capacity"
  /// The negative electrode's potential against Li.
  public var negative = "negative_potential"
  /// The positive electrode's potential against Li.
  public var positive = "positive_potential"

  /// A builder with the defaults.
  public init() {}

  /// Two panels sharing x: the positive electrode (a) above the negative (b).
  public func figure(_ cases: [LabelledTable], width: FigureWidth = .singleColumn) -> Figure {
    var top = CaseCurvesBuilder(x: x, y: positive).panel(cases)
    top.legend = .best
    var bottom = CaseCurvesBuilder(x: x, y: negative).panel(cases)
    bottom.legend = .none
    bottom.annotations = [
      .yRegion(-1...0, label: "Li plating"), .horizontalLine(y: 0, label: nil),
    ]
    let lowest = cases.flatMap { $0.table.values(negative) }.filter(\.isFinite).min() ?? 0
    let highest = cases.flatMap { $0.table.values(negative) }.filter(\.isFinite).max() ?? 1
    let span = max(highest - min(lowest, 0), 0.05)
    bottom.y.limits = (min(lowest, 0) - 0.12 * span)...(highest + 0.05 * span)
    return Figure(
      panels: [top, bottom], columns: 1, width: width, panelAspect: 0.5, sharedX: true)
  }
}
