import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// Cycling with degradation across the design space: every N/P from 0.3 to 2.5 at 0.75 and
/// 2.8 mA/cm², with SEI growth and partially reversible plating, runs its 20 cycles.
@Suite struct CyclingRobustnessTests {
  static let ratios = stride(from: 0.3, through: 2.5001, by: 0.1).map { ($0 * 10).rounded() / 10 }
  static let densities = [0.75, 2.8]
  static let cycles = 20

  @Test func wholeNPGridCyclesWithDegradation() {
    let cell = ReferenceCells.load("reference-seed-chen2020-sei-plating").parameters
    var jobs: [SimulationJob] = []
    for density in Self.densities {
      for np in Self.ratios {
        let cycle = ReferenceCase.seed(np: np, milliampsPerCm2: density, name: "").steps
        jobs.append(
          SimulationJob(
            id: "np=\(np) i=\(density)",
            cell: CellDesign.withNegativeThickness(for: np, basis: .theoretical, cell: cell),
            steps: Array([[ProtocolStep]](repeating: cycle, count: Self.cycles).joined()),
            cycling: CyclePlan(stepsPerCycle: cycle.count)))
      }
    }
    #expect(jobs.count == 46)
    let results = SweepRunner.run(jobs, options: SimulationOptions(mesh: .coarse))
    for (job, result) in zip(jobs, results) {
      switch result {
      case .success(let run):
        #expect(run.completed, "\(job.id): \(run.failure?.description ?? "")")
        let cycles = CycleSummary.cycles(of: run)
        #expect(cycles.count == Self.cycles, "\(job.id) ran \(cycles.count) cycles")
        // Every cycle passes real charge both ways, and the lithium lost only grows.
        #expect(
          cycles.allSatisfy { $0.chargeCapacityMAhCm2 > 1 && $0.dischargeCapacityMAhCm2 > 0.5 },
          "\(job.id): a cycle passed almost no charge")
        let lost = cycles.map { $0.seiLithiumMAhCm2 + $0.deadLithiumMAhCm2 }
        #expect(zip(lost.dropFirst(), lost).allSatisfy { $0 >= $1 }, "\(job.id): lithium came back")
      case .failure(let error):
        Issue.record("\(job.id): \(error)")
      }
    }
  }
}
