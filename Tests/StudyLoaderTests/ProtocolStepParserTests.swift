import StudyLoader
import StudyModel
import Testing

@Suite struct ProtocolStepParserTests {
  static let accepted: [(String, ProtocolStep.Mode, [ProtocolStep.Limit])] = [
    ("Charge at 2.8 mA/cm2 until 4.2 V", .charge(.density(28)), [.voltage(4.2)]),
    ("Discharge at C/3 until 2.5 V", .discharge(.cRate(1.0 / 3)), [.voltage(2.5)]),
    ("Discharge at 1C until 2.5V", .discharge(.cRate(1)), [.voltage(2.5)]),
    ("Charge at 0.5 A until 4.2 V or 2 h", .charge(.total(0.5)), [.voltage(4.2), .duration(7200)]),
    ("Hold at 4.2 V until 50 mA", .hold(voltageV: 4.2), [.current(.total(0.05))]),
    ("Hold at 4.2 V until C/50", .hold(voltageV: 4.2), [.current(.cRate(0.02))]),
    ("Rest for 30 minutes", .rest, [.duration(1800)]),
    (
      "Discharge at 28 A/m2 for 1 hour or until 2.5 V", .discharge(.density(28)),
      [.duration(3600), .voltage(2.5)]
    ),
    ("Charge at 1 mA/cm2 until 2 mAh/cm2", .charge(.density(10)), [.capacity(.areal(2))]),
  ]

  @Test(arguments: accepted)
  func readsPyBaMMStepsAndTheExtensions(
    text: String, mode: ProtocolStep.Mode, limits: [ProtocolStep.Limit]
  ) throws {
    let step = try ProtocolStepParser.parse(text)
    #expect(step.mode == mode)
    #expect(step.limits == limits)
    #expect(step.text == text)
  }

  @Test func negativeChargeIsAnErrorNotADischarge() {
    do {
      _ = try ProtocolStepParser.parse("Charge at -1C until 4.2 V")
      Issue.record("'Charge at -1C' must be refused")
    } catch {
      #expect(error.message == "negative current '-1C': the verb already gives the direction")
      #expect(error.hint == "write 'Discharge at 1C' or drop the minus sign")
    }
  }

  @Test(arguments: [
    ("Charge at 1C", "the step has no end condition"),
    ("Walk at 1C until 4.2 V", "unknown step 'Walk'"),
    ("Rest until 3 V", "a rest can only end after a time"),
    ("Charge at 4 V until 4.2 V", "'4 V' is not a current"),
    ("Discharge at 1C for 2.5 V", "'for' needs a duration, not '2.5 V'"),
  ])
  func refusesWhatCannotBeRun(text: String, message: String) {
    #expect(throws: ProtocolStepError.self) { try ProtocolStepParser.parse(text) }
    do {
      _ = try ProtocolStepParser.parse(text)
    } catch {
      #expect(error.message == message)
    }
  }
}
