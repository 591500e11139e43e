/// A study as its `study.yaml` declares it: cells and the simulations to run on them.
public struct Study: Sendable, Equatable {
  /// The folder name, used in URLs.
  public let slug: String
  /// The title.
  public let title: String
  /// The study file's path.
  public let path: String
  /// The cells, by the names the study gives them (with fitted values once a build has
  /// fitted them).
  public var cells: [String: CellDefinition]
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
  /// Declared fits, in order; they run before the simulations that use their cells.
  public var fits: [FitSpec] = []
  /// Every file the study was read from (study file, library entries, tables, datasets),
  /// sorted.
  public var inputFiles: [String] = []
  /// The study's one-paragraph summary (`description:`), empty when absent.
  public var summary = ""
  /// Its `report.md`, when it has one.
  public var report: StudyReport?

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

/// One declared simulation: a cell, a protocol and the axes it is swept along.
public struct SimulationSpec: Sendable, Equatable {
  /// The simulation's name (unique in the study).
  public let name: String
  /// The name of the study cell it runs on.
  public let cell: String
  /// The protocol's steps, parsed; a current written `{current}` takes the value of the
  /// simulation's current sweep (`ProtocolStep.Current.swept`).
  public let protocolSteps: [ProtocolStep]
  /// How many times the protocol runs back to back.
  public let cycles: Int
  /// The sweep axes; the simulation runs on every combination of their values.
  public let sweeps: [SweepAxis]
  /// The mesh and the integrator's tolerances.
  public let numerics: NumericalSettings
  /// Which cycles keep their time series and when a test at end of life stops.
  public let cycling: CyclingSettings

  /// A simulation declaration.
  public init(
    name: String, cell: String, protocolSteps: [ProtocolStep], cycles: Int, sweeps: [SweepAxis],
    numerics: NumericalSettings = NumericalSettings(), cycling: CyclingSettings = CyclingSettings()
  ) {
    self.name = name
    self.cell = cell
    self.protocolSteps = protocolSteps
    self.cycles = cycles
    self.sweeps = sweeps
    self.numerics = numerics
    self.cycling = cycling
  }
}

/// How a simulation of several cycles records them: every cycle's summary always, the full
/// time series of the first and the last cycle and of every k-th, and an optional end of life.
public struct CyclingSettings: Sendable, Equatable, Hashable {
  /// Every k-th cycle keeps its time series too (nil: only the first and the last).
  public var seriesEvery: Int?
  /// Stop after the first cycle whose discharge capacity is below this fraction of the first
  /// cycle's (nil: run every cycle).
  public var stopBelowRetention: Double?
  /// The cycle retention is counted from (1: the first).
  public var retentionFrom: Int

  /// Settings; by default only the first and the last cycle keep their series.
  public init(seriesEvery: Int? = nil, stopBelowRetention: Double? = nil, retentionFrom: Int = 1) {
    self.seriesEvery = seriesEvery
    self.stopBelowRetention = stopBelowRetention
    self.retentionFrom = retentionFrom
  }
}

/// The resolution and tolerances a simulation is solved with.
public struct NumericalSettings: Sendable, Equatable, Hashable {
  /// The relative tolerance the validation against PyBaMM passes at (PyBaMM's default too).
  public static let defaultRelativeTolerance = 1e-4
  /// The absolute tolerance for unknowns of order one.
  public static let defaultAbsoluteTolerance = 1e-6

  /// Finite volumes per region.
  public var volumesPerRegion: Int
  /// Radial shells per particle.
  public var shellsPerParticle: Int
  /// The integrator's relative tolerance.
  public var relativeTolerance: Double
  /// The integrator's absolute tolerance for unknowns of order one.
  public var absoluteTolerance: Double

  /// Settings; by default the coarse mesh (20 volumes per region, 10 shells) and the
  /// default tolerances.
  public init(
    volumesPerRegion: Int = 20, shellsPerParticle: Int = 10,
    relativeTolerance: Double = defaultRelativeTolerance,
    absoluteTolerance: Double = defaultAbsoluteTolerance
  ) {
    self.volumesPerRegion = volumesPerRegion
    self.shellsPerParticle = shellsPerParticle
    self.relativeTolerance = relativeTolerance
    self.absoluteTolerance = absoluteTolerance
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
  /// N/P ratios on a capacity basis, reached by `method`.
  case npRatio(values: [Double], basis: CapacityBasis, method: NPMethod)
  /// Current densities, A/m², the values of the protocol's swept current (`{current}`).
  case currentDensity(values: [Double])
  /// A cell parameter with values as written and in SI, applied as `--set` overrides are.
  case parameter(path: CellParameterPath, values: [ParameterValue])

  /// The name of the N/P axis in study files, claims, figures and prose.
  public static let npRatioName = "np"
  /// The name of the current-density axis.
  public static let currentDensityName = "current"

  /// The name claims, figures and report values select the axis by: `npRatioName`,
  /// `currentDensityName`, or the parameter's path.
  public var name: String {
    switch self {
    case .npRatio: return SweepAxis.npRatioName
    case .currentDensity: return SweepAxis.currentDensityName
    case .parameter(let path, _): return path.name
    }
  }

  /// How many values the axis has.
  public var count: Int {
    switch self {
    case .npRatio(let values, _, _), .currentDensity(let values): return values.count
    case .parameter(_, let values): return values.count
    }
  }

  /// The label and display unit of the axis called `name` (a parameter path is shown as
  /// written, in SI).
  public static func presentation(ofAxisNamed name: String) -> (label: String, unit: DisplayUnit) {
    switch name {
    case npRatioName: return ("N/P ratio", .plain)
    case currentDensityName: return ("Current density", DisplayUnit("mA/cm2", perSI: 0.1))
    default: return (name, .plain)
    }
  }

  /// The axis's values in SI.
  public var siValues: [Double] {
    switch self {
    case .npRatio(let values, _, _), .currentDensity(let values): return values
    case .parameter(_, let values): return values.map(\.value)
    }
  }

  /// The SI dimension of the axis's values.
  public var dimension: UnitDimension {
    switch self {
    case .npRatio: return .none
    case .currentDensity: return .currentDensity
    case .parameter(let path, _): return path.dimension
    }
  }
}
