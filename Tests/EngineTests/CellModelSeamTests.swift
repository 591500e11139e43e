import Electrochem
import Engine
import StudyModel
import Testing

/// The engine solves any `CellModel`: a single-particle model written against the public
/// protocol alone runs on the same `Simulator` as the DFN, with the same protocols.
@Suite struct CellModelSeamTests {
  static let cell = ReferenceCells.seed(np: 1.2)
  static let slow: Double = 7.5  // A/m² (0.75 mA/cm²)

  static func cycle(_ density: Double) -> [ProtocolStep] {
    [
      ProtocolStep(mode: .charge(.density(density)), limits: [.voltage(4.2)], text: "charge"),
      ProtocolStep(mode: .hold(voltageV: 4.2), limits: [.current(.density(1))], text: "hold"),
      ProtocolStep(mode: .discharge(.density(density)), limits: [.voltage(2.5)], text: "discharge"),
    ]
  }

  @Test func aSecondModelRunsOnTheSameSimulatorAndConservesLithium() throws {
    let simulator = Simulator(options: SimulationOptions(mesh: .coarse), kind: SingleParticleKind())
    let run = try simulator.run(cell: Self.cell, protocol: Self.cycle(Self.slow))
    #expect(run.completed, "\(String(describing: run.failure))")
    #expect(run.steps.map(\.reason) == [.voltageLimit(4.2), .currentLimit(1), .voltageLimit(2.5)])
    // No particle blocks with their own interfacial current: KLU solves its Newton systems.
    #expect(simulator.linearSolver == .klu)
    let observations = run.steps.flatMap(\.series.observations)
    let initial = try #require(observations.first).lithiumMolM2
    let drift = observations.map { abs($0.lithiumMolM2 - initial) / initial }.max() ?? 1
    #expect(drift < 1e-6, "lithium drift \(drift)")
  }

  @Test func atLowRateTheSingleParticleModelApproachesTheDFN() throws {
    // Without electrolyte polarisation the SPM stores a little more and sits a little higher
    // on discharge; at 0.75 mA/cm² (C/6) both differences are small (1.2 to 1.4 % and
    // 2.4 mV measured).
    let protocolSteps = [Self.cycle(Self.slow)[0], Self.cycle(Self.slow)[2]]
    let dfn = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: Self.cell, protocol: protocolSteps)
    let spm = try Simulator(options: SimulationOptions(mesh: .coarse), kind: SingleParticleKind())
      .run(cell: Self.cell, protocol: protocolSteps)
    #expect(dfn.completed && spm.completed)
    for (a, b) in zip(dfn.steps, spm.steps) {
      let capacityDFN =
        try #require(a.series.dischargeCapacityMAhCm2.last)
        - a.series.dischargeCapacityMAhCm2[0]
      let capacitySPM =
        try #require(b.series.dischargeCapacityMAhCm2.last)
        - b.series.dischargeCapacityMAhCm2[0]
      #expect(abs(capacitySPM - capacityDFN) / abs(capacityDFN) < 0.02)
    }
    // Mid-discharge voltages within 15 mV.
    let discharge = (dfn.steps[1].series, spm.steps[1].series)
    let middle = discharge.0.voltageV[discharge.0.count / 2]
    let time = discharge.0.timeS[discharge.0.count / 2]
    let index = try #require(discharge.1.timeS.firstIndex { $0 >= time })
    #expect(abs(discharge.1.voltageV[index] - middle) < 0.015)
  }

  @Test func itsAnalyticJacobianAgreesWithColouredFiniteDifferences() throws {
    var capacities: [[Double]] = []
    for method in JacobianMethod.allCases {
      let run = try Simulator(
        options: SimulationOptions(mesh: .coarse, jacobian: method), kind: SingleParticleKind()
      ).run(cell: Self.cell, protocol: Self.cycle(28))
      #expect(run.completed, "\(method)")
      capacities.append(
        run.steps.map {
          abs(($0.series.dischargeCapacityMAhCm2.last ?? 0) - $0.series.dischargeCapacityMAhCm2[0])
        })
    }
    for (analytic, differences) in zip(capacities[0], capacities[1]) {
      #expect(abs(analytic - differences) <= 1e-4 * max(abs(differences), 1e-3))
    }
  }
}
