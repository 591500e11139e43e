/// A cell as a study or the library declares it: its parameters and what it is.
public struct CellDefinition: Sendable, Equatable {
  /// The name it is referred to by.
  public let name: String
  /// One line on what the cell is.
  public let description: String
  /// Where the values come from.
  public let source: String
  /// The parameters in SI units.
  public var parameters: CellParameters
  /// The capacity that C-rates refer to, Ah (nil when not declared).
  public var nominalCapacityAh: Double?
  /// The files the definition was read from (its YAML, its base entries, their tables),
  /// sorted; their bytes are part of every content hash that depends on the cell.
  public var inputFiles: [String] = []
  /// The sources of the cell's parts: `negative.material`, `positive.material` and
  /// `electrolyte` (the library entries' `source` texts), beside the cell's own `source`.
  public var partSources: [String: String] = [:]

  /// A cell definition.
  public init(
    name: String, description: String, source: String, parameters: CellParameters,
    nominalCapacityAh: Double?
  ) {
    self.name = name
    self.description = description
    self.source = source
    self.parameters = parameters
    self.nominalCapacityAh = nominalCapacityAh
  }
}
