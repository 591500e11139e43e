/// One axis of a panel: what it measures, its scale and its range.
public struct Axis: Sendable, Equatable {
  /// Linear or logarithmic.
  public enum Scale: String, Sendable, Equatable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; the data must be positive.
    case logarithmic
  }

  /// The quantity's name, as markup ("Capacity", "\eta_{ohm}").
  public var quantity: String
  /// The unit as written in study files ("mAh/cm2"); typeset when drawn.
  public var unit: String
  /// The scale.
  public var scale: Scale
  /// Fixed limits, or nil to fit the data with a small margin.
  public var limits: ClosedRange<Double>?
  /// Whether the automatic range reaches zero (capacities, utilizations).
  public var includesZero: Bool
  /// Whether the automatic range starts exactly at the data (a capacity axis from 0).
  public var tight: Bool

  /// An axis.
  public init(
    _ quantity: String, unit: String = "", scale: Scale = .linear,
    limits: ClosedRange<Double>? = nil, includesZero: Bool = false, tight: Bool = false
  ) {
    self.quantity = quantity
    self.unit = unit
    self.scale = scale
    self.limits = limits
    self.includesZero = includesZero
    self.tight = tight
  }

  /// The typeset label: quantity and unit in parentheses.
  public var label: RichText { UnitText.axisLabel(quantity, unit: unit) }

  /// The label of a CSV column: plain quantity and the unit as written, in brackets.
  public var csvHeader: String {
    let name = RichText(quantity).plain
    return unit.isEmpty ? name : "\(name) [\(unit)]"
  }
}
