import Foundation
import StudyModel

/// How the prose, the comparison table and the manifest write result values: three
/// significant digits and the metric's display unit (`Metric.display`).
public enum QuantityText {
  /// `value` (SI) of `quantity`, for example "3.82 mAh/cm²".
  public static func display(_ value: Double, quantity: ResultQuantity) -> String {
    let unit = quantity.display
    let number = ParameterSection.number(
      Double(String(format: "%.3g", value * unit.perSI)) ?? value)
    guard !unit.text.isEmpty else { return number }
    return "\(number) \(unit.text.replacingOccurrences(of: "cm2", with: "cm²"))"
  }
}
