/// A physical dimension as exponents of the SI base units m, kg, s, A, K, mol.
public struct UnitDimension: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Exponents of m, kg, s, A, K, mol.
  public var exponents: [Double]

  /// A dimension from its exponents.
  public init(
    m: Double = 0, kg: Double = 0, s: Double = 0, a: Double = 0, k: Double = 0, mol: Double = 0
  ) {
    exponents = [m, kg, s, a, k, mol]
  }

  private init(exponents: [Double]) {
    self.exponents = exponents
  }

  /// No dimension.
  public static let none = UnitDimension()
  /// Length, m.
  public static let length = UnitDimension(m: 1)
  /// Area, m².
  public static let area = UnitDimension(m: 2)
  /// Time, s.
  public static let time = UnitDimension(s: 1)
  /// Temperature, K.
  public static let temperature = UnitDimension(k: 1)
  /// Amount concentration, mol/m³.
  public static let concentration = UnitDimension(m: -3, mol: 1)
  /// Number density, 1/m³.
  public static let numberDensity = UnitDimension(m: -3)
  /// Diffusivity, m²/s.
  public static let diffusivity = UnitDimension(m: 2, s: -1)
  /// Conductivity, S/m.
  public static let conductivity = UnitDimension(m: -3, kg: -1, s: 3, a: 2)
  /// Area-specific resistance, Ω m².
  public static let areaResistance = UnitDimension(m: 4, kg: 1, s: -3, a: -2)
  /// Mass density, kg/m³.
  public static let density = UnitDimension(m: -3, kg: 1)
  /// Current, A.
  public static let current = UnitDimension(a: 1)
  /// Current density, A/m².
  public static let currentDensity = UnitDimension(m: -2, a: 1)
  /// Voltage, V.
  public static let voltage = UnitDimension(m: 2, kg: 1, s: -3, a: -1)
  /// Charge, C (A s).
  public static let charge = UnitDimension(s: 1, a: 1)
  /// Areal charge, C/m².
  public static let arealCharge = UnitDimension(m: -2, s: 1, a: 1)
  /// Specific charge, C/kg.
  public static let specificCharge = UnitDimension(kg: -1, s: 1, a: 1)
  /// The Butler–Volmer rate constant of j0 = k c_e^½ c_s^½ (c_max − c_s)^½: A/m² (m³/mol)^1.5.
  public static let rateConstant = UnitDimension(m: 2.5, a: 1, mol: -1.5)
  /// Pressure and stress, Pa.
  public static let pressure = UnitDimension(m: -1, kg: 1, s: -2)

  /// The product of two dimensions.
  public static func * (lhs: UnitDimension, rhs: UnitDimension) -> UnitDimension {
    UnitDimension(exponents: zip(lhs.exponents, rhs.exponents).map { $0 + $1 })
  }

  /// This dimension raised to `power`.
  public func raised(to power: Double) -> UnitDimension {
    UnitDimension(exponents: exponents.map { $0 * power })
  }

  /// The SI form, for example "m^2/s" or "A/m^2".
  public var description: String {
    let names = ["kg", "m", "s", "A", "K", "mol"]
    let ordered = [
      exponents[1], exponents[0], exponents[2], exponents[3], exponents[4], exponents[5],
    ]
    func power(_ name: String, _ exponent: Double) -> String {
      exponent == 1 ? name : "\(name)^\(exponent.plainText)"
    }
    let numerator = zip(names, ordered).filter { $0.1 > 0 }.map { power($0.0, $0.1) }
    let denominator = zip(names, ordered).filter { $0.1 < 0 }.map { power($0.0, -$0.1) }
    if numerator.isEmpty && denominator.isEmpty { return "dimensionless" }
    let top = numerator.isEmpty ? "1" : numerator.joined(separator: " ")
    return denominator.isEmpty ? top : "\(top)/" + denominator.joined(separator: " ")
  }
}

extension Double {
  /// The shortest text for a number: integers without a decimal point.
  public var plainText: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
