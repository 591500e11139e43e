/// A material property: a constant, an expression in x, c and T, or a table in one variable.
public enum MaterialFunction: Sendable, Equatable {
  /// The same value everywhere.
  case constant(Double)
  /// An expression evaluated at each point.
  case expression(CompiledExpression)
  /// A table in `variable`.
  case table(InterpolationTable, variable: ExpressionVariable)

  /// The value at the given state.
  public func value(_ values: ExpressionValues) -> Double {
    switch self {
    case .constant(let value): return value
    case .expression(let program): return program.evaluate(values)
    case .table(let table, let variable): return table.value(at: values[variable])
    }
  }

  /// The value and its derivative with respect to `variable` at the given state.
  public func valueAndDerivative(
    _ values: ExpressionValues, withRespectTo variable: ExpressionVariable
  ) -> (value: Double, derivative: Double) {
    switch self {
    case .constant(let value): return (value, 0)
    case .expression(let program):
      return program.valueAndDerivative(values, withRespectTo: variable)
    case .table(let table, let tableVariable):
      let point = values[tableVariable]
      return (table.value(at: point), tableVariable == variable ? table.slope(at: point) : 0)
    }
  }

  /// The value as a function of stoichiometry alone, at temperature `T`.
  public func value(x: Double, temperature: Double) -> Double {
    value(ExpressionValues(x: x, c: 0, temperature: temperature))
  }

  /// The value as a function of electrolyte concentration alone, at temperature `T`.
  public func value(c: Double, temperature: Double) -> Double {
    value(ExpressionValues(x: 0, c: c, temperature: temperature))
  }
}
