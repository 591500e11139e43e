import Analysis
import Electrochem
import Engine
import StudyLoader
import StudyModel
import Testing

/// Every kind of step and termination the engine offers, on the seed cell at N/P 1.6.
@Suite struct ProtocolFeatureTests {
  private func steps(_ texts: [String]) throws -> [ProtocolStep] {
    try texts.map { text in try ProtocolStepParser.parse(text) }
  }

  private func run(_ texts: [String]) throws -> RunResult {
    try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: ReferenceCells.seed(np: 1.6), protocol: try steps(texts))
  }

  @Test func constantCurrentConstantVoltageThenRestThenDischarge() throws {
    let run = try run([
      "Charge at 0.75 mA/cm2 until 4.2 V", "Hold at 4.2 V until 0.05 mA/cm2", "Rest for 30 minutes",
      "Discharge at 0.75 mA/cm2 until 2.5 V",
    ])
    #expect(run.completed)
    #expect(
      run.steps.map(\.reason) == [
        .voltageLimit(4.2), .currentLimit(0.5), .duration(1800), .voltageLimit(2.5),
      ])
    // The hold keeps the voltage at 4.2 V while the current decays to the cut-off.
    let hold = run.steps[1].series
    #expect(hold.voltageV.allSatisfy { abs($0 - 4.2) < 1e-6 })
    #expect(abs(hold.currentAm2.last ?? 0) <= 0.5 + 1e-6)
    #expect(hold.currentAm2.allSatisfy { $0 < 0 })
    // The rest carries no current and its voltage relaxes downwards towards the OCV.
    let rest = run.steps[2].series
    #expect(rest.currentAm2.allSatisfy { abs($0) < 1e-9 })
    #expect((rest.voltageV.last ?? 0) < (rest.voltageV.first ?? 0))
    #expect(abs((rest.timeS.last ?? 0) - (rest.timeS.first ?? 0) - 1800) < 1e-6)
    // Time runs on across steps.
    for (before, after) in zip(run.steps, run.steps.dropFirst()) {
      #expect(before.series.timeS.last == after.series.timeS.first)
    }
  }

  @Test func capacityAndTimeLimitsEndStepsAndTheFirstLimitWins() throws {
    let run = try run([
      "Charge at 2.8 mA/cm2 until 1 mAh/cm2 or 4.2 V",
      "Discharge at 2.8 mA/cm2 for 10 minutes or until 2.5 V",
    ])
    #expect(run.steps.map(\.reason) == [.capacityLimit(1), .duration(600)])
    let charge = StepMetrics(series: run.steps[0].series, cell: ReferenceCells.seed(np: 1.6))
    #expect(abs(charge.capacityMAhCm2 - 1) < 1e-6)
    let discharge = StepMetrics(series: run.steps[1].series, cell: ReferenceCells.seed(np: 1.6))
    // 2.8 mA/cm² for 600 s is 0.4667 mAh/cm².
    #expect(abs(discharge.capacityMAhCm2 - 2.8 * 600 / 3600) < 1e-6)
  }

  @Test func stepWhoseLimitHoldsAtTheStartEndsAtOnce() throws {
    let run = try run(["Discharge at 1 mA/cm2 until 3.9 V"])
    #expect(run.steps.first?.reason == .voltageLimit(3.9))
    #expect(run.steps.first?.series.count == 1)
  }

  @Test func lowNPChargeEndsWithTheNegativeElectrodeFull() throws {
    let cell = ReferenceCells.seed(np: 0.3)
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: cell,
      protocol: try steps([
        "Charge at 0.75 mA/cm2 until 4.2 V", "Discharge at 0.75 mA/cm2 until 2.5 V",
      ]))
    #expect(run.completed)
    let charge = try #require(run.steps.first)
    #expect([EndReason.negativeFull, .voltageLimit(4.2)].contains(charge.reason))
    let metrics = StepMetrics(series: charge.series, cell: cell)
    #expect(metrics.platingOnsetS != nil)
    #expect(metrics.negativeUtilization > 0.9)
  }
}
