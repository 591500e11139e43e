import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

@Suite struct ExploreTests {
  @Test(arguments: [DFNMesh(perRegion: 20, particle: 40), DFNMesh(perRegion: 60, particle: 10)]) func seedCase(mesh: DFNMesh) throws {
    let cell = ReferenceCells.seed(np: 1.2)
    let steps = [
      ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "charge"),
      ProtocolStep(mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "discharge"),
    ]
    let simulator = Simulator(options: SimulationOptions(mesh: mesh))
    let start = Date()
    let run = try simulator.run(cell: cell, protocol: steps)
    print("elapsed", Date().timeIntervalSince(start))
    for step in run.steps {
      let last = step.series.observations.last!
      print(step.reason, step.series.count, step.series.timeS.last!, last.voltageV, last.negativeStoichiometry, last.positiveStoichiometry, step.series.dischargeCapacityMAhCm2.last!)
    }
    let reference = try ReferenceCurve.load("seed_np1.2_2.8mA.fine")
    let comparison = CurveComparison(run: run, reference: reference)
    print("rmse", comparison.rmseMV, "cap", comparison.worstCapacityErrorPercent)
  }
}
