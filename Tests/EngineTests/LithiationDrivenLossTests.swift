import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

/// The lithiation-driven loss of active material: material is lost only while its particles
/// fill, lithium is conserved once the lost lithium is counted, and a slow charge loses the
/// share β (x₁^(m+1) − x₀^(m+1)) / (m + 1) that the rate law integrates to.
@Suite struct LithiationDrivenLossTests {
  private static let beta = 0.2
  private static let exponent = 2.0

  private func cell() -> CellParameters {
    var cell = ReferenceCells.seed(np: 1.2)
    cell.negative.degradation.activeMaterialLoss = ActiveMaterialLoss(
      lithiation: .init(rate: Self.beta, exponent: Self.exponent))
    return cell
  }

  private func run(density: Double) throws -> RunResult {
    try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: cell(),
      protocol: [
        ProtocolStep(
          mode: .charge(.density(density)), limits: [.voltage(4.2)], text: "Charge until 4.2 V"),
        ProtocolStep(mode: .rest, limits: [.duration(600)], text: "Rest for 10 minutes"),
        ProtocolStep(
          mode: .discharge(.density(density)), limits: [.voltage(2.5)],
          text: "Discharge until 2.5 V"),
      ])
  }

  @Test func losesMaterialOnlyWhileLithiatingAndConservesLithium() throws {
    let run = try run(density: 28)
    #expect(run.completed)
    let charge = run.steps[0].series.observations
    let afterCharge = try #require(charge.last).activeMaterialLost.negative
    #expect(afterCharge > 1e-3, "lost on charge: \(afterCharge)")
    // At rest the electrode evens out: volumes near the separator, fuller, empty into those
    // behind them, which fill a little and lose a little material. On discharge every
    // particle empties and nothing is lost.
    func change(_ step: StepResult) -> Double {
      let lost = step.series.observations.map(\.activeMaterialLost.negative)
      return (lost.max() ?? 0) - (lost.min() ?? 0)
    }
    #expect(change(run.steps[1]) < 0.05 * afterCharge, "rest: \(change(run.steps[1]))")
    #expect(change(run.steps[2]) <= 1e-9 * afterCharge, "discharge: \(change(run.steps[2]))")
    #expect(
      run.steps.allSatisfy {
        $0.series.observations.allSatisfy { $0.activeMaterialLost.positive == 0 }
      })
    let observations = run.steps.flatMap(\.series.observations)
    let initial = try #require(observations.first).lithiumMolM2
    let drift = observations.map { abs($0.lithiumMolM2 - initial) / initial }.max() ?? .nan
    #expect(drift <= 1e-6, "lithium drift \(drift)")
    #expect(try #require(observations.last).lostActiveLithiumMolM2 > 0)
  }

  @Test func aSlowChargeLosesWhatTheRateLawIntegratesTo() throws {
    let run = try run(density: 1)
    let charge = run.steps[0].series.observations
    let start = try #require(charge.first)
    let end = try #require(charge.last)
    // Uniform particles: d ln ε_s = −β x^m dx, so the share lost is
    // 1 − exp(−β (x₁^(m+1) − x₀^(m+1)) / (m + 1)).
    let m = Self.exponent
    let integral =
      Self.beta
      * (pow(end.negativeStoichiometry, m + 1) - pow(start.negativeStoichiometry, m + 1)) / (m + 1)
    let expected = 1 - exp(-integral)
    let lost = end.activeMaterialLost.negative
    #expect(abs(lost - expected) / expected < 0.03, "lost \(lost), expected \(expected)")
  }

  @Test func aLargerSwingLosesMore() throws {
    var losses: [Double] = []
    for np in [0.9, 1.2, 2.0] {
      var cell = ReferenceCells.seed(np: np)
      cell.negative.degradation.activeMaterialLoss = ActiveMaterialLoss(
        lithiation: .init(rate: Self.beta, exponent: Self.exponent))
      let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
        cell: cell, protocol: [AgingCase.cycle[0]])
      losses.append(try #require(run.steps[0].ends).end.activeMaterialLost.negative)
    }
    #expect(losses[0] > losses[1] && losses[1] > losses[2], "\(losses)")
  }
}
