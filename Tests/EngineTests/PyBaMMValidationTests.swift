import Electrochem
import Engine
import StudyModel
import Testing

/// The engine against PyBaMM's DFN on every reference case (Fixtures/pybamm/README.md),
/// compared step by step as the reference's compare_ts.py does.
@Suite struct PyBaMMValidationTests {
  @Test(arguments: ReferenceCase.all)
  func fineMeshMatchesFineReference(_ reference: ReferenceCase) throws {
    let fine = try ReferenceCurve.load("\(reference.name).fine")
    let run = try Simulator(options: SimulationOptions(mesh: .fine)).run(
      cell: reference.cell, protocol: reference.steps)
    #expect(run.completed)
    let comparison = CurveComparison(run: run, reference: fine)
    #expect(comparison.segmentCount == reference.steps.count)
    #expect(comparison.rmseMV <= 5, "voltage RMSE \(comparison.rmseMV) mV")
    #expect(
      comparison.worstCapacityErrorPercent <= 0.5,
      "capacity error \(comparison.worstCapacityErrorPercent) %")
    for (index, step) in run.steps.enumerated() {
      let end = fine.endOfSegment(index)
      guard let last = step.series.observations.last else { continue }
      #expect(
        abs(last.negativeStoichiometry - end.negative) <= 0.005,
        "negative end stoichiometry, step \(index)")
      #expect(
        abs(last.positiveStoichiometry - end.positive) <= 0.005,
        "positive end stoichiometry, step \(index)")
    }
  }

  @Test(arguments: ReferenceCase.all)
  func coarseMeshErrorIsNoWorseThanPyBaMMs(_ reference: ReferenceCase) throws {
    let fine = try ReferenceCurve.load("\(reference.name).fine")
    let pybammCoarse = try ReferenceCurve.load("\(reference.name).coarse")
    let pybammError = CurveComparison(reference: pybammCoarse, against: fine)
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    #expect(run.completed)
    let comparison = CurveComparison(run: run, reference: fine)
    #expect(
      comparison.rmseMV <= pybammError.rmseMV + 2,
      "RMSE \(comparison.rmseMV) mV against PyBaMM's own coarse error \(pybammError.rmseMV) mV")
    #expect(
      comparison.worstCapacityErrorPercent <= 0.5,
      "capacity error \(comparison.worstCapacityErrorPercent) %")
  }
}
