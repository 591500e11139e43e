import StudyLoader
import StudyModel
import Testing

@Suite struct UnitTests {
  static let cases: [(String, UnitDimension, Double)] = [
    ("86.7 um", UnitDimension.length, 86.7e-6),
    ("2.8 mA/cm2", UnitDimension.currentDensity, 28),
    ("0.0035 ohm m2", UnitDimension.areaResistance, 0.0035),
    ("5e-14 m2/s", UnitDimension.diffusivity, 5e-14),
    ("25 degC", UnitDimension.temperature, 298.15),
    ("3.01e28 1/m3", UnitDimension.numberDensity, 3.01e28),
    ("2.24 g/cm3", UnitDimension.density, 2240),
    ("415 mAh/g", UnitDimension.specificCharge, 415 * 3.6 * 1000),
    ("100 S/m", UnitDimension.conductivity, 100),
    ("6.48e-7 A/m2 (m3/mol)^1.5", UnitDimension.rateConstant, 6.48e-7),
    ("1 M", UnitDimension.concentration, 1000),
    ("0.216", UnitDimension.none, 0.216),
    ("60 %", UnitDimension.none, 0.6),
  ]

  @Test(arguments: cases)
  func convertsToSI(text: String, dimension: UnitDimension, expected: Double) throws {
    let value = try QuantityParser.parse(text, dimension: dimension)
    #expect(abs(value - expected) <= 1e-12 * abs(expected))
  }

  @Test func rejectsTheWrongDimensionWithAnExample() {
    #expect(throws: UnitError.self) { try QuantityParser.parse("86.7 mA", dimension: .length) }
    do {
      _ = try QuantityParser.parse("86.7 mA", dimension: .length)
    } catch {
      #expect(error.message == "'mA' is A, but this field needs m, such as '86.7 um'")
    }
  }

  @Test func refusesAShareWhereAUnitIsNeeded() {
    do {
      _ = try QuantityParser.parse("60 %", dimension: .length)
      Issue.record("a share is not a length")
    } catch {
      #expect(error.message == "'%' is dimensionless, but this field needs m, such as '86.7 um'")
    }
  }

  @Test func rejectsABareNumberWhereAUnitIsNeeded() {
    do {
      _ = try QuantityParser.parse("86.7", dimension: .length)
      Issue.record("a bare thickness must be refused")
    } catch {
      #expect(error.message == "a unit is missing: write it as '86.7 um'")
    }
  }

  @Test func rejectsUnknownUnits() {
    #expect(throws: UnitError.self) { try QuantityParser.parse("3 furlongs", dimension: .length) }
  }
}
