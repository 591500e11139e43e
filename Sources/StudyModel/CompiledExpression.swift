import Foundation

/// An expression compiled to a postfix program over a small stack: evaluation does no
/// allocation and no reference counting, so physics kernels can call it in inner loops.
public struct CompiledExpression: Sendable, Equatable {
  /// The expression as parsed.
  public let expression: Expression
  let program: [Instruction]
  let depth: Int

  enum Instruction: Sendable, Equatable {
    case constant(Double)
    case variable(ExpressionVariable)
    case negate, add, subtract, multiply, divide, power, square, cube, sqrtTimes
    case exp, log, tanh, sqrt
  }

  /// Compiles `expression`, folding every sub-expression without variables to a constant.
  public init(_ expression: Expression) {
    self.expression = expression
    var program: [Instruction] = []
    var depth = 0
    var maxDepth = 0
    CompiledExpression.emit(expression, into: &program, depth: &depth, maxDepth: &maxDepth)
    self.program = program
    self.depth = max(maxDepth, 1)
  }

  private static func emit(
    _ expression: Expression, into program: inout [Instruction], depth: inout Int,
    maxDepth: inout Int
  ) {
    if expression.variables.isEmpty {
      program.append(.constant(expression.evaluate(ExpressionValues())))
      depth += 1
      maxDepth = max(maxDepth, depth)
      return
    }
    switch expression {
    case .number(let value):
      program.append(.constant(value))
      depth += 1
    case .variable(let variable):
      program.append(.variable(variable))
      depth += 1
    case .negate(let operand):
      emit(operand, into: &program, depth: &depth, maxDepth: &maxDepth)
      program.append(.negate)
    case .call(let function, let argument):
      emit(argument, into: &program, depth: &depth, maxDepth: &maxDepth)
      switch function {
      case .exp: program.append(.exp)
      case .log: program.append(.log)
      case .tanh: program.append(.tanh)
      case .sqrt: program.append(.sqrt)
      }
    case .binary(let op, let lhs, let rhs):
      emit(lhs, into: &program, depth: &depth, maxDepth: &maxDepth)
      emit(rhs, into: &program, depth: &depth, maxDepth: &maxDepth)
      switch op {
      case .add: program.append(.add)
      case .subtract: program.append(.subtract)
      case .multiply: program.append(.multiply)
      case .divide: program.append(.divide)
      }
      depth -= 1
    case .power(let base, let exponent):
      emit(base, into: &program, depth: &depth, maxDepth: &maxDepth)
      // Common constant exponents avoid pow(), which dominates property evaluation.
      if exponent.variables.isEmpty,
        let special = specialPower(exponent.evaluate(ExpressionValues()))
      {
        program.append(special)
        break
      }
      emit(exponent, into: &program, depth: &depth, maxDepth: &maxDepth)
      program.append(.power)
      depth -= 1
    }
    maxDepth = max(maxDepth, depth)
  }

  private static func specialPower(_ exponent: Double) -> Instruction? {
    switch exponent {
    case 0.5: return .sqrt
    case 1.5: return .sqrtTimes
    case 2: return .square
    case 3: return .cube
    default: return nil
    }
  }

  /// The value at `values`.
  public func evaluate(_ values: ExpressionValues) -> Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: depth) { stack in
      var top = -1
      for instruction in program {
        switch instruction {
        case .constant(let value):
          top += 1
          stack[top] = value
        case .variable(let variable):
          top += 1
          stack[top] = values[variable]
        case .negate: stack[top] = -stack[top]
        case .exp: stack[top] = Foundation.exp(stack[top])
        case .log: stack[top] = Foundation.log(stack[top])
        case .tanh: stack[top] = Foundation.tanh(stack[top])
        case .sqrt: stack[top] = stack[top].squareRoot()
        case .square: stack[top] *= stack[top]
        case .cube: stack[top] *= stack[top] * stack[top]
        case .sqrtTimes: stack[top] *= stack[top].squareRoot()
        case .add:
          top -= 1
          stack[top] += stack[top + 1]
        case .subtract:
          top -= 1
          stack[top] -= stack[top + 1]
        case .multiply:
          top -= 1
          stack[top] *= stack[top + 1]
        case .divide:
          top -= 1
          stack[top] /= stack[top + 1]
        case .power:
          top -= 1
          stack[top] = Foundation.pow(stack[top], stack[top + 1])
        }
      }
      return stack[0]
    }
  }

  /// Equal when the parsed expressions are equal.
  public static func == (lhs: CompiledExpression, rhs: CompiledExpression) -> Bool {
    lhs.expression == rhs.expression
  }
}
