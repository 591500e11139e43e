/// A study as its `study.yaml` declares it: cells and the simulations to run on them.
public struct Study: Sendable, Equatable {
  /// The folder name, used in URLs.
  public let slug: String
  /// The title.
  public let title: String
  /// The study file's path.
  public let path: String
  /// The cells, by the names the study gives them.
  public let cells: [String: CellDefinition]
  /// The simulations, in the order they are declared.
  public let simulations: [SimulationSpec]
  /// Measured values from the paper, by identifier.
  public let observations: [String: Observation]
  /// The paper's claims, in the order they are declared.
  public let claims: [Claim]
  /// Measured datasets, by identifier.
  public let datasets: [String: Dataset]
  /// Declared figures, in order.
  public let figures: [FigureSpec]
  /// Declared tables, in order.
  public let tables: [TableSpec]
  /// Every file the study was read from (study file, library entries, tables, datasets),
  /// sorted.
  public var inputFiles: [String] = []
  /// The study's one-paragraph summary (`description:`), empty when absent.
  public var summary = ""

  /// A study.
  public init(
    slug: String, title: String, path: String, cells: [String: CellDefinition],
    simulations: [SimulationSpec], observations: [String: Observation] = [:], claims: [Claim] = [],
    datasets: [String: Dataset] = [:], figures: [FigureSpec] = [], tables: [TableSpec] = []
  ) {
    self.datasets = datasets
    self.figures = figures
    self.tables = tables
    self.slug = slug
    self.title = title
    self.path = path
    self.cells = cells
    self.simulations = simulations
    self.observations = observations
    self.claims = claims
  }
}

/// One declared simulation: a cell, a protocol template and the axes it is swept along.
public struct SimulationSpec: Sendable, Equatable {
  /// The simulation's name (unique in the study).
  public let name: String
  /// The name of the study cell it runs on.
  public let cell: String
  /// Protocol steps; `{current}` stands for the value of a current sweep.
  public let protocolSteps: [String]
  /// How many times the protocol runs back to back.
  public let cycles: Int
  /// The sweep axes; the simulation runs on every combination of their values.
  public let sweeps: [SweepAxis]
  /// Volumes per region and shells per particle.
  public let mesh: (perRegion: Int, particle: Int)

  /// A simulation declaration.
  public init(
    name: String, cell: String, protocolSteps: [String], cycles: Int, sweeps: [SweepAxis],
    mesh: (perRegion: Int, particle: Int)
  ) {
    self.name = name
    self.cell = cell
    self.protocolSteps = protocolSteps
    self.cycles = cycles
    self.sweeps = sweeps
    self.mesh = mesh
  }

  /// Equality of every field.
  public static func == (lhs: SimulationSpec, rhs: SimulationSpec) -> Bool {
    lhs.name == rhs.name && lhs.cell == rhs.cell && lhs.protocolSteps == rhs.protocolSteps
      && lhs.cycles == rhs.cycles && lhs.sweeps == rhs.sweeps && lhs.mesh == rhs.mesh
  }
}

/// How an N/P ratio is reached.
public enum NPMethod: String, Sendable, Equatable, CaseIterable {
  /// Scale the negative electrode's thickness, the positive fixed.
  case thickness
  /// Scale the negative electrode's loading (active fraction) at fixed thickness.
  case loading
}

/// One axis of a sweep.
public enum SweepAxis: Sendable, Equatable {
  /// N/P ratios on a capacity basis (`theoretical` or `practical`), reached by `method`.
  case npRatio(values: [Double], basis: String, method: NPMethod)
  /// Current densities, A/m², substituted for `{current}` in the protocol.
  case currentDensity(values: [Double])
  /// A cell parameter by its path ("negative.particle_radius"), with values as written
  /// (units included), applied as `--set` overrides are.
  case parameter(path: String, values: [String])

  /// The name claims, figures and report values select the axis by: `np`, `current`, or the
  /// parameter's path.
  public var name: String {
    switch self {
    case .npRatio: return "np"
    case .currentDensity: return "current"
    case .parameter(let path, _): return path
    }
  }

  /// How many values the axis has.
  public var count: Int {
    switch self {
    case .npRatio(let values, _, _), .currentDensity(let values): return values.count
    case .parameter(_, let values): return values.count
    }
  }
}
