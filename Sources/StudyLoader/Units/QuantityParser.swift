import Foundation
import StudyModel

/// Reads a number with its unit, such as `86.7 um` or `2.8 mA/cm2`, into SI.
public enum QuantityParser {
  /// The SI value of `text`, which must have `dimension`; a bare number is accepted only
  /// when the dimension is none.
  public static func parse(_ text: String, dimension: UnitDimension) throws(UnitError) -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let split = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
    guard let number = Double(trimmed[..<split]) else {
      throw UnitError(message: "expected a number and a unit, such as '\(example(dimension))'")
    }
    let unitText = trimmed[split...].trimmingCharacters(in: .whitespaces)
    if unitText.isEmpty {
      guard dimension == .none else {
        throw UnitError(message: "a unit is missing: write it as '\(example(dimension))'")
      }
      return number
    }
    let unit = try UnitParser.parse(unitText)
    guard unit.dimension == dimension else {
      throw UnitError(
        message:
          "'\(unitText)' is \(unit.dimension), but this field needs \(dimension), such as '\(example(dimension))'"
      )
    }
    return number * unit.factor + unit.offset
  }

  /// An example value of each dimension, for messages.
  static func example(_ dimension: UnitDimension) -> String {
    switch dimension {
    case .length: return "86.7 um"
    case .concentration: return "1000 mol/m3"
    case .numberDensity: return "2.09e28 1/m3"
    case .diffusivity: return "5e-14 m2/s"
    case .conductivity: return "100 S/m"
    case .areaResistance: return "0.0035 ohm m2"
    case .temperature: return "25 degC"
    case .density: return "2.24 g/cm3"
    case .currentDensity: return "2.8 mA/cm2"
    case .area: return "1 cm2"
    case .specificCharge: return "415 mAh/g"
    case .rateConstant: return "6.48e-7 A/m2 (m3/mol)^1.5"
    case .voltage: return "4.2 V"
    case .time: return "2 h"
    case .none: return "0.5"
    default: return "1 \(dimension)"
    }
  }
}
