import Analysis
import Foundation
import StudyModel

/// `output/<study>/manifest.json`: what a study's pages were built from and how, enough to
/// reproduce them and to compare two design reviews (`cellbook diff`).
public struct StudyManifest: Codable, Equatable {
  /// The tool that built it.
  public struct Tool: Codable, Equatable {
    /// The Cellbook version.
    public let version: String
    /// The engine version results are cached under.
    public let engine: String
    /// The figure-drawing version drawings are cached under.
    public let figures: String
    /// The project's git commit, when it is a git checkout.
    public let gitCommit: String?
    /// Whether the checkout had uncommitted changes (nil outside git).
    public let gitClean: Bool?

    /// A value from all of its fields.
    public init(
      version: String, engine: String, figures: String, gitCommit: String?, gitClean: Bool?
    ) {
      self.version = version
      self.engine = engine
      self.figures = figures
      self.gitCommit = gitCommit
      self.gitClean = gitClean
    }
  }

  /// One input file, by its path relative to the project, with the SHA-256 of its bytes.
  public struct Input: Codable, Equatable {
    /// The path relative to the project folder.
    public let path: String
    /// The SHA-256 of its bytes, hex.
    public let sha256: String

    /// A value from all of its fields.
    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  /// A cell's resolved parameters in SI units, one canonical `path=value` each.
  public struct Cell: Codable, Equatable {
    /// Where its parameters come from.
    public let source: String
    /// Every parameter by path, in canonical text.
    public let parameters: [String: String]

    /// A value from all of its fields.
    public init(source: String, parameters: [String: String]) {
      self.source = source
      self.parameters = parameters
    }
  }

  /// The numerical settings of one declared simulation.
  public struct Solver: Codable, Equatable {
    /// The simulation.
    public let simulation: String
    /// Finite volumes per region.
    public let volumesPerRegion: Int
    /// Radial shells per particle.
    public let shellsPerParticle: Int
    /// IDA's relative tolerance.
    public let relativeTolerance: Double
    /// IDA's absolute tolerance for unknowns of order one.
    public let absoluteTolerance: Double

    /// A value from all of its fields.
    public init(
      simulation: String, volumesPerRegion: Int, shellsPerParticle: Int, relativeTolerance: Double,
      absoluteTolerance: Double
    ) {
      self.simulation = simulation
      self.volumesPerRegion = volumesPerRegion
      self.shellsPerParticle = shellsPerParticle
      self.relativeTolerance = relativeTolerance
      self.absoluteTolerance = absoluteTolerance
    }
  }

  /// One run: how it ended, what it cost, its headline numbers and its raw data file.
  public struct Run: Codable, Equatable {
    /// The identifier.
    public let id: String
    /// Its content hash.
    public let hash: String
    /// `completed` or `failed`.
    public let status: String
    /// Why it stopped early, if it did.
    public let reason: String?
    /// Wall time of the simulation that produced it, s.
    public let wallSeconds: Double
    /// Internal integrator steps.
    public let solverSteps: Int
    /// Its time series in the site, relative to the study page.
    public let series: String
    /// Its per-cycle table in the site, for a run in cycles.
    public let cycles: String?
    /// Metrics in display units ("discharge.capacity [mAh/cm2]" → value).
    public let metrics: [String: Double]

    /// A value from all of its fields.
    public init(
      id: String, hash: String, status: String, reason: String?, wallSeconds: Double,
      solverSteps: Int, series: String, cycles: String? = nil, metrics: [String: Double]
    ) {
      self.id = id
      self.hash = hash
      self.status = status
      self.reason = reason
      self.wallSeconds = wallSeconds
      self.solverSteps = solverSteps
      self.series = series
      self.cycles = cycles
      self.metrics = metrics
    }
  }

  /// A claim's verdict and the numbers behind it.
  public struct ClaimResult: Codable, Equatable {
    /// The identifier.
    public let id: String
    /// The statement.
    public let text: String
    /// `pass`, `fail` or `undetermined`.
    public let verdict: String
    /// The numbers that decided it.
    public let evidence: String

    /// A value from all of its fields.
    public init(id: String, text: String, verdict: String, evidence: String) {
      self.id = id
      self.text = text
      self.verdict = verdict
      self.evidence = evidence
    }
  }

  /// The study's folder name.
  public let study: String
  /// The study's title.
  public let title: String
  /// ISO 8601 date from `SOURCE_DATE_EPOCH`, else absent: the output carries no clock time.
  public let builtAt: String?
  /// The tool that built it.
  public let tool: Tool
  /// Every input file.
  public let inputs: [Input]
  /// Each cell by the name the study gives it.
  public let cells: [String: Cell]
  /// Each simulation's mesh and tolerances.
  public let solver: [Solver]
  /// Every run, in plan order.
  public let runs: [Run]
  /// Every claim with its verdict.
  public let claims: [ClaimResult]
  /// Every fit's values and residuals (absent when the study fits nothing).
  public var fits: [FitResult]? = nil

  /// The manifest's JSON: sorted keys, two-space indentation, newline at the end.
  public func json() throws -> Data {
    try Self.encoder.encode(self) + Data("\n".utf8)
  }

  /// Reads a manifest written by `json()`.
  public static func read(_ data: Data) throws -> StudyManifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(StudyManifest.self, from: data)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  /// A value from all of its fields.
  public init(
    study: String, title: String, builtAt: String?, tool: Tool, inputs: [Input],
    cells: [String: Cell], solver: [Solver], runs: [Run], claims: [ClaimResult]
  ) {
    self.study = study
    self.title = title
    self.builtAt = builtAt
    self.tool = tool
    self.inputs = inputs
    self.cells = cells
    self.solver = solver
    self.runs = runs
    self.claims = claims
  }
}
