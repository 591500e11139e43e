import StudyModel

/// A material function of one variable, pre-tabulated for the residual's inner loop.
///
/// Expressions are sampled on a uniform grid with their slopes and evaluated by cubic Hermite
/// interpolation: with 4096 intervals the interpolation error of the library's OCP fits is
/// below 1e-10 V, and a lookup costs a few multiplications instead of several exp and tanh
/// calls. Each interval keeps its cubic's four coefficients in the position t ∈ [0, 1], so a
/// lookup is three steps of Horner's rule. Outside the grid, below `directBelow`, and in end
/// intervals whose outer node has no finite value or slope (√x at 0), the expression itself is
/// evaluated; an expression with such a node inside the grid is not tabulated at all.
/// Constants and tables are passed through unchanged.
final class TabulatedFunction: @unchecked Sendable {
  private let function: MaterialFunction
  private let variable: ExpressionVariable
  private let temperature: Double
  /// The first node; interval positions count from it.
  private let lower: Double
  /// Where lookups use the cubics: from `tableStart` (inclusive) to `tableEnd` (exclusive).
  private let tableStart: Double
  private let tableEnd: Double
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
    self.intervals = intervals
    let step = (domain.upperBound - domain.lowerBound) / Double(intervals)
    inverseStep = 1 / step
    if case .constant(let value) = function { constant = value } else { constant = nil }
    guard case .expression = function,
      let cubics = TabulatedFunction.cubics(function, variable, domain, intervals, temperature)
    else {
      coefficients = nil
      tableStart = .infinity
      tableEnd = -.infinity
      return
    }
    coefficients = cubics.coefficients
    tableStart = max(domain.lowerBound + Double(cubics.regular.lowerBound) * step, directBelow)
    tableEnd =
      cubics.regular.upperBound == intervals
      ? domain.upperBound : domain.lowerBound + Double(cubics.regular.upperBound) * step
  }

  /// Where lookups use the cubics; nil when every lookup evaluates the function itself.
  var tabulatedRange: Range<Double>? {
    coefficients == nil ? nil : tableStart..<tableEnd
  }

  /// The Hermite cubics of `function` on `intervals` intervals of `domain`, and the intervals
  /// they serve; nil when a node inside the grid has no finite value or slope.
  private static func cubics(
    _ function: MaterialFunction, _ variable: ExpressionVariable, _ domain: ClosedRange<Double>,
    _ intervals: Int, _ temperature: Double
  ) -> (coefficients: UnsafeMutablePointer<Double>, regular: Range<Int>)? {
    let step = (domain.upperBound - domain.lowerBound) / Double(intervals)
    // Values and exact slopes at the nodes (forward-mode differentiation of the expression).
    var values: [Double] = []
    var slopes: [Double] = []
    for index in 0...intervals {
      let node = directWithSlope(
        function, variable, domain.lowerBound + Double(index) * step, temperature)
      values.append(node.value)
      slopes.append(node.slope * step)
    }
    let finite = (0...intervals).map { values[$0].isFinite && slopes[$0].isFinite }
    let first = finite[0] ? 0 : 1
    let last = finite[intervals] ? intervals : intervals - 1
    guard first < last, finite[first...last].allSatisfy({ $0 }) else { return nil }
    // The cubic through (v₀, s₀) and (v₁, s₁), slopes per unit t:
    // v₀ + s₀t + (3Δ − 2s₀ − s₁)t² + (s₀ + s₁ − 2Δ)t³, Δ = v₁ − v₀.
    let coefficients = UnsafeMutablePointer<Double>.allocate(capacity: 4 * intervals)
    coefficients.initialize(repeating: .nan, count: 4 * intervals)
    for index in first..<last {
      let (v0, v1, s0, s1) = (values[index], values[index + 1], slopes[index], slopes[index + 1])
      let rise = v1 - v0
      coefficients[4 * index] = v0
      coefficients[4 * index + 1] = s0
      coefficients[4 * index + 2] = 3 * rise - 2 * s0 - s1
      coefficients[4 * index + 3] = s0 + s1 - 2 * rise
    }
    return (coefficients, first..<last)
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

  /// The cubic of the grid interval holding `point` and the position in it (0…1); nil where
  /// the expression is evaluated directly.
  @inline(__always)
  private func gridPosition(_ point: Double) -> (cubic: UnsafePointer<Double>, t: Double)? {
    guard let coefficients, point >= tableStart, point < tableEnd else { return nil }
    let position = (point - lower) * inverseStep
    let index = min(Int(position), intervals - 1)
    return (UnsafePointer(coefficients + 4 * index), position - Double(index))
  }

  /// The value and the derivative at `point`: the interpolant's own slope on the grid, the
  /// table's slope for tables, and the expression's exact derivative elsewhere.
  @inline(__always)
  func valueAndSlope(_ point: Double) -> (value: Double, slope: Double) {
    if let constant { return (constant, 0) }
    guard let (a, t) = gridPosition(point) else {
      return TabulatedFunction.directWithSlope(function, variable, point, temperature)
    }
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

  /// The values at four points, as `value` gives each.
  ///
  /// When all four lie on the grid, the four cubics run side by side: one chain of Horner's
  /// rule instead of four waiting on one another.
  @inline(__always)
  func values(_ points: Lanes) -> Lanes {
    if let constant { return Lanes(repeating: constant) }
    guard let coefficients,
      all((points .>= Lanes(repeating: tableStart)) .& (points .< Lanes(repeating: tableEnd)))
    else {
      return Lanes(value(points[0]), value(points[1]), value(points[2]), value(points[3]))
    }
    let position = (points - Lanes(repeating: lower)) * inverseStep
    let last = intervals - 1
    let i0 = min(Int(position[0]), last)
    let i1 = min(Int(position[1]), last)
    let i2 = min(Int(position[2]), last)
    let i3 = min(Int(position[3]), last)
    let t = position - Lanes(Double(i0), Double(i1), Double(i2), Double(i3))
    let c0 = coefficients + 4 &* i0
    let c1 = coefficients + 4 &* i1
    let c2 = coefficients + 4 &* i2
    let c3 = coefficients + 4 &* i3
    let a0 = Lanes(c0[0], c1[0], c2[0], c3[0])
    let a1 = Lanes(c0[1], c1[1], c2[1], c3[1])
    let a2 = Lanes(c0[2], c1[2], c2[2], c3[2])
    let a3 = Lanes(c0[3], c1[3], c2[3], c3[3])
    return a0 + t * (a1 + t * (a2 + t * a3))
  }

  /// The value at `point`.
  @inline(__always)
  func value(_ point: Double) -> Double {
    if let constant { return constant }
    guard let (a, t) = gridPosition(point) else {
      return TabulatedFunction.direct(function, variable, point, temperature)
    }
    return a[0] + t * (a[1] + t * (a[2] + t * a[3]))
  }
}
