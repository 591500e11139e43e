import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// The design space where peers fail: every N/P from 0.3 to 2.5 at three current densities
/// must complete, with saturation reported as a termination, never as a solver failure.
@Suite struct RobustnessTests {
  static let ratios = stride(from: 0.3, through: 2.5001, by: 0.1).map { ($0 * 10).rounded() / 10 }
  static let densities = [0.75, 2.8, 5.48]

  @Test func wholeNPGridCompletes() {
    var jobs: [SimulationJob] = []
    for density in Self.densities {
      for np in Self.ratios {
        let reference = ReferenceCase.seed(
          np: np, milliampsPerCm2: density, name: "np=\(np) i=\(density)")
        jobs.append(SimulationJob(id: reference.name, cell: reference.cell, steps: reference.steps))
      }
    }
    #expect(jobs.count == 69)
    let results = SweepRunner.run(jobs, options: SimulationOptions(mesh: .coarse))
    for (job, result) in zip(jobs, results) {
      switch result {
      case .success(let run):
        #expect(run.completed, "\(job.id): \(run.failure?.description ?? "")")
        #expect(run.steps.count == 2, "\(job.id) ran \(run.steps.count) steps")
        guard run.steps.count == 2 else { continue }
        // Both steps pass real charge and the discharge ends at the cut-off (or with an
        // electrode exhausted), never at its first point. At 5.48 mA/cm² electrolyte depletion
        // in the thick cathode ends the discharge early: the smallest discharge/charge ratio
        // of the grid is 0.42 (N/P 2.5), so 0.3 bounds it from below.
        let charge = StepMetrics(series: run.steps[0].series, cell: job.cell).capacityMAhCm2
        let discharge = StepMetrics(series: run.steps[1].series, cell: job.cell).capacityMAhCm2
        let endings: [EndReason] = [.voltageLimit(2.5), .negativeEmpty, .positiveFull]
        #expect(
          endings.contains(run.steps[1].reason),
          "\(job.id) discharge ended by \(run.steps[1].reason)")
        #expect(
          charge > 1 && discharge > 0.3 * charge,
          "\(job.id): charge \(charge), discharge \(discharge)")
      case .failure(let error):
        Issue.record("\(job.id): \(error)")
      }
    }
  }

  @Test func lowNPReportsPlatingOnset() throws {
    let reference = ReferenceCase.seed(np: 0.5, milliampsPerCm2: 2.8, name: "np0.5")
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    let charge = try #require(run.steps.first)
    let metrics = StepMetrics(series: charge.series, cell: reference.cell)
    #expect(metrics.platingOnsetS != nil)
    #expect(metrics.minimumNegativePotentialV < 0)
  }
}
