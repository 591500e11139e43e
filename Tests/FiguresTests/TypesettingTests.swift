import Figures
import Testing

@Suite struct TypesettingTests {
  @Test(arguments: [
    ("mA/cm2", "mA cm^{-2}"), ("mAh/g", "mAh g^{-1}"), ("m2/s", "m^{2} s^{-1}"),
    ("ohm m2", "Ω m^{2}"), ("degC", "°C"), ("um", "µm"), ("mol/m3", "mol m^{-3}"),
    ("V", "V"), ("%", "%"), ("", ""), ("1", ""), ("1/s", "s^{-1}"),
  ])
  func unitsAreTypesetAsPapersPrintThem(unit: String, expected: String) {
    #expect(UnitText.markup(unit) == expected)
  }

  @Test func exponentsAreSetWithATrueMinus() {
    let runs = UnitText.axisLabel("Capacity", unit: "mA/cm2").runs
    #expect(runs.map(\.text) == ["Capacity (mA cm", "−2", ")"])
  }

  @Test func markupSplitsIntoRaisedAndLoweredRuns() {
    let text = RichText("\\eta_{rxn} in mA cm^{-2}, Li^+")
    #expect(text.runs.map(\.text) == ["η", "rxn", " in mA cm", "−2", ", Li", "+"])
    #expect(text.runs.map(\.script) == [.normal, .lowered, .normal, .raised, .normal, .raised])
    #expect(text.plain == "η_rxn in mA cm^−2, Li^+")
  }

  @Test func scriptsAreSmallerAndOffsetFromTheBaseline() {
    var drawing = Drawing(width: 100, height: 40)
    drawing.draw(RichText("cm^{2}"), at: Point(x: 10, y: 20), size: 10)
    guard case .text(_, let base, let baseSize, _, _, _, _) = drawing.commands[0],
      case .text(_, let raised, let raisedSize, _, _, _, _) = drawing.commands[1]
    else {
      Issue.record("expected two text runs")
      return
    }
    #expect(raisedSize < baseSize)
    #expect(raised.y < base.y)
    #expect(raised.x > base.x)
  }

  @Test func rotatedTextAdvancesUpwards() {
    var drawing = Drawing(width: 100, height: 100)
    drawing.draw(RichText("a^{2}"), at: Point(x: 50, y: 50), size: 10, angleDegrees: 90)
    guard case .text(_, let second, _, _, _, _, _) = drawing.commands[1] else {
      Issue.record("expected two runs")
      return
    }
    #expect(second.y < 50)
    #expect(second.x < 50)
  }
}
