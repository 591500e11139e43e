import StudyModel
import Testing

@testable import Electrochem

/// The residual reads OCPs and electrolyte properties from tables; these must stay within
/// the interpolation error the engine documents, with slopes that are the interpolant's own.
@Suite struct TabulatedFunctionTests {
  private static let cell = ReferenceCells.seed(np: 1.2)
  private static let temperature = 298.15

  private static func direct(_ function: MaterialFunction, x: Double = 0, c: Double = 0) -> Double {
    function.value(ExpressionValues(x: x, c: c, temperature: temperature))
  }

  @Test(arguments: [0, 1])
  func anOCPTableFollowsItsFitToATenthOfANanovolt(electrode: Int) {
    let ocp = [Self.cell.negative, Self.cell.positive][electrode].openCircuitPotential
    let table = TabulatedFunction(ocp, variable: .x, domain: 0...1, temperature: Self.temperature)
    var worst = 0.0
    // Points between the nodes (4096 intervals) and on them, across the whole window.
    for index in 0..<20_000 {
      let x = 0.001 + 0.998 * Double(index) / 19_999
      worst = max(worst, abs(table.value(x) - Self.direct(ocp, x: x)))
    }
    #expect(worst < 1e-10)
    #expect(table.tabulatedRange == 0..<1)
  }

  @Test func aSlopeIsTheDerivativeOfTheValueItComesWith() {
    let ocp = Self.cell.negative.openCircuitPotential
    let table = TabulatedFunction(ocp, variable: .x, domain: 0...1, temperature: Self.temperature)
    for x in [0.013, 0.1234, 0.2769, 0.5, 0.6103, 0.97] {
      let h = 1e-7
      let difference = (table.value(x + h) - table.value(x - h)) / (2 * h)
      let pair = table.valueAndSlope(x)
      #expect(pair.value == table.value(x))
      #expect(abs(pair.slope - difference) <= 1e-6 * max(abs(difference), 1))
    }
  }

  @Test func anIntervalWithAnInfiniteSlopeAtANodeIsEvaluatedDirectly() throws {
    // √x is finite at x = 0 (so the cell is valid) but its slope is not; an electrode nearly
    // empty reads stoichiometries inside that first interval (below 1/4096).
    let ocp = MaterialFunction.expression(
      CompiledExpression(try ExpressionParser.parse("3.9 - 0.2 * sqrt(x)", allowed: [.x])))
    let table = TabulatedFunction(ocp, variable: .x, domain: 0...1, temperature: Self.temperature)
    for x in [1e-5, 1e-4, 2e-4] {
      #expect(table.value(x) == Self.direct(ocp, x: x))
      let pair = table.valueAndSlope(x)
      #expect(pair.value.isFinite && abs(pair.slope + 0.1 / x.squareRoot()) <= 1e-9 / x)
    }
    #expect(abs(table.value(0.5) - Self.direct(ocp, x: 0.5)) < 1e-10)
    #expect(table.tabulatedRange == (1.0 / 4096)..<1)
    // A singular node inside the grid leaves nothing to tabulate: every lookup is direct.
    let pole = MaterialFunction.expression(
      CompiledExpression(try ExpressionParser.parse("1 / (x - 0.5)", allowed: [.x])))
    let direct = TabulatedFunction(pole, variable: .x, domain: 0...1, temperature: Self.temperature)
    #expect(direct.tabulatedRange == nil)
    for x in [0.1, 0.3000001, 0.7] { #expect(direct.value(x) == Self.direct(pole, x: x)) }
  }

  @Test func belowItsThresholdAndOutsideItsGridAnExpressionIsEvaluatedDirectly() {
    let conductivity = Self.cell.electrolyte.conductivity
    let table = TabulatedFunction(
      conductivity, variable: .c, domain: 0...8000, directBelow: 50,
      temperature: Self.temperature)
    for c in [1e-3, 10, 49.9, 8000, 9000] {
      #expect(table.value(c) == Self.direct(conductivity, c: c))
    }
    #expect(table.tabulatedRange == 50..<8000)
    let inside = 1000.3
    #expect(abs(table.value(inside) - Self.direct(conductivity, c: inside)) < 1e-10)
  }

  /// Four points at once give what one at a time gives, bit for bit: on the grid (the cubics
  /// side by side), with one point off it (each evaluated alone), and for a constant.
  @Test(arguments: [
    [1000.3, 60.5, 7999.9, 50], [1000.3, 49.9, 2000, 3000], [8000, 9000, 100, 1e-3],
  ])
  func fourPointsAtOnceGiveTheValuesOfOne(points: [Double]) {
    let conductivity = TabulatedFunction(
      Self.cell.electrolyte.conductivity, variable: .c, domain: 0...8000, directBelow: 50,
      temperature: Self.temperature)
    let constant = TabulatedFunction(
      .constant(1.5), variable: .c, domain: 0...8000, temperature: Self.temperature)
    let lanes = Lanes(points[0], points[1], points[2], points[3])
    for table in [conductivity, constant] {
      let values = table.values(lanes)
      for lane in 0..<4 {
        #expect(values[lane].bitPattern == table.value(points[lane]).bitPattern, "lane \(lane)")
      }
    }
  }
}
