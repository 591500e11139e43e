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
  public let x: String
  /// The y quantity: a result quantity (sweep) or a time-series column (curve, profile).
  public let y: String
  /// A sweep axis whose values become separate series (lines), if any.
  public let series: String?
  /// The values of the series axis to draw (all of them when nil).
  public let seriesValues: [Double]?
  /// The protocol step a curve or profile is taken from (`charge`, `discharge`, `stepN`).
  public let step: String?
  /// A dataset drawn over the simulation as markers, if any.
  public let overlay: String?
  /// Axis labels, when not the defaults.
  public let labels: (x: String?, y: String?)
  /// Axis limits, when not automatic.
  public let limits: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)

  /// A panel.
  public init(
    selection: ResultSelection, x: String, y: String, series: String?,
    seriesValues: [Double]? = nil,
    step: String?, overlay: String?, labels: (x: String?, y: String?),
    limits: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)
  ) {
    self.seriesValues = seriesValues
    self.selection = selection
    self.x = x
    self.y = y
    self.series = series
    self.step = step
    self.overlay = overlay
    self.labels = labels
    self.limits = limits
  }

  /// Equality of every field.
  public static func == (lhs: PanelSpec, rhs: PanelSpec) -> Bool {
    lhs.selection == rhs.selection && lhs.x == rhs.x && lhs.y == rhs.y && lhs.series == rhs.series
      && lhs.seriesValues == rhs.seriesValues
      && lhs.step == rhs.step && lhs.overlay == rhs.overlay && lhs.labels == rhs.labels
      && lhs.limits == rhs.limits
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
  public let columns: [String]

  /// A table.
  public init(
    id: String, caption: String, supplementary: Bool, selection: ResultSelection, rows: String,
    columns: [String]
  ) {
    self.id = id
    self.caption = caption
    self.supplementary = supplementary
    self.selection = selection
    self.rows = rows
    self.columns = columns
  }
}

/// The columns of a time series a curve or profile may plot.
public enum SeriesColumn {
  /// Curve y columns and what they are.
  public static let curveColumns: [String: String] = [
    "voltage": "terminal voltage, V",
    "ocv": "open-circuit voltage at the mean stoichiometries, V",
    "net_overpotential": "voltage minus OCV, V",
    "reaction_overpotential": "η_p − η_n averaged over each electrode, V",
    "concentration_overpotential": "particle-surface and electrolyte diffusion parts, V",
    "ohmic_drop": "electrolyte and solid ohmic parts, V",
    "negative_potential": "negative electrode against Li at the separator, V",
    "positive_potential": "positive electrode against Li at the separator, V",
    "negative_stoichiometry": "mean stoichiometry of the negative electrode",
    "positive_stoichiometry": "mean stoichiometry of the positive electrode",
    "negative_utilization":
      "change of the negative electrode's mean stoichiometry since the step began",
    "positive_utilization":
      "change of the positive electrode's mean stoichiometry since the step began",
  ]
  /// Curve x columns.
  public static let curveAxes = ["capacity", "soc", "time"]
  /// Profile y columns.
  public static let profileColumns = [
    "electrolyte_concentration", "electrolyte_potential", "solid_potential",
    "surface_stoichiometry",
    "reaction_rate",
  ]
}
