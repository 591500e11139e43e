import StudyModel

/// A material function of one variable, pre-tabulated for the residual's inner loop.
///
/// Expressions are sampled on a uniform grid with their slopes and evaluated by cubic Hermite
/// interpolation: with 4096 intervals the interpolation error of the library's OCP fits is
/// below 1e-10 V, and a lookup costs a few multiplications instead of several exp and tanh
/// calls. Each interval keeps its cubic's four coefficients in the position t ∈ [0, 1], so a
/// lookup is three steps of Horner's rule. Outside the grid, and below `directBelow`, the
/// expression itself is evaluated. Constants and tables are passed through unchanged.
final class TabulatedFunction: @unchecked Sendable {
  private let function: MaterialFunction
  private let variable: ExpressionVariable
  private let temperature: Double
  private let lower: Double
  private let upper: Double
  private let directBelow: Double
  private let inverseStep: Double
  private let intervals: Int
  /// Per interval i, the coefficients a₀…a₃ of p(t) = a₀ + a₁t + a₂t² + a₃t³ at 4i…4i+3.
  private let coefficients: UnsafeMutablePointer<Double>?
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
    let step = (domain.upperBound - domain.lowerBound) / Double(intervals)
    inverseStep = 1 / step
    if case .constant(let value) = function {
      constant = value
      coefficients = nil
      return
    }
    constant = nil
    guard case .expression = function else {
      coefficients = nil
      return
    }
    // Values and exact slopes at the nodes (forward-mode differentiation of the expression).
    var values: [Double] = []
    var slopes: [Double] = []
    for index in 0...intervals {
      let node = TabulatedFunction.directWithSlope(
        function, variable, domain.lowerBound + Double(index) * step, temperature)
      values.append(node.value)
      slopes.append(node.slope)
    }
    // The Hermite cubic through (v₀, s₀) and (v₁, s₁), with slopes per unit t (s times the
    // step): v₀ + s₀t + (3Δ − 2s₀ − s₁)t² + (s₀ + s₁ − 2Δ)t³, Δ = v₁ − v₀.
    let coefficients = UnsafeMutablePointer<Double>.allocate(capacity: 4 * intervals)
    for index in 0..<intervals {
      let v0 = values[index]
      let v1 = values[index + 1]
      let s0 = slopes[index] * step
      let s1 = slopes[index + 1] * step
      let rise = v1 - v0
      (coefficients + 4 * index).initialize(to: v0)
      (coefficients + 4 * index + 1).initialize(to: s0)
      (coefficients + 4 * index + 2).initialize(to: 3 * rise - 2 * s0 - s1)
      (coefficients + 4 * index + 3).initialize(to: s0 + s1 - 2 * rise)
    }
    self.coefficients = coefficients
  }

  deinit {
    coefficients?.deallocate()
  }

  /// The state with `variable` at `point` and the others at zero (temperature at its value).
  private static func state(
    _ variable: ExpressionVariable, _ point: Double, _ temperature: Double
  ) -> ExpressionValues {
    var values = ExpressionValues(x: 0, c: 0, temperature: temperature)
    switch variable {
    case .x: values.x = point
    case .c: values.c = point
    case .temperature: values.temperature = point
    }
    return values
  }

  private static func direct(
    _ function: MaterialFunction, _ variable: ExpressionVariable, _ point: Double,
    _ temperature: Double
  ) -> Double {
    function.value(state(variable, point, temperature))
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
  /// table's slope for tables, and the expression's exact derivative elsewhere.
  @inline(__always)
  func valueAndSlope(_ point: Double) -> (value: Double, slope: Double) {
    if let constant { return (constant, 0) }
    guard let coefficients, let (index, t) = gridPosition(point) else {
      return TabulatedFunction.directWithSlope(function, variable, point, temperature)
    }
    let a = coefficients + 4 * index
    let value = a[0] + t * (a[1] + t * (a[2] + t * a[3]))
    let slope = (a[1] + t * (2 * a[2] + t * 3 * a[3])) * inverseStep
    return (value, slope)
  }

  static func directWithSlope(
    _ function: MaterialFunction, _ variable: ExpressionVariable, _ point: Double,
    _ temperature: Double
  ) -> (value: Double, slope: Double) {
    let pair = function.valueAndDerivative(
      state(variable, point, temperature), withRespectTo: variable)
    return (pair.value, pair.derivative)
  }

  /// The value at `point`.
  @inline(__always)
  func value(_ point: Double) -> Double {
    if let constant { return constant }
    guard let coefficients, let (index, t) = gridPosition(point) else {
      return TabulatedFunction.direct(function, variable, point, temperature)
    }
    let a = coefficients + 4 * index
    return a[0] + t * (a[1] + t * (a[2] + t * a[3]))
  }
}
