/// A statement from a paper that a study checks against its simulations.
public struct Claim: Sendable, Equatable {
  /// A short identifier, unique in the study.
  public let id: String
  /// The statement as the paper makes it.
  public let text: String
  /// Where the paper makes it (section, figure or table).
  public let source: String
  /// What is checked.
  public let test: ClaimTest

  /// A claim.
  public init(id: String, text: String, source: String, test: ClaimTest) {
    self.id = id
    self.text = text
    self.source = source
    self.test = test
  }
}

/// Which rows of a simulation's results a claim looks at.
public struct ResultSelection: Sendable, Equatable {
  /// The simulation.
  public let simulation: String
  /// Fixed values of the other sweep axes, by axis name (`SweepAxis.name`), in SI (currents
  /// in A/m²).
  public let fixed: [String: Double]
  /// Sweep axes restricted to a few of their values (for example the three N/P cases a
  /// paper compares), by axis name, in SI.
  public let among: [String: [Double]]

  /// A selection.
  public init(simulation: String, fixed: [String: Double], among: [String: [Double]] = [:]) {
    self.simulation = simulation
    self.fixed = fixed
    self.among = among
  }
}

extension ResultSelection {
  /// Whether two axis values are the same point: equal to nine significant digits, since
  /// sweep values come from unit conversion.
  public static func sameValue(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)
  }

  /// Whether `coordinates` (SI, by axis name) take every value of `fixed`.
  public static func matches(_ coordinates: [String: Double], fixed: [String: Double]) -> Bool {
    fixed.allSatisfy { axis, value in coordinates[axis].map { sameValue($0, value) } ?? false }
  }

  /// Whether a run at `coordinates` is selected: every fixed value taken, and every
  /// restricted axis at one of its listed values.
  public func matches(_ coordinates: [String: Double]) -> Bool {
    ResultSelection.matches(coordinates, fixed: fixed)
      && among.allSatisfy { axis, values in
        coordinates[axis].map { actual in
          values.contains { ResultSelection.sameValue($0, actual) }
        } ?? false
      }
  }
}

/// The kinds of check a claim can make.
public enum ClaimTest: Sendable, Equatable {
  /// `quantity` rises (or falls) monotonically along `axis`.
  case trend(quantity: ResultQuantity, axis: String, increasing: Bool, selection: ResultSelection)
  /// The maximum (or minimum) of `quantity` along `axis` lies in `range`.
  case extremum(
    quantity: ResultQuantity, axis: String, maximum: Bool, range: ClosedRange<Double>,
    selection: ResultSelection)
  /// `quantity` is above (or below) `value` in every selected row.
  case threshold(quantity: ResultQuantity, above: Bool, value: Double, selection: ResultSelection)
  /// Along `axis`, the values of `quantity` at `points` are in ascending (or descending) order.
  case ordering(
    quantity: ResultQuantity, axis: String, points: [Double], ascending: Bool,
    selection: ResultSelection)
  /// The simulated value agrees with an observation within a relative tolerance.
  case agreement(observation: String, relativeTolerance: Double)
  /// Across the selected rows, `quantity` varies by at most `atMost` (SI): it "barely depends"
  /// on `axis`.
  case spread(quantity: ResultQuantity, axis: String, atMost: Double, selection: ResultSelection)
  /// Along `axis`, `quantity` follows `other`: their Pearson correlation across the selected
  /// rows is at least `atLeast`.
  case correlation(
    quantity: ResultQuantity, other: ResultQuantity, axis: String, atLeast: Double,
    selection: ResultSelection)
}

/// A value measured in a paper's experiment, for comparison with the simulation.
public struct Observation: Sendable, Equatable {
  /// A short identifier, unique in the study.
  public let id: String
  /// The result quantity it corresponds to ("discharge.capacity").
  public let quantity: ResultQuantity
  /// The value in SI.
  public let value: Double
  /// The standard uncertainty in SI, if given.
  public let uncertainty: Double?
  /// The simulation row it belongs to.
  public let selection: ResultSelection
  /// Where the paper gives it (figure or table).
  public let source: String

  /// An observation.
  public init(
    id: String, quantity: ResultQuantity, value: Double, uncertainty: Double?,
    selection: ResultSelection,
    source: String
  ) {
    self.id = id
    self.quantity = quantity
    self.value = value
    self.uncertainty = uncertainty
    self.selection = selection
    self.source = source
  }
}
