import Electrochem
import Engine
import StudyModel

/// What `cellbook simulate` is asked to do.
public struct SimulateRequest: Sendable {
  /// The cell file.
  public var cellPath: String
  /// Protocol steps as written.
  public var protocolSteps: [String]
  /// Target N/P (the negative electrode is scaled, the positive fixed).
  public var npRatio: Double?
  /// The basis of `npRatio`.
  public var npBasis: CapacityBasis = .theoretical
  /// How `npRatio` is reached: by the negative electrode's thickness or its loading.
  public var npMethod: NPMethod = .thickness
  /// Initial stoichiometries (negative, positive), overriding the cell file's.
  public var initial: (negative: Double?, positive: Double?) = (nil, nil)
  /// How many times the protocol runs, back to back.
  public var cycles = 1
  /// Every k-th cycle keeps its time series besides the first and the last (nil: none).
  public var seriesEvery: Int?
  /// Stop after the first cycle below this share of the first cycle's discharge capacity.
  public var stopBelowRetention: Double?
  /// The cycle retention is counted from.
  public var retentionFrom = 1
  /// The mesh.
  public var mesh: DFNMesh = .coarse
  /// `PATH=VALUE` overrides.
  public var overrides: [String] = []
  /// IDA's relative and absolute tolerances.
  public var tolerances = (
    relative: SimulationOptions().relativeTolerance, absolute: SimulationOptions().absoluteTolerance
  )
  /// Times (s since the start) at which to keep profiles along x.
  public var profileTimes: [Double] = []

  /// A request for `cellPath` and `protocolSteps` with defaults for the rest.
  public init(cellPath: String, protocolSteps: [String]) {
    self.cellPath = cellPath
    self.protocolSteps = protocolSteps
  }
}
