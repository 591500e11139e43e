/// Builds profiles along the cell's thickness (electrolyte concentration, potentials), one
/// curve per time or case, with the separator shaded and labelled.
public struct ProfileBuilder: Sendable {
  /// The position column.
  public var x = "x"
  /// The profile column.
  public var y = "electrolyte_concentration"

  /// A builder with the defaults.
  public init() {}

  /// The panel; `separator` is the separator's span in the x column's units.
  public func panel(
    _ cases: [LabelledTable], separator: ClosedRange<Double>?, legendTitle: String? = nil
  ) -> Panel {
    var annotations: [Annotation] = []
    if let separator { annotations.append(.xRegion(separator, label: "sep.")) }
    var panel = CaseCurvesBuilder(x: x, y: y).panel(
      cases, annotations: annotations, legendTitle: legendTitle)
    panel.legend = .best
    return panel
  }
}
