/// One row of a simulation's results: the sweep coordinates and the quantities (SI units).
public struct ResultRow: Sendable, Equatable, Codable {
  /// Axis values by axis name.
  public let coordinates: [String: Double]
  /// Quantity values (stored as an object keyed by each quantity's name): the steps of the
  /// first cycle, the last cycle and the run.
  public let quantities: [ResultQuantity: Double]
  /// Every cycle's values, for a run in cycles.
  public let cycles: CycleTable?

  /// A row.
  public init(
    coordinates: [String: Double], quantities: [ResultQuantity: Double], cycles: CycleTable? = nil
  ) {
    self.coordinates = coordinates
    self.quantities = quantities
    self.cycles = cycles
  }

  /// The value of `quantity`, if the run has it (`cycleN.METRIC` from the cycle table).
  public subscript(_ quantity: ResultQuantity) -> Double? {
    if case .cycle(let cycle, let metric) = quantity, let cycles {
      return cycles.value(metric, cycle: cycle)
    }
    return quantities[quantity]
  }
}

extension ResultQuantity: Codable {
  /// Reads a quantity written as its name.
  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let quantity = ResultQuantity(name) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "unknown quantity '\(name)'"))
    }
    self = quantity
  }

  /// Writes the quantity as its name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
  }
}

extension ResultQuantity: CodingKeyRepresentable {
  private struct Key: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// The quantity's name as a coding key.
  public var codingKey: any CodingKey { Key(stringValue: name) }

  /// The quantity named by `codingKey`, if it is one.
  public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}
