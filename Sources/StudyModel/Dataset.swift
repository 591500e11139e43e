/// A measured dataset: columns read from a CSV file, converted to SI.
public struct Dataset: Sendable, Equatable {
  /// Which way a current column counts.
  public enum CurrentSign: String, Sendable, Equatable, CaseIterable {
    /// Positive on discharge (Cellbook's and PyBaMM's convention).
    case dischargePositive = "discharge_positive"
    /// Positive on charge; values are negated on load.
    case chargePositive = "charge_positive"
  }

  /// The identifier.
  public let id: String
  /// The CSV file.
  public let file: String
  /// Column values in SI by the names the study gives them, in file order.
  public let columns: [String: [Double]]
  /// Each column's SI dimension.
  public let dimensions: [String: UnitDimension]
  /// The simulation and sweep point it compares with, if any.
  public let selection: ResultSelection?
  /// Where the data come from.
  public let source: String

  /// A dataset.
  public init(
    id: String, file: String, columns: [String: [Double]],
    dimensions: [String: UnitDimension] = [:], selection: ResultSelection?, source: String
  ) {
    self.id = id
    self.file = file
    self.columns = columns
    self.dimensions = dimensions
    self.selection = selection
    self.source = source
  }
}
