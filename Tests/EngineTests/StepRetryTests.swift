import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// A step the integrator fails on at the default tolerances is retried once from its start
/// with tighter ones, and the run goes on as a tighter run would.
@Suite struct StepRetryTests {
  /// The Si-Gr aging cell with the seed study's fitted silicon fade at N/P 0.36, cycled at
  /// 2.8 mA/cm²: by cycle 66 three quarters of its anode is lost, and the discharge's corrector
  /// fails at the default tolerances.
  private func run(relativeTolerance: Double) throws -> RunResult {
    var cell = ReferenceCells.load("sigr-nmc811-mu-table1-aging").parameters
    cell.negative.degradation.plating?.reversibility = .partiallyReversible(
      deadLithiumDecayPerS: 5.868874518952907e-4)
    cell.negative.degradation.activeMaterialLoss?.lithiation?.rate = 0.09233492278773768
    cell.negative.degradation.sei?.limit = .solventDiffusion(
      diffusivityM2s: 5.664316293330268e-22, solventConcentrationMolM3: 2636)
    cell = CellDesign.withNegativeThickness(for: 0.36, basis: .practical, cell: cell)
    let options = SimulationOptions(
      mesh: DFNMesh(negative: 10, separator: 10, positive: 10, particle: 5),
      relativeTolerance: relativeTolerance)
    return try Simulator(options: options).run(
      cell: cell,
      protocol: Array([[ProtocolStep]](repeating: AgingCase.cycle, count: 100).joined()),
      cycling: CyclePlan(stepsPerCycle: 2))
  }

  @Test func aFailedStepIsRetriedAndTheRunAgreesWithATighterOne() throws {
    let retried = try run(relativeTolerance: 1e-4)
    #expect(retried.completed, "\(String(describing: retried.failure))")
    let cycles = CycleSummary.cycles(of: retried)
    #expect(cycles.count == 100)
    let tight = CycleSummary.cycles(of: try run(relativeTolerance: 1e-5))
    let retention = try #require(cycles.last?.value(.retention, first: cycles[0]))
    let reference = try #require(tight.last?.value(.retention, first: tight[0]))
    #expect(abs(retention - reference) / reference < 0.01, "\(retention) against \(reference)")
  }
}
