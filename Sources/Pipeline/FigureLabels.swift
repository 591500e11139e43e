import Figures
import StudyModel

/// How figures and tables label sweep axes, result quantities and time-series columns, from
/// the catalogues (`Metric`, `CurveColumn`, `ProfileColumn`, `SweepAxis.presentation`).
enum FigureLabels {
  /// An axis label, its unit (study-file notation) and the factor from stored to displayed.
  struct Label {
    let text: String
    let unit: String
    let scale: Double

    /// "Label (unit)", or the label alone for a plain number.
    var header: String { unit.isEmpty ? text : "\(text) (\(unit))" }
  }

  /// A sweep axis (values in SI).
  static func axis(_ name: String) -> Label {
    let (label, unit) = SweepAxis.presentation(ofAxisNamed: name)
    return Label(text: label, unit: unit.text, scale: unit.perSI)
  }

  /// A result quantity (stored in SI).
  static func quantity(_ quantity: ResultQuantity) -> Label {
    Label(text: quantity.label, unit: quantity.display.text, scale: quantity.display.perSI)
  }

  /// A curve column (kept in its display unit).
  static func column(_ column: CurveColumn) -> Label {
    Label(text: column.label.text, unit: column.label.unit, scale: 1)
  }

  /// A profile column (kept in its display unit).
  static func column(_ column: ProfileColumn) -> Label {
    Label(text: column.label.text, unit: column.label.unit, scale: 1)
  }

  /// The legend text of a series value on `axis` ("N/P 0.8", "0.75").
  static func seriesEntry(_ axis: String, value: Double) -> String {
    let label = self.axis(axis)
    let shown = Ticks.shortest((value * label.scale * 1e9).rounded() / 1e9)
    return axis == SweepAxis.npRatioName ? "N/P \(shown)" : shown
  }

  /// The legend title of a series axis ("Current density (mA cm^{-2})"), nil for N/P.
  static func seriesTitle(_ axis: String) -> String? {
    guard axis != SweepAxis.npRatioName else { return nil }
    let label = self.axis(axis)
    let unit = UnitText.markup(label.unit)
    return unit.isEmpty ? label.text : "\(label.text) (\(unit))"
  }
}
