/// A figure a study declares; the figure engine draws it from the results.
public struct FigureSpec: Sendable, Equatable {
  /// What a figure plots.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// A result quantity against a sweep axis (capacity versus N/P).
    case sweep
    /// A time-series column against capacity, state of charge or time, one line per case
    /// (voltage versus SOC at N/P 0.8, 1.0 and 1.35).
    case curve
    /// A profile along the cell at given times (electrolyte concentration).
    case profile
    /// A cycle quantity against the cycle number, one line per case, with an optional second
    /// quantity on a right-hand axis (retention and coulombic efficiency versus cycle).
    case cycle
  }

  /// The identifier, referenced in prose as `@id`.
  public let id: String
  /// The kind.
  public let kind: Kind
  /// The caption.
  public let caption: String
  /// Whether it is numbered as supplementary (S1, S2, …).
  public let supplementary: Bool
  /// The panels, labelled (a), (b), … when there are several.
  public let panels: [PanelSpec]

  /// A figure.
  public init(id: String, kind: Kind, caption: String, supplementary: Bool, panels: [PanelSpec]) {
    self.id = id
    self.kind = kind
    self.caption = caption
    self.supplementary = supplementary
    self.panels = panels
  }
}

/// One panel of a figure.
public struct PanelSpec: Sendable, Equatable {
  /// The simulation and the fixed values of its other axes.
  public let selection: ResultSelection
  /// The x axis: a sweep axis (sweep), `capacity`, `soc` or `time` (curve), `x` (profile).
  public let x: PanelAxis
  /// The y quantity: a result quantity (sweep), a time-series column (curve, profile) or a
  /// cycle metric (cycle).
  public let y: PanelQuantity
  /// A second quantity on a right-hand axis, drawn dashed (cycle figures).
  public let y2: PanelQuantity?
  /// A sweep axis whose values become separate series (lines), if any.
  public let series: String?
  /// The values of the series axis to draw (all of them when nil).
  public let seriesValues: [Double]?
  /// The protocol step a curve or profile is taken from (`charge`, `discharge`, `stepN`).
  public let step: StepSelector?
  /// A dataset drawn over the simulation as markers, if any.
  public let overlay: PanelOverlay?
  /// Axis labels, when not the defaults.
  public let labels: (x: String?, y: String?)
  /// Axis limits, when not automatic.
  public let limits: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)

  /// A panel.
  public init(
    selection: ResultSelection, x: PanelAxis, y: PanelQuantity, y2: PanelQuantity? = nil,
    series: String?, seriesValues: [Double]? = nil,
    step: StepSelector?, overlay: PanelOverlay?, labels: (x: String?, y: String?),
    limits: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)
  ) {
    self.seriesValues = seriesValues
    self.selection = selection
    self.x = x
    self.y = y
    self.y2 = y2
    self.series = series
    self.step = step
    self.overlay = overlay
    self.labels = labels
    self.limits = limits
  }

  /// Equality of every field.
  public static func == (lhs: PanelSpec, rhs: PanelSpec) -> Bool {
    lhs.selection == rhs.selection && lhs.x == rhs.x && lhs.y == rhs.y && lhs.y2 == rhs.y2
      && lhs.series == rhs.series
      && lhs.seriesValues == rhs.seriesValues
      && lhs.step == rhs.step && lhs.overlay == rhs.overlay && lhs.labels == rhs.labels
      && lhs.limits == rhs.limits
  }
}

extension PanelSpec {
  /// Whether the panel draws the run at `coordinates` (SI, by axis): the selection's fixed
  /// values, and, when a series axis is named, one of the series values it lists.
  public func selects(_ coordinates: [String: Double]) -> Bool {
    guard ResultSelection.matches(coordinates, fixed: selection.fixed) else { return false }
    if let series, let values = seriesValues {
      guard let actual = coordinates[series],
        values.contains(where: { ResultSelection.sameValue($0, actual) })
      else { return false }
    }
    return true
  }
}

/// A table a study declares: result quantities (columns) at the values of a sweep axis (rows).
public struct TableSpec: Sendable, Equatable {
  /// The identifier, referenced in prose as `@id`.
  public let id: String
  /// The caption.
  public let caption: String
  /// Whether it is numbered as supplementary.
  public let supplementary: Bool
  /// The simulation and the fixed values of its other axes.
  public let selection: ResultSelection
  /// The axis whose values make the rows.
  public let rows: String
  /// The result quantities that make the columns.
  public let columns: [ResultQuantity]

  /// A table.
  public init(
    id: String, caption: String, supplementary: Bool, selection: ResultSelection, rows: String,
    columns: [ResultQuantity]
  ) {
    self.id = id
    self.caption = caption
    self.supplementary = supplementary
    self.selection = selection
    self.rows = rows
    self.columns = columns
  }
}

/// A dataset a panel draws as markers over its simulations, with the columns that hold its x
/// and y (found at load: named as the panel's x, and as its y or the y's metric).
public struct PanelOverlay: Sendable, Hashable {
  /// The dataset's identifier.
  public let dataset: String
  /// Its column of x values.
  public let x: String
  /// Its column of y values.
  public let y: String

  /// An overlay.
  public init(dataset: String, x: String, y: String) {
    self.dataset = dataset
    self.x = x
    self.y = y
  }
}

/// What a panel's x axis is.
public enum PanelAxis: Sendable, Hashable {
  /// A sweep axis, by name (sweep figures).
  case sweep(String)
  /// A curve column (curve figures).
  case curve(CurveColumn)
  /// A profile column (profile figures: position).
  case profile(ProfileColumn)
  /// The cycle number (cycle figures).
  case cycleNumber

  /// The name the cycle number is written as.
  public static let cycleNumberName = "cycle"

  /// The name as the study writes it.
  public var name: String {
    switch self {
    case .sweep(let axis): return axis
    case .curve(let column): return column.rawValue
    case .profile(let column): return column.rawValue
    case .cycleNumber: return Self.cycleNumberName
    }
  }
}

/// What a panel's y axis plots.
public enum PanelQuantity: Sendable, Hashable {
  /// A result quantity of each run (sweep figures).
  case result(ResultQuantity)
  /// A curve column (curve figures).
  case curve(CurveColumn)
  /// A profile column (profile figures).
  case profile(ProfileColumn)
  /// A metric of every cycle (cycle figures).
  case cycle(CycleMetric)

  /// The name as the study writes it.
  public var name: String {
    switch self {
    case .result(let quantity): return quantity.name
    case .curve(let column): return column.rawValue
    case .profile(let column): return column.rawValue
    case .cycle(let metric): return metric.rawValue
    }
  }
}
