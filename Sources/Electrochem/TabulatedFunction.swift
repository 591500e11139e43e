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

  /// The grid interval holding `point` and the position in it (0…1); nil where the
  /// expression is evaluated directly (outside the grid, or below `directBelow`).
  @inline(__always)
  private func gridPosition(_ point: Double) -> (index: Int, t: Double)? {
    guard point >= lower, point < upper, point >= directBelow else { return nil }
    let position = (point - lower) * inverseStep
    let index = min(Int(position), intervals - 1)
    return (index, position - Double(index))
  }

  /// The value and the derivative at `point`: the interpolant's own slope on the grid, the
  /// table's slope for tables, and a central difference of the expression elsewhere.
  @inline(__always)
  func valueAndSlope(_ point: Double) -> (value: Double, slope: Double) {
    if let constant { return (constant, 0) }
    guard let values, let slopes, let (index, t) = gridPosition(point) else {
      return TabulatedFunction.directWithSlope(function, variable, point, temperature)
    }
    let t2 = t * t
    let t3 = t2 * t
    let value =
      (2 * t3 - 3 * t2 + 1) * values[index] + (t3 - 2 * t2 + t) * step * slopes[index]
      + (-2 * t3 + 3 * t2) * values[index + 1] + (t3 - t2) * step * slopes[index + 1]
    let slope =
      ((6 * t2 - 6 * t) * (values[index] - values[index + 1])) * inverseStep
      + (3 * t2 - 4 * t + 1) * slopes[index] + (3 * t2 - 2 * t) * slopes[index + 1]
    return (value, slope)
  }

  static func directWithSlope(
    _ function: MaterialFunction, _ variable: ExpressionVariable, _ point: Double,
    _ temperature: Double
  ) -> (value: Double, slope: Double) {
    let value = direct(function, variable, point, temperature)
    switch function {
    case .constant: return (value, 0)
    case .table(let table, let tableVariable):
      return (value, tableVariable == variable ? table.slope(at: point) : 0)
    case .expression:
      let h = 1e-6 * max(abs(point), 1e-3)
      let slope =
        (direct(function, variable, point + h, temperature)
          - direct(function, variable, point - h, temperature)) / (2 * h)
      return (value, slope)
    }
  }

  /// The value at `point`.
  @inline(__always)
  func value(_ point: Double) -> Double {
    if let constant { return constant }
    guard let values, let slopes, let (index, t) = gridPosition(point) else {
      return TabulatedFunction.direct(function, variable, point, temperature)
    }
    let t2 = t * t
    let t3 = t2 * t
    return (2 * t3 - 3 * t2 + 1) * values[index] + (t3 - 2 * t2 + t) * step * slopes[index]
      + (-2 * t3 + 3 * t2) * values[index + 1] + (t3 - t2) * step * slopes[index + 1]
  }
}
