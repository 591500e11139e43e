/// One column of a result table: its key, how an axis names it, its unit and values.
public struct DataColumn: Sendable, Equatable {
  /// The key builders look it up by ("ratio", "voltage_V").
  public let name: String
  /// The quantity as axis-label markup ("Capacity per gram of anode").
  public let label: String
  /// The unit as written in study files ("mAh/g"); "" when dimensionless.
  public let unit: String
  /// The values, one per row.
  public let values: [Double]

  /// A column.
  public init(_ name: String, label: String, unit: String = "", values: [Double]) {
    self.name = name
    self.label = label
    self.unit = unit
    self.values = values
  }

  /// The axis this column is plotted on.
  public var axis: Axis { Axis(label, unit: unit) }
}

/// A table of results in display units: what figure builders take, never simulation state.
public struct DataTable: Sendable, Equatable {
  /// The columns, in order.
  public private(set) var columns: [DataColumn]

  /// A table of `columns`.
  public init(_ columns: [DataColumn] = []) {
    self.columns = columns
  }

  /// Appends a column.
  public mutating func append(_ column: DataColumn) {
    columns.append(column)
  }

  /// The column called `name`, if any.
  public subscript(_ name: String) -> DataColumn? {
    columns.first { $0.name == name }
  }

  /// The values of column `name`, empty when there is none.
  public func values(_ name: String) -> [Double] {
    self[name]?.values ?? []
  }

  /// The rows whose `name` column equals `value`, as a new table.
  public func filter(_ name: String, equals value: Double) -> DataTable {
    let key = values(name)
    let keep = key.indices.filter { abs(key[$0] - value) <= 1e-9 * max(1, abs(value)) }
    return DataTable(
      columns.map { column in
        DataColumn(
          column.name, label: column.label, unit: column.unit,
          values: keep.filter { $0 < column.values.count }.map { column.values[$0] })
      })
  }

  /// The distinct values of column `name`, in first-seen order.
  public func distinct(_ name: String) -> [Double] {
    var seen: [Double] = []
    for value in values(name) where !seen.contains(value) { seen.append(value) }
    return seen
  }
}

/// One labelled case: a table of a simulation's time series or profile ("N/P 0.8").
public struct LabelledTable: Sendable, Equatable {
  /// The legend entry, as markup.
  public let label: String
  /// The data.
  public let table: DataTable

  /// A labelled table.
  public init(_ label: String, _ table: DataTable) {
    self.label = label
    self.table = table
  }
}

/// Measured points to draw over simulated lines: x, y and optional symmetric errors.
public struct MeasuredData: Sendable, Equatable {
  /// The legend entry.
  public let label: String
  /// x values in the panel's x units.
  public let x: [Double]
  /// y values in the panel's y units.
  public let y: [Double]
  /// Symmetric uncertainties, if known.
  public let yErrors: [Double]?

  /// Measured data.
  public init(_ label: String, x: [Double], y: [Double], yErrors: [Double]? = nil) {
    self.label = label
    self.x = x
    self.y = y
    self.yErrors = yErrors
  }
}
