import Analysis
import StudyModel
import Testing

/// The quantity called `name` (a test's own spelling, known to be valid).
private func q(_ name: String) -> ResultQuantity {
  guard let quantity = ResultQuantity(name) else { preconditionFailure("no quantity \(name)") }
  return quantity
}

@Suite struct ClaimEvaluatorTests {
  /// Capacity rising with N/P at two currents, peaking at N/P 1.0 for the per-gram quantity.
  private let results: [String: [ResultRow]] = [
    "np": [0.5, 0.8, 1.0, 1.35, 2.0].flatMap { np in
      [7.5, 28].map { current in
        ResultRow(
          coordinates: ["np": np, "current": current],
          quantities: [
            q("discharge.capacity"): (100 * np / (1 + np) - current) * 36000,  // C/m²
            q("discharge.capacity_per_gram_negative"): -(np - 1) * (np - 1) + 5,
            q("charge.duration"): 1000 * np,
          ])
      }
    }
  ]
  private let atLowCurrent = ResultSelection(simulation: "np", fixed: ["current": 7.5])

  private func check(_ test: ClaimTest, observations: [String: Observation] = [:]) -> ClaimVerdict {
    ClaimEvaluator.evaluate(
      Claim(id: "c", text: "t", source: "s", test: test), results: results,
      observations: observations)
  }

  @Test func trendPassesAndFailsWithTheDecidingNumbers() {
    let rising = check(
      .trend(
        quantity: q("discharge.capacity"), axis: "np", increasing: true, selection: atLowCurrent))
    #expect(rising.outcome == .pass)
    #expect(
      rising.evidence
        == "discharge.capacity rises at every one of 4 steps, from 25.83 mAh/cm² at np = 0.5000 to 59.17 mAh/cm² at np = 2.000"
    )
    let falling = check(
      .trend(
        quantity: q("discharge.capacity"), axis: "np", increasing: false, selection: atLowCurrent)
    )
    #expect(falling.outcome == .fail)
    #expect(
      falling.evidence.hasPrefix(
        "discharge.capacity does not fall from 25.83 mAh/cm² at np = 0.5000"))
  }

  @Test func extremumLocatesTheMaximum() {
    let inside = check(
      .extremum(
        quantity: q("discharge.capacity_per_gram_negative"), axis: "np", maximum: true,
        range: 0.9...1.1,
        selection: atLowCurrent))
    #expect(inside.outcome == .pass)
    let outside = check(
      .extremum(
        quantity: q("discharge.capacity_per_gram_negative"), axis: "np", maximum: true,
        range: 1.5...2.5,
        selection: atLowCurrent))
    #expect(outside.outcome == .fail)
  }

  @Test func thresholdOrderingAndAgreement() {
    #expect(
      check(
        .threshold(quantity: q("charge.duration"), above: true, value: 400, selection: atLowCurrent)
      ).outcome == .pass)
    #expect(
      check(
        .threshold(quantity: q("charge.duration"), above: true, value: 600, selection: atLowCurrent)
      ).outcome == .fail)
    let order = check(
      .ordering(
        quantity: q("charge.duration"), axis: "np", points: [0.8, 1.0, 1.35], ascending: true,
        selection: atLowCurrent))
    #expect(order.outcome == .pass)
    let missing = check(
      .ordering(
        quantity: q("charge.duration"), axis: "np", points: [0.8, 1.1], ascending: true,
        selection: atLowCurrent))
    #expect(missing.outcome == .undetermined)
    let observation = Observation(
      id: "o", quantity: q("discharge.capacity"), value: 42 * 36000, uncertainty: nil,
      selection: ResultSelection(simulation: "np", fixed: ["np": 1.0, "current": 7.5]),
      source: "Fig. 2")
    let agreement = check(
      .agreement(observation: "o", relativeTolerance: 0.05), observations: ["o": observation])
    #expect(agreement.outcome == .pass)
    #expect(
      agreement.evidence
        == "simulated 42.50 mAh/cm², observed 42.00 mAh/cm²: 1.190 % apart (tolerance 5.000 %)")
  }

  @Test func quantitiesAreReadByName() {
    #expect(ResultQuantity("discharge.capacity") == q("discharge.capacity"))
    #expect(ResultQuantity("step3.energy") == .step(.number(3), .energy))
    #expect(ResultQuantity("cycle100.retention") == .cycle(.number(100), .retention))
    #expect(ResultQuantity("run.cycles_to_ce_90") != nil)
    for wrong in [
      "discharge.capacty", "dischrage.capacity", "step0.capacity", "capacity", "cycle0.retention",
      "last_cycle.capacity", "run.retention",
    ] {
      #expect(ResultQuantity(wrong) == nil, "\(wrong)")
    }
  }

  @Test func spreadLooksOnlyAtTheListedCases() {
    // Among N/P 0.8, 1.0 and 1.35 the charge lasts 800 to 1350 s; over the sweep, 500 to 2000.
    let three = ResultSelection(
      simulation: "np", fixed: ["current": 7.5], among: ["np": [0.8, 1.0, 1.35]])
    let narrow = check(
      .spread(quantity: q("charge.duration"), axis: "np", atMost: 600, selection: three))
    #expect(narrow.outcome == .pass)
    #expect(
      narrow.evidence
        == "charge.duration over np = 0.8000, 1.000, 1.350 ranges from 800.0 s (np = 0.8000) to 1350 s (np = 1.350): a spread of 550.0 s, within 600.0 s"
    )
    let whole = check(
      .spread(quantity: q("charge.duration"), axis: "np", atMost: 600, selection: atLowCurrent))
    #expect(whole.outcome == .fail)
    #expect(whole.evidence.hasSuffix("a spread of 1500 s, more than 600.0 s"))
  }

  @Test func correlationFollowsTheSignOfTheRelation() {
    // Duration grows with N/P as capacity does; the per-gram capacity falls above N/P 1.
    let follows = check(
      .correlation(
        quantity: q("charge.duration"), other: q("discharge.capacity"), axis: "np", atLeast: 0.9,
        selection: atLowCurrent))
    #expect(follows.outcome == .pass)
    #expect(follows.evidence.hasPrefix("correlation of charge.duration with discharge.capacity"))
    let opposed = check(
      .correlation(
        quantity: q("discharge.capacity_per_gram_negative"), other: q("charge.duration"),
        axis: "np",
        atLeast: 0.9,
        selection: ResultSelection(
          simulation: "np", fixed: ["current": 7.5], among: ["np": [1.0, 1.35, 2.0]])))
    #expect(opposed.outcome == .fail)
    #expect(opposed.evidence.contains("r = -0.9"))
    let tooFew = check(
      .correlation(
        quantity: q("charge.duration"), other: q("discharge.capacity"), axis: "np", atLeast: 0.9,
        selection: ResultSelection(
          simulation: "np", fixed: ["current": 7.5], among: ["np": [1.0, 2.0]])))
    #expect(tooFew.outcome == .undetermined)
  }
}
