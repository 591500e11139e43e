/// A physical dimension as exponents of the SI base units m, kg, s, A, K, mol.
public struct Dimension: Sendable, Equatable, Hashable, CustomStringConvertible {
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
  public static let none = Dimension()
  /// Length, m.
  public static let length = Dimension(m: 1)
  /// Area, m².
  public static let area = Dimension(m: 2)
  /// Time, s.
  public static let time = Dimension(s: 1)
  /// Temperature, K.
  public static let temperature = Dimension(k: 1)
  /// Amount concentration, mol/m³.
  public static let concentration = Dimension(m: -3, mol: 1)
  /// Number density, 1/m³.
  public static let numberDensity = Dimension(m: -3)
  /// Diffusivity, m²/s.
  public static let diffusivity = Dimension(m: 2, s: -1)
  /// Conductivity, S/m.
  public static let conductivity = Dimension(m: -3, kg: -1, s: 3, a: 2)
  /// Area-specific resistance, Ω m².
  public static let areaResistance = Dimension(m: 4, kg: 1, s: -3, a: -2)
  /// Mass density, kg/m³.
  public static let density = Dimension(m: -3, kg: 1)
  /// Current, A.
  public static let current = Dimension(a: 1)
  /// Current density, A/m².
  public static let currentDensity = Dimension(m: -2, a: 1)
  /// Voltage, V.
  public static let voltage = Dimension(m: 2, kg: 1, s: -3, a: -1)
  /// Charge, C (A s).
  public static let charge = Dimension(s: 1, a: 1)
  /// Areal charge, C/m².
  public static let arealCharge = Dimension(m: -2, s: 1, a: 1)
  /// Specific charge, C/kg.
  public static let specificCharge = Dimension(kg: -1, s: 1, a: 1)
  /// The Butler–Volmer rate constant of j0 = k c_e^½ c_s^½ (c_max − c_s)^½: A/m² (m³/mol)^1.5.
  public static let rateConstant = Dimension(m: 2.5, a: 1, mol: -1.5)

  /// The product of two dimensions.
  public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
    Dimension(exponents: zip(lhs.exponents, rhs.exponents).map { $0 + $1 })
  }

  /// This dimension raised to `power`.
  public func raised(to power: Double) -> Dimension {
    Dimension(exponents: exponents.map { $0 * power })
  }

  /// The SI form, for example "m^2/s" or "A/m^2".
  public var description: String {
    let names = ["kg", "m", "s", "A", "K", "mol"]
    let ordered = [
      exponents[1], exponents[0], exponents[2], exponents[3], exponents[4], exponents[5],
    ]
    func power(_ name: String, _ exponent: Double) -> String {
      exponent == 1 ? name : "\(name)^\(exponent.formatted)"
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
  var formatted: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
