import Foundation

extension CompiledExpression {
  /// The value and the derivative with respect to `variable` at `values`.
  ///
  /// Forward-mode differentiation of the same program: one pass instead of the several
  /// evaluations a difference quotient takes, and exact up to rounding. The value has the
  /// bits of `evaluate(_:)`.
  public func valueAndDerivative(
    _ values: ExpressionValues, withRespectTo variable: ExpressionVariable
  ) -> (value: Double, derivative: Double) {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * depth) { buffer in
      guard let value = buffer.baseAddress else { return (.nan, .nan) }
      let slope = value + depth
      var top = -1
      for instruction in program {
        switch instruction {
        case .constant(let constant):
          top += 1
          value[top] = constant
          slope[top] = 0
        case .variable(let name):
          top += 1
          value[top] = values[name]
          slope[top] = name == variable ? 1 : 0
        case .negate:
          value[top] = -value[top]
          slope[top] = -slope[top]
        case .exp:
          value[top] = Foundation.exp(value[top])
          slope[top] *= value[top]
        // √ and log divide by the operand: a term that does not move (slope 0) stays at 0
        // even where the rule is singular, as at √c for c = 0 in an x-derivative.
        case .log:
          if slope[top] != 0 { slope[top] /= value[top] }
          value[top] = Foundation.log(value[top])
        case .tanh:
          value[top] = Foundation.tanh(value[top])
          slope[top] *= 1 - value[top] * value[top]
        case .sqrt:
          value[top] = value[top].squareRoot()
          if slope[top] != 0 { slope[top] /= 2 * value[top] }
        case .square:
          slope[top] *= 2 * value[top]
          value[top] *= value[top]
        case .cube:
          slope[top] *= 3 * value[top] * value[top]
          value[top] *= value[top] * value[top]
        case .sqrtTimes:
          let root = value[top].squareRoot()
          slope[top] *= 1.5 * root
          value[top] *= root
        case .add:
          top -= 1
          value[top] += value[top + 1]
          slope[top] += slope[top + 1]
        case .subtract:
          top -= 1
          value[top] -= value[top + 1]
          slope[top] -= slope[top + 1]
        case .multiply:
          top -= 1
          slope[top] = slope[top] * value[top + 1] + value[top] * slope[top + 1]
          value[top] *= value[top + 1]
        case .divide:
          top -= 1
          value[top] /= value[top + 1]
          slope[top] = (slope[top] - value[top] * slope[top + 1]) / value[top + 1]
        case .power:
          top -= 1
          let base = value[top]
          let exponent = value[top + 1]
          let result = Foundation.pow(base, exponent)
          // d(a^b) = b a^(b−1) da + a^b ln(a) db; each term only where its differential is
          // not zero, so that a constant exponent never takes the logarithm of the base.
          var derivative = 0.0
          if slope[top] != 0 {
            derivative += exponent * Foundation.pow(base, exponent - 1) * slope[top]
          }
          if slope[top + 1] != 0 { derivative += result * Foundation.log(base) * slope[top + 1] }
          value[top] = result
          slope[top] = derivative
        }
      }
      return (value[0], slope[0])
    }
  }
}
