import Electrochem
import Engine
import StudyModel
import Testing

/// Bad input is refused with a clear error before anything is solved.
@Suite struct InputValidationTests {
  private let steps = ReferenceCase.all[0].steps

  private func error(for cell: CellParameters, steps: [ProtocolStep]? = nil) -> SimulationError? {
    do {
      _ = try Simulator(options: SimulationOptions(mesh: DFNMesh(perRegion: 3, particle: 3))).run(
        cell: cell, protocol: steps ?? self.steps)
      return nil
    } catch {
      return error
    }
  }

  @Test func negativeThicknessIsRefused() {
    var cell = ReferenceCells.seed(np: 1)
    cell.negative.thicknessM = -1e-6
    #expect(error(for: cell)?.subject == "negative.thickness")
  }

  @Test func porosityOfOneIsRefused() {
    var cell = ReferenceCells.seed(np: 1)
    cell.positive.porosity = 1
    let refusal = error(for: cell)
    #expect(refusal?.subject == "positive.porosity")
    #expect(refusal?.message.contains("strictly between 0 and 1") == true)
  }

  @Test func overfullElectrodeIsRefused() {
    var cell = ReferenceCells.seed(np: 1)
    cell.negative.activeFraction = 0.9
    #expect(error(for: cell)?.message.contains("add up to more than 1") == true)
  }

  @Test func ocpTableThatIsNotMonotoneInXIsRefused() {
    #expect(throws: TableError(row: 2, message: "x must increase strictly (x = 0.4 follows 0.5)")) {
      try InterpolationTable(xs: [0.1, 0.5, 0.4], ys: [1, 0.5, 0.2], extrapolation: .clamp)
    }
  }

  @Test func ocpExpressionThatIsNotFiniteIsRefused() throws {
    var cell = ReferenceCells.seed(np: 1)
    cell.negative.openCircuitPotential = .expression(
      CompiledExpression(try ExpressionParser.parse("0.1 + log(x - 0.5)", allowed: [.x])))
    let refusal = error(for: cell)
    #expect(refusal?.subject == "negative.ocp")
    #expect(refusal?.message == "is not a finite number at x = 0.0; keep it defined on 0…1")
  }

  @Test func electrolyteConductivityThatTurnsNegativeIsRefused() throws {
    var cell = ReferenceCells.seed(np: 1)
    cell.electrolyte.conductivity = .expression(
      CompiledExpression(try ExpressionParser.parse("1 - c / 2000", allowed: [.c])))
    #expect(error(for: cell)?.subject == "electrolyte.conductivity")
  }

  @Test func constantCurrentStepEndingOnACurrentCanNeverTerminate() {
    let never = [
      ProtocolStep(
        mode: .charge(.density(10)), limits: [.current(.density(1))],
        text: "Charge at 1 mA/cm2 until 0.1 mA/cm2")
    ]
    let refusal = error(for: ReferenceCells.seed(np: 1), steps: never)
    #expect(refusal?.subject == "Charge at 1 mA/cm2 until 0.1 mA/cm2")
    #expect(refusal?.message.contains("only ends a voltage hold") == true)
  }

  @Test func cRateWithoutNominalCapacityIsRefused() {
    let steps = [
      ProtocolStep(
        mode: .discharge(.cRate(1)), limits: [.voltage(2.5)], text: "Discharge at 1C until 2.5 V")
    ]
    #expect(
      error(for: ReferenceCells.seed(np: 1), steps: steps)?.message.contains("nominal capacity")
        == true)
  }
}
