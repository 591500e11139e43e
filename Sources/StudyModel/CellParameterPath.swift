/// A cell parameter that studies sweep and `--set` overrides by name
/// ("negative.thickness"), with its dimension, the values it may take and where it goes.
public struct CellParameterPath: Sendable, Hashable, CustomStringConvertible {
  /// The values a parameter may take, as the cell loader enforces them.
  public enum Bound: Sendable, Hashable {
    /// Strictly between 0 and 1.
    case fraction
    /// Greater than 0.
    case positive
    /// 0 or more.
    case nonNegative

    /// Why `value` is not allowed, or nil when it is.
    public func violation(_ value: Double) -> String? {
      switch self {
      case .fraction: return value > 0 && value < 1 ? nil : "must be strictly between 0 and 1"
      case .positive: return value > 0 && value.isFinite ? nil : "must be positive"
      case .nonNegative: return value >= 0 && value.isFinite ? nil : "must not be negative"
      }
    }
  }

  /// The name as studies write it.
  public let name: String
  /// The SI dimension of its values.
  public let dimension: UnitDimension
  /// The values it may take.
  public let bound: Bound
  private let setter: @Sendable (inout CellParameters, Double) -> Void

  private init(
    _ name: String, _ dimension: UnitDimension, _ bound: Bound,
    _ setter: @escaping @Sendable (inout CellParameters, Double) -> Void
  ) {
    self.name = name
    self.dimension = dimension
    self.bound = bound
    self.setter = setter
  }

  /// The name.
  public var description: String { name }

  /// Sets the parameter of `cell` to `value` (SI).
  public func apply(_ value: Double, to cell: inout CellParameters) { setter(&cell, value) }

  /// Paths are equal when their names are.
  public static func == (lhs: CellParameterPath, rhs: CellParameterPath) -> Bool {
    lhs.name == rhs.name
  }

  /// Hashes the name.
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// The path called `name`, if there is one.
  public static func named(_ name: String) -> CellParameterPath? { table[name] }

  /// Every path's name, sorted.
  public static var names: [String] { table.keys.sorted() }

  private static func electrode(
    _ side: String, _ part: WritableKeyPath<CellParameters, ElectrodeParameters> & Sendable
  ) -> [CellParameterPath] {
    [
      .init("\(side).thickness", .length, .positive) { $0[keyPath: part].thicknessM = $1 },
      .init("\(side).porosity", .none, .fraction) { $0[keyPath: part].porosity = $1 },
      .init("\(side).active_fraction", .none, .fraction) {
        $0[keyPath: part].activeFraction = $1
      },
      .init("\(side).particle_radius", .length, .positive) {
        $0[keyPath: part].particleRadiusM = $1
      },
      .init("\(side).conductivity", .conductivity, .positive) {
        $0[keyPath: part].conductivitySM = $1
      },
      .init("\(side).bruggeman", .none, .nonNegative) {
        $0[keyPath: part].bruggemanElectrolyte = $1
      },
      .init("\(side).bruggeman_solid", .none, .nonNegative) {
        $0[keyPath: part].bruggemanSolid = $1
      },
      .init("\(side).film_resistance", .areaResistance, .nonNegative) {
        $0[keyPath: part].filmResistanceOhmM2 = $1
      },
      .init("\(side).initial_stoichiometry", .none, .fraction) {
        $0[keyPath: part].initialStoichiometry = $1
      },
      .init("\(side).max_concentration", .concentration, .positive) {
        $0[keyPath: part].maxConcentrationMolM3 = $1
      },
      .init("\(side).diffusivity", .diffusivity, .positive) {
        $0[keyPath: part].diffusivity = .constant($1)
      },
      .init("\(side).rate_constant", .rateConstant, .positive) {
        $0[keyPath: part].rateConstant = $1
      },
      .init("\(side).transfer_coefficient", .none, .fraction) {
        $0[keyPath: part].anodicTransferCoefficient = $1
      },
    ]
  }

  private static let table: [String: CellParameterPath] = {
    var paths: [CellParameterPath] = [
      .init("separator.thickness", .length, .positive) { $0.separator.thicknessM = $1 },
      .init("separator.porosity", .none, .fraction) { $0.separator.porosity = $1 },
      .init("separator.bruggeman", .none, .nonNegative) { $0.separator.bruggeman = $1 },
      .init("electrolyte.initial_concentration", .concentration, .positive) {
        $0.electrolyte.initialConcentrationMolM3 = $1
      },
      .init("electrolyte.transference_number", .none, .fraction) {
        $0.electrolyte.transferenceNumber = $1
      },
      .init("electrolyte.diffusivity", .diffusivity, .positive) {
        $0.electrolyte.diffusivity = .constant($1)
      },
      .init("electrolyte.conductivity", .conductivity, .positive) {
        $0.electrolyte.conductivity = .constant($1)
      },
      .init("temperature", .temperature, .positive) { $0.temperatureK = $1 },
      .init("contact_resistance", .areaResistance, .nonNegative) {
        $0.contactResistanceOhmM2 = $1
      },
      .init("area", .area, .positive) { $0.areaM2 = $1 },
    ]
    paths += electrode("negative", \.negative) + electrode("positive", \.positive)
    return Dictionary(uniqueKeysWithValues: paths.map { ($0.name, $0) })
  }()
}

/// A value of a cell parameter as written (units included) and in SI.
public struct ParameterValue: Sendable, Hashable {
  /// The text as written, for labels ("6 um").
  public let text: String
  /// The value in SI units.
  public let value: Double

  /// A value.
  public init(text: String, value: Double) {
    self.text = text
    self.value = value
  }
}

/// One parameter set to one value: a `--set` override or a point of a parameter sweep.
public struct ParameterOverride: Sendable, Hashable {
  /// The parameter.
  public let path: CellParameterPath
  /// Its value.
  public let value: ParameterValue

  /// An override.
  public init(path: CellParameterPath, value: ParameterValue) {
    self.path = path
    self.value = value
  }

  /// Sets the parameter of `cell`.
  public func apply(to cell: inout CellParameters) { path.apply(value.value, to: &cell) }
}
