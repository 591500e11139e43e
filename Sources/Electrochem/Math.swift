import Foundation
import StudyModel

/// Elementary functions in one place, so the physics code reads the same everywhere.
enum Math {
  static func exp(_ value: Double) -> Double { Foundation.exp(value) }
  static func log(_ value: Double) -> Double { Foundation.log(value) }
  static func tanh(_ value: Double) -> Double { Foundation.tanh(value) }
  static func sinh(_ value: Double) -> Double { Foundation.sinh(value) }
  static func cosh(_ value: Double) -> Double { Foundation.cosh(value) }
  static func pow(_ base: Double, _ exponent: Double) -> Double { Foundation.pow(base, exponent) }
}
