import Foundation
import StudyModel
import Testing

/// Material tables take their slopes from the expressions' own derivatives; each operation's
/// rule must agree with a difference quotient, and the value must be the one `evaluate` gives.
@Suite struct ExpressionDerivativeTests {
  private static let cases: [(text: String, x: Double)] = [
    ("1.9793 * exp(-39.3631 * x) + 0.2482 - 0.0909 * tanh(29.8538 * (x - 0.1234))", 0.3),
    ("-0.809 * x + 4.4875 - 17.7326 * tanh(15.789 * (x - 0.3117))", 0.62),
    ("log(x / (1 - x)) * 0.0257", 0.4),
    ("sqrt(x) * (1 - x)^1.5 / (2 + x^2)", 0.35),
    ("x^3 - 2 * x^0.5 + x^2.7", 0.8),
    ("-(x^x) / (x + 1)", 0.7),
  ]

  @Test(arguments: cases)
  func theDerivativeOfEachOperationMatchesADifferenceQuotient(text: String, x: Double) throws {
    let program = CompiledExpression(try ExpressionParser.parse(text, allowed: [.x]))
    let at = { (point: Double) in
      program.evaluate(ExpressionValues(x: point, c: 0, temperature: 298))
    }
    let pair = program.valueAndDerivative(
      ExpressionValues(x: x, c: 0, temperature: 298), withRespectTo: .x)
    #expect(pair.value == at(x))
    let h = 1e-5
    let quotient = (-at(x + 2 * h) + 8 * at(x + h) - 8 * at(x - h) + at(x - 2 * h)) / (12 * h)
    #expect(abs(pair.derivative - quotient) <= 1e-8 * max(abs(quotient), 1))
  }

  @Test func aVariableTheExpressionDoesNotReadHasNoDerivative() throws {
    let program = CompiledExpression(
      try ExpressionParser.parse("2 * c^1.5 + exp(c / 1000)", allowed: [.c]))
    let values = ExpressionValues(x: 0.5, c: 1200, temperature: 298)
    #expect(program.valueAndDerivative(values, withRespectTo: .x).derivative == 0)
    let inC = program.valueAndDerivative(values, withRespectTo: .c).derivative
    let expected = 3 * 1200.0.squareRoot() + Foundation.exp(1.2) / 1000
    #expect(abs(inC - expected) <= 1e-12 * expected)
  }

  /// A term that does not move with the variable adds nothing, even where its own derivative
  /// is singular (√c at c = 0 in an x-derivative).
  @Test func aConstantTermWithASingularSlopeAddsNoDerivative() throws {
    let program = CompiledExpression(
      try ExpressionParser.parse("sqrt(c) + 0.1 * log(c + 1) * x + x^2", allowed: [.x, .c]))
    let values = ExpressionValues(x: 0.25, c: 0, temperature: 298)
    let pair = program.valueAndDerivative(values, withRespectTo: .x)
    #expect(pair.value == program.evaluate(values))
    #expect(pair.derivative == 0.5)
  }
}
