import StudyModel

/// A material function of one variable, pre-tabulated for the residual's inner loop.
///
/// Expressions are sampled on a uniform grid with their slopes and evaluated by cubic Hermite
/// interpolation: with 4096 intervals the interpolation error of the library's OCP fits is
/// below 1e-10 V, and a lookup costs a few multiplications instead of several exp and tanh
/// calls. Outside the grid, and below `directBelow`, the expression itself is evaluated.
/// Constants and tables are passed through unchanged.
final class TabulatedFunction: @unchecked Sendable {
  private let function: MaterialFunction
  private let variable: ExpressionVariable
  private let temperature: Double
  private let lower: Double
  private let upper: Double
  private let directBelow: Double
  private let inverseStep: Double
  private let step: Double
  private let intervals: Int
  private let values: UnsafeMutablePointer<Double>?
  private let slopes: UnsafeMutablePointer<Double>?
  private let constant: Double?

  /// Tabulates `function` of `variable` over `domain` at `temperature`.
  init(
    _ function: MaterialFunction, variable: ExpressionVariable, domain: ClosedRange<Double>,
    directBelow: Double = -.infinity, temperature: Double, intervals: Int = 4096
  ) {
    self.function = function
    self.variable = variable
    self.temperature = temperature
    self.lower = domain.lowerBound
    self.upper = domain.upperBound
    self.directBelow = directBelow
    self.intervals = intervals
    step = (domain.upperBound - domain.lowerBound) / Double(intervals)
    inverseStep = 1 / step
    if case .constant(let value) = function {
      constant = value
      values = nil
      slopes = nil
      return
    }
    constant = nil
    guard case .expression = function else {
      values = nil
      slopes = nil
      return
    }
    let values = UnsafeMutablePointer<Double>.allocate(capacity: intervals + 1)
    let slopes = UnsafeMutablePointer<Double>.allocate(capacity: intervals + 1)
    // Slopes by a fourth-order central difference on a step far below the grid spacing.
    let h = step * 1e-2
    for index in 0...intervals {
      let x = domain.lowerBound + Double(index) * step
      let at = { (point: Double) in TabulatedFunction.direct(function, variable, point, temperature)
      }
      (values + index).initialize(to: at(x))
      let slope = (-at(x + 2 * h) + 8 * at(x + h) - 8 * at(x - h) + at(x - 2 * h)) / (12 * h)
      (slopes + index).initialize(to: slope)
    }
    self.values = values
    self.slopes = slopes
  }

  deinit {
    values?.deallocate()
    slopes?.deallocate()
  }

  private static func direct(
    _ function: MaterialFunction, _ variable: ExpressionVariable, _ point: Double,
    _ temperature: Double
  ) -> Double {
    var values = ExpressionValues(x: 0, c: 0, temperature: temperature)
    switch variable {
    case .x: values.x = point
    case .c: values.c = point
    case .temperature: values.temperature = point
    }
    return function.value(values)
  }

  /// The value at `point`.
  @inline(__always)
  func value(_ point: Double) -> Double {
    if let constant { return constant }
    guard let values, let slopes, point >= lower, point < upper, point >= directBelow else {
      return TabulatedFunction.direct(function, variable, point, temperature)
    }
    let position = (point - lower) * inverseStep
    let index = min(Int(position), intervals - 1)
    let t = position - Double(index)
    let t2 = t * t
    let t3 = t2 * t
    return (2 * t3 - 3 * t2 + 1) * values[index] + (t3 - 2 * t2 + t) * step * slopes[index]
      + (-2 * t3 + 3 * t2) * values[index + 1] + (t3 - t2) * step * slopes[index + 1]
  }
}
