import StudyModel

/// A `--set PATH=VALUE` override of one cell parameter, with units.
public enum CellOverride {
  private typealias Setter = @Sendable (inout CellParameters, Double) -> Void

  /// The values a parameter may take, as the cell loader enforces them.
  private enum Bound: Sendable {
    /// Strictly between 0 and 1.
    case fraction
    /// Greater than 0.
    case positive
    /// 0 or more.
    case nonNegative

    func violation(_ value: Double) -> String? {
      switch self {
      case .fraction: return value > 0 && value < 1 ? nil : "must be strictly between 0 and 1"
      case .positive: return value > 0 && value.isFinite ? nil : "must be positive"
      case .nonNegative: return value >= 0 && value.isFinite ? nil : "must not be negative"
      }
    }
  }

  private static func electrode(
    _ side: WritableKeyPath<CellParameters, ElectrodeParameters> & Sendable
  )
    -> [String: (Dimension, Bound, Setter)]
  {
    [
      "thickness": (.length, .positive, { $0[keyPath: side].thicknessM = $1 }),
      "porosity": (.none, .fraction, { $0[keyPath: side].porosity = $1 }),
      "active_fraction": (.none, .fraction, { $0[keyPath: side].activeFraction = $1 }),
      "particle_radius": (.length, .positive, { $0[keyPath: side].particleRadiusM = $1 }),
      "conductivity": (.conductivity, .positive, { $0[keyPath: side].conductivitySM = $1 }),
      "bruggeman": (.none, .nonNegative, { $0[keyPath: side].bruggemanElectrolyte = $1 }),
      "bruggeman_solid": (.none, .nonNegative, { $0[keyPath: side].bruggemanSolid = $1 }),
      "film_resistance": (
        .areaResistance, .nonNegative, { $0[keyPath: side].filmResistanceOhmM2 = $1 }
      ),
      "initial_stoichiometry": (.none, .fraction, { $0[keyPath: side].initialStoichiometry = $1 }),
      "max_concentration": (
        .concentration, .positive, { $0[keyPath: side].maxConcentrationMolM3 = $1 }
      ),
      "diffusivity": (.diffusivity, .positive, { $0[keyPath: side].diffusivity = .constant($1) }),
      "rate_constant": (.rateConstant, .positive, { $0[keyPath: side].rateConstant = $1 }),
      "transfer_coefficient": (
        .none, .fraction, { $0[keyPath: side].anodicTransferCoefficient = $1 }
      ),
    ]
  }

  private static let paths: [String: (Dimension, Bound, Setter)] = {
    var table: [String: (Dimension, Bound, Setter)] = [
      "separator.thickness": (.length, .positive, { $0.separator.thicknessM = $1 }),
      "separator.porosity": (.none, .fraction, { $0.separator.porosity = $1 }),
      "separator.bruggeman": (.none, .nonNegative, { $0.separator.bruggeman = $1 }),
      "electrolyte.initial_concentration": (
        .concentration, .positive, { $0.electrolyte.initialConcentrationMolM3 = $1 }
      ),
      "electrolyte.transference_number": (
        .none, .fraction, { $0.electrolyte.transferenceNumber = $1 }
      ),
      "electrolyte.diffusivity": (
        .diffusivity, .positive, { $0.electrolyte.diffusivity = .constant($1) }
      ),
      "electrolyte.conductivity": (
        .conductivity, .positive, { $0.electrolyte.conductivity = .constant($1) }
      ),
      "temperature": (.temperature, .positive, { $0.temperatureK = $1 }),
      "contact_resistance": (.areaResistance, .nonNegative, { $0.contactResistanceOhmM2 = $1 }),
      "area": (.area, .positive, { $0.areaM2 = $1 }),
    ]
    for (key, entry) in electrode(\.negative) { table["negative.\(key)"] = entry }
    for (key, entry) in electrode(\.positive) { table["positive.\(key)"] = entry }
    return table
  }()

  /// The dimension of the parameter at `path`, if it is one.
  public static func dimension(of path: String) -> Dimension? { paths[path]?.0 }

  /// The parameter paths that can be overridden.
  public static var knownPaths: [String] { paths.keys.sorted() }

  /// Applies `assignment` ("negative.thickness=70 um") to `cell`.
  public static func apply(_ assignment: String, to cell: inout CellParameters) throws(UnitError) {
    guard let equals = assignment.firstIndex(of: "=") else {
      throw UnitError(
        message: "'\(assignment)' is not PATH=VALUE, for example 'negative.thickness=70 um'")
    }
    let path = assignment[..<equals].trimmingCharacters(in: .whitespaces)
    let value = String(assignment[assignment.index(after: equals)...])
    guard let (dimension, bound, setter) = paths[path] else {
      let hint =
        Suggestions.closest(to: path, in: knownPaths).map { "; did you mean '\($0)'?" } ?? ""
      throw UnitError(message: "unknown parameter '\(path)'\(hint)")
    }
    let number = try QuantityParser.parse(value, dimension: dimension)
    if let violation = bound.violation(number) {
      throw UnitError(
        message: "'\(path)' \(violation), got \(value.trimmingCharacters(in: .whitespaces))")
    }
    setter(&cell, number)
  }
}
