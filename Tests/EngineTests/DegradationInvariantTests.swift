import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// What any correct solution with degradation obeys: lithium is conserved once the SEI,
/// plated, dead and lost lithium are counted; the SEI never shrinks; plated lithium is never
/// negative; and a submodel whose rate vanishes leaves the cell as it is without it.
@Suite struct DegradationInvariantTests {
  /// The first cycles of each PyBaMM cycling case, every cycle's series kept.
  private func run(_ reference: AgingCase, cycles: Int) throws -> RunResult {
    try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell,
      protocol: Array([[ProtocolStep]](repeating: AgingCase.cycle, count: cycles).joined()),
      cycling: CyclePlan(stepsPerCycle: AgingCase.cycle.count, keepEvery: 1))
  }

  @Test(arguments: AgingCase.all)
  func lithiumIsConservedAndDegradationOnlyGrows(_ reference: AgingCase) throws {
    let run = try run(reference, cycles: 4)
    #expect(run.completed)
    let observations = run.steps.flatMap(\.series.observations)
    let initial = try #require(observations.first).lithiumMolM2
    let drift = observations.map { abs($0.lithiumMolM2 - initial) / initial }.max() ?? .nan
    #expect(drift <= 1e-6, "lithium drift \(drift)")
    let thickness = observations.map(\.seiThicknessM)
    let shrinks = zip(thickness.dropFirst(), thickness).filter { $0 < $1 }
    #expect(shrinks.isEmpty, "the SEI thinned \(shrinks.count) times")
    #expect(thickness.last! > thickness.first!)
    let lowestPlated = observations.map(\.platedLithiumMolM2).min() ?? .nan
    let lowestDead = observations.map(\.deadLithiumMolM2).min() ?? .nan
    #expect(lowestPlated >= 0 && lowestDead >= 0, "plated \(lowestPlated), dead \(lowestDead)")
    let lost = observations.map { $0.activeMaterialLost.negative + $0.activeMaterialLost.positive }
    // The fractions are read from IDA's interpolating polynomial, which may wiggle by a
    // rounding error where the loss rate is nil.
    let back = zip(lost.dropFirst(), lost).map { $1 - $0 }.max() ?? 0
    #expect(back <= 1e-10, "active material came back: \(back)")
  }

  /// Each submodel at a vanishing rate gives the capacities and voltages of the cell without
  /// it: the side reactions couple into the DFN without offsets.
  @Test(arguments: ["sei", "plating", "loss"])
  func aVanishingRateLeavesTheCellAsItIs(_ submodel: String) throws {
    let base = ReferenceCells.seed(np: 0.8)
    var cell = base
    switch submodel {
    case "sei":
      cell.negative.degradation.sei = SEIGrowth(
        limit: .solventDiffusion(diffusivityM2s: 1e-40, solventConcentrationMolM3: 2636),
        partialMolarVolumeM3Mol: 9.585e-5, lithiumPerSEI: 1, resistivityOhmM: 0,
        initialThicknessM: 5e-9)
    case "plating":
      cell.negative.degradation.plating = LithiumPlating(
        reversibility: .partiallyReversible(deadLithiumDecayPerS: 1e-6), rateConstantMs: 1e-30,
        transferCoefficient: 0.65)
    default:
      cell.negative.degradation.activeMaterialLoss = ActiveMaterialLoss(
        stress: ActiveMaterialLoss.StressDriven(
          rateConstantPerS: 1e-30, exponent: 2, criticalStressPa: 6e7,
          partialMolarVolumeM3Mol: 3.1e-6, youngsModulusPa: 1.5e10, poissonRatio: 0.3,
          stressInducedDiffusion: false))
    }
    let simulator = Simulator(options: SimulationOptions(mesh: .coarse))
    let without = try simulator.run(cell: base, protocol: AgingCase.cycle)
    let with = try simulator.run(cell: cell, protocol: AgingCase.cycle)
    #expect(with.completed && without.completed)
    for (a, b) in zip(with.steps, without.steps) {
      let qa = try #require(a.ends).chargeMAhCm2
      let qb = try #require(b.ends).chargeMAhCm2
      #expect(abs(qa - qb) / qb <= 1e-5, "\(a.step.text): \(qa) against \(qb) mAh/cm²")
      let va = a.series.observations.map(\.voltageV)
      #expect(abs(va.last! - b.series.observations.last!.voltageV) <= 1e-5)
    }
  }
}
