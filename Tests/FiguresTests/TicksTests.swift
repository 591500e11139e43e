import Figures
import Testing

@Suite struct TicksTests {
  @Test func linearTicksUseNiceStepsAndCoverTheRange() {
    let ticks = Ticks.linear(0.27, 2.31, target: 5)
    #expect(ticks.major == [0.5, 1, 1.5, 2])
    #expect(ticks.labels == ["0.5", "1.0", "1.5", "2.0"])
    #expect(ticks.minor.contains(0.3) && ticks.minor.contains(2.3))
    #expect(!ticks.minor.contains(1.0))
  }

  @Test func labelsUseATrueMinusAndNeverNegativeZero() {
    let ticks = Ticks.linear(-0.21, 0.21, target: 4)
    #expect(ticks.labels.contains("−0.2"))
    #expect(ticks.labels.contains("0.0"))
    #expect(!ticks.labels.contains { $0.contains("-") })
  }

  @Test func quarterStepsGetTheirExtraDecimal() {
    let ticks = Ticks.linear(0, 1.25, target: 6)
    #expect(ticks.major == [0, 0.25, 0.5, 0.75, 1, 1.25])
    #expect(ticks.labels == ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25"])
  }

  @Test func logTicksAreDecadesWithMinorTicksBetween() {
    let ticks = Ticks.logarithmic(0.05, 200)
    #expect(ticks.major == [0.1, 1, 10, 100])
    #expect(ticks.labels == ["0.1", "1", "10", "100"])
    #expect(ticks.minor.contains(0.05) && ticks.minor.contains(200))
    let wide = Ticks.logarithmic(1e-8, 1e-2)
    #expect(wide.labels.first == "10^{-8}")
  }

  @Test func hugeAndTinyValuesGetPowersOfTen() {
    let ticks = Ticks.linear(0, 3e5, target: 3)
    #expect(ticks.labels.last?.contains("\\times10^{5}") == true)
  }

  @Test func shortestFormatKeepsOnlyNeededDecimals() {
    #expect(Ticks.shortest(2.8) == "2.8")
    #expect(Ticks.shortest(0.75) == "0.75")
    #expect(Ticks.shortest(5.48) == "5.48")
    #expect(Ticks.shortest(1) == "1")
  }
}
