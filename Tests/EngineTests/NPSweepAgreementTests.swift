import Analysis
import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

/// The whole N/P sweep of the reference (np_sweep_dfn.jsonl, PyBaMM at the coarse mesh):
/// every point PyBaMM solved agrees in charge and discharge capacity, and the point PyBaMM
/// failed (N/P 0.5 at 2.8 mA/cm²) completes here.
@Suite struct NPSweepAgreementTests {
  struct Point: Decodable {
    let np: Double?
    let milliampsPerCm2: Double?
    let ok: Bool?
    let chargeMAhCm2: Double?
    let dischargeMAhCm2: Double?

    enum CodingKeys: String, CodingKey {
      case np, ok
      case milliampsPerCm2 = "i_mA_cm2"
      case chargeMAhCm2 = "charge_mAh_cm2"
      case dischargeMAhCm2 = "discharge_mAh_cm2"
    }
  }

  @Test func capacitiesAgreeWithPyBaMMAcrossTheSweep() throws {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/pybamm/np_sweep_dfn", withExtension: "jsonl"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
    let points = try lines.map { try JSONDecoder().decode(Point.self, from: Data($0.utf8)) }
      .filter { $0.np != nil }
    #expect(points.count == 38)
    let jobs = points.map { point in
      let reference = ReferenceCase.seed(
        np: point.np ?? 0, milliampsPerCm2: point.milliampsPerCm2 ?? 0, name: "np=\(point.np ?? 0)")
      return SimulationJob(id: reference.name, cell: reference.cell, steps: reference.steps)
    }
    let results = SweepRunner.run(jobs, options: SimulationOptions(mesh: .coarse))
    for (point, result) in zip(points, results) {
      let label = "N/P \(point.np ?? 0) at \(point.milliampsPerCm2 ?? 0) mA/cm2"
      guard case .success(let run) = result, run.completed, run.steps.count == 2 else {
        Issue.record("\(label) did not complete")
        continue
      }
      let cell = jobs[0].cell
      let charge = StepMetrics(series: run.steps[0].series, cell: cell).capacityMAhCm2
      let discharge = StepMetrics(series: run.steps[1].series, cell: cell).capacityMAhCm2
      #expect(
        run.steps[1].reason == .voltageLimit(2.5),
        "\(label) discharge ended by \(run.steps[1].reason)")
      guard point.ok == true, let expectedCharge = point.chargeMAhCm2,
        let expectedDischarge = point.dischargeMAhCm2
      else {
        // PyBaMM failed here; a complete, physical run is what is asked of the engine.
        #expect(discharge > 0.9 * charge, "\(label): discharge \(discharge) after charge \(charge)")
        continue
      }
      #expect(
        abs(charge - expectedCharge) / expectedCharge <= 0.005,
        "\(label) charge \(charge) vs \(expectedCharge)")
      #expect(
        abs(discharge - expectedDischarge) / expectedDischarge <= 0.005,
        "\(label) discharge \(discharge) vs \(expectedDischarge)")
    }
  }
}
