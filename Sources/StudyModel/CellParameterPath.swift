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
  private let reader: @Sendable (CellParameters) -> Double?

  private init(
    _ name: String, _ dimension: UnitDimension, _ bound: Bound,
    _ setter: @escaping @Sendable (inout CellParameters, Double) -> Void
  ) {
    self.init(name, dimension, bound, read: { _ in 0 }, write: setter)
  }

  private init(
    _ name: String, _ dimension: UnitDimension, _ bound: Bound,
    read reader: @escaping @Sendable (CellParameters) -> Double?,
    write setter: @escaping @Sendable (inout CellParameters, Double) -> Void
  ) {
    self.name = name
    self.dimension = dimension
    self.bound = bound
    self.reader = reader
    self.setter = setter
  }

  /// Whether `cell` has the parameter: a degradation parameter needs its submodel (and, for
  /// an SEI rate, the SEI form it belongs to) in the cell file.
  public func exists(in cell: CellParameters) -> Bool { reader(cell) != nil }

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

  /// The degradation parameters of electrode `side` that studies may sweep and fit; each
  /// exists only where the cell turns its submodel on.
  private static func degradation(
    _ side: String, _ part: WritableKeyPath<CellParameters, ElectrodeParameters> & Sendable
  ) -> [CellParameterPath] {
    let solvent = CellParameterPath(
      "\(side).sei.solvent_diffusivity", .diffusivity, .positive,
      read: {
        guard case .solventDiffusion(let d, _)? = $0[keyPath: part].degradation.sei?.limit
        else { return nil }
        return d
      },
      write: {
        guard case .solventDiffusion(_, let c)? = $0[keyPath: part].degradation.sei?.limit
        else { return }
        $0[keyPath: part].degradation.sei?.limit = .solventDiffusion(
          diffusivityM2s: $1, solventConcentrationMolM3: c)
      })
    let exchange = CellParameterPath(
      "\(side).sei.exchange_current", .currentDensity, .positive,
      read: {
        guard case .reaction(let j0, _)? = $0[keyPath: part].degradation.sei?.limit
        else { return nil }
        return j0
      },
      write: {
        guard case .reaction(_, let alpha)? = $0[keyPath: part].degradation.sei?.limit
        else { return }
        $0[keyPath: part].degradation.sei?.limit = .reaction(
          exchangeCurrentAm2: $1, transferCoefficient: alpha)
      })
    let resistivity = CellParameterPath(
      "\(side).sei.resistivity", UnitDimension(m: 3, kg: 1, s: -3, a: -2), .nonNegative,
      read: { $0[keyPath: part].degradation.sei?.resistivityOhmM },
      write: { $0[keyPath: part].degradation.sei?.resistivityOhmM = $1 })
    let platingRate = CellParameterPath(
      "\(side).plating.rate_constant", UnitDimension(m: 1, s: -1), .positive,
      read: { $0[keyPath: part].degradation.plating?.rateConstantMs },
      write: { $0[keyPath: part].degradation.plating?.rateConstantMs = $1 })
    let decay = CellParameterPath(
      "\(side).plating.dead_lithium_decay", UnitDimension(s: -1), .positive,
      read: {
        guard
          case .partiallyReversible(let gamma)? = $0[keyPath: part].degradation.plating?
            .reversibility
        else { return nil }
        return gamma
      },
      write: {
        guard case .partiallyReversible? = $0[keyPath: part].degradation.plating?.reversibility
        else { return }
        $0[keyPath: part].degradation.plating?.reversibility = .partiallyReversible(
          deadLithiumDecayPerS: $1)
      })
    let lithiation = CellParameterPath(
      "\(side).loss_of_active_material.lithiation.rate", .none, .positive,
      read: { $0[keyPath: part].degradation.activeMaterialLoss?.lithiation?.rate },
      write: { $0[keyPath: part].degradation.activeMaterialLoss?.lithiation?.rate = $1 })
    let stress = CellParameterPath(
      "\(side).loss_of_active_material.stress.rate_constant", UnitDimension(s: -1), .positive,
      read: { $0[keyPath: part].degradation.activeMaterialLoss?.stress?.rateConstantPerS },
      write: { $0[keyPath: part].degradation.activeMaterialLoss?.stress?.rateConstantPerS = $1 })
    return [solvent, exchange, resistivity, platingRate, decay, lithiation, stress]
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
    paths += degradation("negative", \.negative) + degradation("positive", \.positive)
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
