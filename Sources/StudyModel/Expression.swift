import Foundation

/// A parsed arithmetic expression over named variables (`x`, `c`, `T`), evaluated without
/// ever running user text as code.
public indirect enum Expression: Sendable, Equatable {
  /// A literal number.
  case number(Double)
  /// A variable, by its index in the evaluation environment.
  case variable(ExpressionVariable)
  /// Negation.
  case negate(Expression)
  /// A binary operation.
  case binary(BinaryOperator, Expression, Expression)
  /// A function of one argument.
  case call(UnaryFunction, Expression)
  /// `pow(a, b)`.
  case power(Expression, Expression)

  /// Evaluates with the given variable values.
  public func evaluate(_ values: ExpressionValues) -> Double {
    switch self {
    case .number(let value): return value
    case .variable(let variable): return values[variable]
    case .negate(let operand): return -operand.evaluate(values)
    case .binary(let op, let lhs, let rhs):
      return op.apply(lhs.evaluate(values), rhs.evaluate(values))
    case .call(let function, let argument): return function.apply(argument.evaluate(values))
    case .power(let base, let exponent):
      return Foundation.pow(base.evaluate(values), exponent.evaluate(values))
    }
  }

  /// The variables the expression uses.
  public var variables: Set<ExpressionVariable> {
    switch self {
    case .number: return []
    case .variable(let variable): return [variable]
    case .negate(let operand), .call(_, let operand): return operand.variables
    case .binary(_, let lhs, let rhs), .power(let lhs, let rhs):
      return lhs.variables.union(rhs.variables)
    }
  }
}

/// The variables an expression may use.
public enum ExpressionVariable: String, Sendable, CaseIterable {
  /// Stoichiometry (dimensionless), for OCPs and solid diffusivities.
  case x
  /// Electrolyte concentration in mol/m³.
  case c
  /// Temperature in K.
  case temperature = "T"
}

/// Values of the expression variables.
public struct ExpressionValues: Sendable {
  /// Stoichiometry.
  public var x: Double
  /// Electrolyte concentration in mol/m³.
  public var c: Double
  /// Temperature in K.
  public var temperature: Double

  /// Values for one evaluation.
  public init(x: Double = 0, c: Double = 0, temperature: Double = 298.15) {
    self.x = x
    self.c = c
    self.temperature = temperature
  }

  subscript(variable: ExpressionVariable) -> Double {
    switch variable {
    case .x: return x
    case .c: return c
    case .temperature: return temperature
    }
  }
}

/// The binary operators of the expression language.
public enum BinaryOperator: Character, Sendable {
  /// Addition.
  case add = "+"
  /// Subtraction.
  case subtract = "-"
  /// Multiplication.
  case multiply = "*"
  /// Division.
  case divide = "/"

  func apply(_ lhs: Double, _ rhs: Double) -> Double {
    switch self {
    case .add: return lhs + rhs
    case .subtract: return lhs - rhs
    case .multiply: return lhs * rhs
    case .divide: return lhs / rhs
    }
  }
}

/// The functions of one argument the expression language offers.
public enum UnaryFunction: String, Sendable, CaseIterable {
  /// Natural exponential.
  case exp
  /// Natural logarithm.
  case log
  /// Hyperbolic tangent.
  case tanh
  /// Square root.
  case sqrt

  func apply(_ value: Double) -> Double {
    switch self {
    case .exp: return Foundation.exp(value)
    case .log: return Foundation.log(value)
    case .tanh: return Foundation.tanh(value)
    case .sqrt: return value.squareRoot()
    }
  }
}
