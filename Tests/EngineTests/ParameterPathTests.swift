import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// Parameter features beyond the reference cases: film resistance, asymmetric transfer
/// coefficients, stoichiometry-dependent diffusivity and C-rates.
@Suite struct ParameterPathTests {
  private let steps = ReferenceCase.all[0].steps

  private func run(_ cell: CellParameters, _ steps: [ProtocolStep], nominal: Double? = nil) throws
    -> RunResult
  {
    try Simulator(options: SimulationOptions(mesh: DFNMesh(perRegion: 10, particle: 6))).run(
      cell: cell, protocol: steps, nominalCapacityAh: nominal)
  }

  @Test func filmResistanceAddsItsDropToTheChargeVoltage() throws {
    let plain = ReferenceCells.seed(np: 1.2)
    var filmed = plain
    filmed.negative.filmResistanceOhmM2 = 0.0035  // the seed paper's Table 1 value
    let without = try run(plain, steps)
    let with = try run(filmed, steps)
    #expect(with.completed && without.completed)
    let drops = try #require(with.steps.first).series.observations.map(\.filmDropV)
    // On charge the negative reaction current is negative, so its film drop adds to V:
    // about a·L·j·R ≈ I·R = 28 A/m² × 0.0035 Ω m² / (a L) per unit area of particle surface.
    #expect(drops.dropFirst(5).allSatisfy { $0 > 0 })
    let chargeWith = StepMetrics(series: with.steps[0].series, cell: filmed)
    let chargeWithout = StepMetrics(series: without.steps[0].series, cell: plain)
    #expect(chargeWith.averageVoltageV ?? 0 > chargeWithout.averageVoltageV ?? 0)
    #expect(chargeWith.capacityMAhCm2 < chargeWithout.capacityMAhCm2)
  }

  @Test func asymmetricTransferCoefficientsRun() throws {
    var cell = ReferenceCells.seed(np: 1.2)
    cell.negative.anodicTransferCoefficient = 0.3
    cell.positive.anodicTransferCoefficient = 0.7
    let result = try run(cell, steps)
    #expect(result.completed)
    #expect(result.steps.map(\.reason) == [.voltageLimit(4.2), .voltageLimit(2.5)])
  }

  @Test func stoichiometryDependentDiffusivityTakesItsOwnPath() throws {
    let constant = ReferenceCells.seed(np: 1.2)
    var varying = constant
    // The same value written as a function of x exercises the face-by-face evaluation.
    varying.negative.diffusivity = .expression(
      CompiledExpression(try ExpressionParser.parse("5e-14 + 0 * x", allowed: [.x])))
    let a = try run(constant, steps)
    let b = try run(varying, steps)
    let qa = StepMetrics(series: a.steps[0].series, cell: constant).capacityMAhCm2
    let qb = StepMetrics(series: b.steps[0].series, cell: varying).capacityMAhCm2
    #expect(abs(qa - qb) < 1e-6)
    // And a real dependence changes the answer.
    var faster = constant
    faster.negative.diffusivity = .expression(
      CompiledExpression(try ExpressionParser.parse("5e-14 * (1 + 4 * x)", allowed: [.x])))
    let c = try run(faster, steps)
    let qc = StepMetrics(series: c.steps[0].series, cell: faster).capacityMAhCm2
    #expect(qc > qa)
  }

  @Test func cRateFollowsTheNominalCapacity() throws {
    let cell = ReferenceCells.chen2020
    let byRate = try run(
      cell, [ProtocolStep(mode: .discharge(.cRate(1)), limits: [.voltage(2.5)], text: "1C")],
      nominal: 5)
    let byAmps = try run(
      cell, [ProtocolStep(mode: .discharge(.total(5)), limits: [.voltage(2.5)], text: "5 A")])
    let first = try #require(byRate.steps.first?.series.currentAm2.first)
    #expect(abs(first - 5 / cell.areaM2) < 1e-9)
    #expect(byRate.steps.first?.series.timeS.last == byAmps.steps.first?.series.timeS.last)
  }
}
