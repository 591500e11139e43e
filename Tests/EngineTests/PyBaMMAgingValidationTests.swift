import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// The degradation submodels against PyBaMM's DFN on every cycling reference case
/// (Fixtures/pybamm-aging/README.md), cycle by cycle.
///
/// Capacities are compared with PyBaMM's fine-mesh solution, the mesh-converged answer (PyBaMM's
/// own coarse mesh is 0.11–0.14 % from it); the mechanisms (lithium in SEI and plated, SEI
/// thickness, active material lost) with both of PyBaMM's meshes; voltage curves mesh for mesh,
/// as the single-cycle validation does.
@Suite struct PyBaMMAgingValidationTests {
  /// The digits of the references' times (written with %.6g).
  static let timeDigits = 6

  @Test(arguments: AgingCase.all)
  func coarseMeshMatchesPyBaMMEveryCycle(_ reference: AgingCase) throws {
    let run = try reference.run(mesh: .coarse)
    let fine = try AgingReference.load(reference.name, mesh: "fine")
    let coarse = try AgingReference.load(reference.name, mesh: "coarse")
    let cycles = try checkedCycles(run, reference)
    checkCapacities(cycles, against: fine)
    checkMechanisms(cycles, against: fine, mesh: "fine")
    checkMechanisms(cycles, against: coarse, mesh: "coarse")
    for (number, steps) in keptCycles(run, reference) {
      let expected = try #require(coarse.curves[number])
      let same = CurveComparison(
        steps: steps, reference: expected, significantDigits: Self.timeDigits)
      #expect(same.segmentCount == AgingCase.cycle.count)
      #expect(same.rmseMV <= 5, "cycle \(number): \(same.rmseMV) mV from PyBaMM's coarse mesh")
      // Against the fine mesh, no worse than PyBaMM's own coarse mesh, as for single cycles.
      let converged = try #require(fine.curves[number])
      let ours = CurveComparison(
        steps: steps, reference: converged, significantDigits: Self.timeDigits)
      let theirs = CurveComparison(
        reference: expected, against: converged, significantDigits: Self.timeDigits)
      #expect(
        ours.rmseMV <= theirs.rmseMV + 2,
        "cycle \(number): \(ours.rmseMV) mV from the fine mesh, PyBaMM's coarse \(theirs.rmseMV)")
    }
  }

  /// The plating case, the one with every reaction and the sharpest curves, mesh-converged.
  @Test func fineMeshMatchesPyBaMMsFineMesh() throws {
    let reference = AgingCase.all[1]
    let run = try reference.run(mesh: .fine)
    let fine = try AgingReference.load(reference.name, mesh: "fine")
    let cycles = try checkedCycles(run, reference)
    checkCapacities(cycles, against: fine)
    checkMechanisms(cycles, against: fine, mesh: "fine")
    for (number, steps) in keptCycles(run, reference) {
      let expected = try #require(fine.curves[number])
      let comparison = CurveComparison(
        steps: steps, reference: expected, significantDigits: Self.timeDigits)
      #expect(comparison.rmseMV <= 5, "cycle \(number): voltage RMSE \(comparison.rmseMV) mV")
    }
  }

  private func checkedCycles(_ run: RunResult, _ reference: AgingCase) throws -> [CycleSummary] {
    #expect(run.completed, "\(String(describing: run.failure))")
    let cycles = CycleSummary.cycles(of: run)
    try #require(cycles.count == reference.cycles)
    return cycles
  }

  private func keptCycles(_ run: RunResult, _ reference: AgingCase) -> [(
    Int, ArraySlice<StepResult>
  )] {
    let length = AgingCase.cycle.count
    return [(1, run.steps.prefix(length)), (reference.cycles, run.steps.suffix(length))]
  }

  private func checkCapacities(_ cycles: [CycleSummary], against table: AgingReference) {
    let discharge = worst(
      cycles.map(\.dischargeCapacityMAhCm2), table, "discharge_capacity_mAh_cm2")
    #expect(discharge <= 0.2, "discharge capacity \(discharge) % from PyBaMM's fine mesh")
    let charge = worst(cycles.map(\.chargeCapacityMAhCm2), table, "charge_capacity_mAh_cm2")
    #expect(charge <= 0.2, "charge capacity \(charge) % from PyBaMM's fine mesh")
  }

  private func checkMechanisms(
    _ cycles: [CycleSummary], against table: AgingReference, mesh: String
  ) {
    let sei = worst(cycles.map(\.seiLithiumMAhCm2), table, "li_lost_to_sei_mAh_cm2")
    #expect(sei <= 3, "lithium in SEI \(sei) % from PyBaMM's \(mesh) mesh")
    let thickness = worst(cycles.map { $0.seiThicknessM * 1e9 }, table, "neg_sei_thickness_avg_nm")
    #expect(thickness <= 3, "SEI thickness \(thickness) % from PyBaMM's \(mesh) mesh")
    let plating = cycles.map(\.platingLithiumMAhCm2)
    if table.column("li_lost_to_plating_mAh_cm2").contains(where: { $0 > 0 }) {
      let error = worst(plating, table, "li_lost_to_plating_mAh_cm2")
      #expect(error <= 10, "plated and dead lithium \(error) % from PyBaMM's \(mesh) mesh")
    } else {
      #expect(plating.allSatisfy { $0 == 0 }, "no plating in PyBaMM, \(plating.max() ?? 0) here")
    }
    if table.column("neg_lam_pct").contains(where: { $0 > 0 }) {
      let error = worst(cycles.map { $0.activeMaterialLost[0] * 100 }, table, "neg_lam_pct")
      #expect(error <= 10, "negative active material lost \(error) % from PyBaMM's \(mesh) mesh")
    }
    // PyBaMM's positive loss rounds to 0 % (stress-induced diffusion flattens the positive
    // particles' gradient, so hardly any stress builds): within 1e-4 percentage points.
    let positive =
      zip(cycles.map { $0.activeMaterialLost[1] * 100 }, table.column("pos_lam_pct"))
      .map { abs($0 - $1) }.max() ?? .nan
    #expect(positive <= 1e-4, "positive active material lost off by \(positive) points (\(mesh))")
  }

  /// The largest |simulated − reference| / reference over the cycles, %.
  private func worst(_ simulated: [Double], _ table: AgingReference, _ column: String) -> Double {
    zip(simulated, table.column(column)).map { $0 == $1 ? 0 : abs($0 - $1) / abs($1) * 100 }.max()
      ?? .nan
  }
}
