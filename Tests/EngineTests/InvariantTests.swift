import Electrochem
import Engine
import StudyModel
import Testing

/// Conservation, bounds and monotonicity that any correct DFN solution obeys.
@Suite struct InvariantTests {
  @Test(arguments: ReferenceCase.all)
  func lithiumIsConservedAndStatesStayInBounds(_ reference: ReferenceCase) throws {
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    #expect(run.completed)
    for step in run.steps {
      let observations = step.series.observations
      let initial = try #require(observations.first).lithiumMolM2
      let drift = observations.map { abs($0.lithiumMolM2 - initial) / initial }.max() ?? 0
      #expect(drift <= 1e-6, "lithium drift \(drift) in '\(step.step.text)'")
      // The finite-volume state itself: every shell between 0 and 1, every electrolyte
      // volume positive. At N/P 2.0 the outer shell next to the separator fills completely at
      // the end of discharge and the kinetics hold it at 1; the integrator controls the state
      // only to its absolute tolerance (1.6e-9 above 1 measured with 1e-6), so the upper bound
      // is checked to that tolerance.
      let lowest =
        observations.map { min($0.shellMinimum.negative, $0.shellMinimum.positive) }.min() ?? 0
      let highest =
        observations.map { max($0.shellMaximum.negative, $0.shellMaximum.positive) }.max() ?? 1
      let salt = observations.map(\.electrolyteMinimum).min() ?? 0
      #expect(
        lowest > 0 && highest <= 1 + SimulationOptions().absoluteTolerance,
        "stoichiometry range \(lowest)...\(highest) in '\(step.step.text)'")
      #expect(salt > 0, "electrolyte minimum \(salt) mol/m3 in '\(step.step.text)'")
    }
  }

  @Test(arguments: ReferenceCase.all)
  func voltageFallsMonotonicallyInConstantCurrentDischarge(_ reference: ReferenceCase) throws {
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    let discharge = try #require(run.steps.last)
    let voltages = discharge.series.voltageV.dropFirst()
    let rises = zip(voltages.dropFirst(), voltages).filter { $0 > $1 + 1e-9 }
    #expect(rises.isEmpty, "voltage rose \(rises.count) times during '\(discharge.step.text)'")
  }

  @Test func overpotentialsAddUpToTheVoltage() throws {
    let reference = ReferenceCase.all[0]
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    for observation in run.steps.flatMap(\.series.observations) {
      let sum =
        observation.openCircuitVoltageV + observation.reactionTotalV
        + observation.concentrationOverpotentialV + observation.electrolyteOhmicV
        + observation.solidOhmicV + observation.filmDropV
      #expect(abs(sum - observation.voltageV) < 1e-9)
    }
  }

  @Test func voltageConvergesAsTheMeshIsRefined() throws {
    let reference = ReferenceCase.chen(amps: 5, name: "chen2020_1C_discharge")
    let meshes = [
      DFNMesh(perRegion: 5, particle: 3), DFNMesh(perRegion: 10, particle: 5),
      DFNMesh(perRegion: 20, particle: 10), DFNMesh(perRegion: 40, particle: 20),
    ]
    let curves = try meshes.map { mesh in
      let run = try Simulator(options: SimulationOptions(mesh: mesh)).run(
        cell: reference.cell, protocol: reference.steps)
      return try #require(run.steps.first).series
    }
    let finest = curves[curves.count - 1]
    let times = [300.0, 1000, 2000, 3000]
    let errors = curves.dropLast().map { curve in
      times.map { abs(voltage(curve, at: $0) - voltage(finest, at: $0)) }.max() ?? 0
    }
    #expect(errors[0] > errors[1] && errors[1] > errors[2], "errors \(errors)")
  }

  private func voltage(_ series: TimeSeries, at time: Double) -> Double {
    let times = series.timeS
    guard let upper = times.firstIndex(where: { $0 >= time }), upper > 0 else {
      return series.observations[series.count - 1].voltageV
    }
    let a = (time - times[upper - 1]) / (times[upper] - times[upper - 1])
    return series.observations[upper - 1].voltageV * (1 - a) + series.observations[upper].voltageV
      * a
  }
}
