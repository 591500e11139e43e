/// The fixed structure of a DAE that one solver instance can integrate many times.
public struct DAEProblem: Sendable {
  /// Number of unknowns.
  public let size: Int
  /// The Jacobian's nonzero structure.
  public let pattern: SparsityPattern
  /// `true` for each component whose derivative appears in F (differential), `false` for
  /// algebraic ones; used for consistent initial conditions and error control.
  public let isDifferential: [Bool]
  /// Number of root functions the system evaluates.
  public let rootCount: Int
  /// Which crossings count, per root function: −1 only falling, +1 only rising, 0 both
  /// (nil: both for all).
  public let rootDirections: [Int]?
  /// Components that must never become negative: a step that would make one negative is
  /// retried with a smaller step size (IDA's inequality constraints).
  public let nonNegative: [Int]

  /// Describes a problem; `isDifferential` must have `size` entries.
  public init(
    size: Int, pattern: SparsityPattern, isDifferential: [Bool], rootCount: Int,
    rootDirections: [Int]? = nil, nonNegative: [Int] = []
  ) {
    precondition(pattern.size == size && isDifferential.count == size, "inconsistent DAE sizes")
    precondition(rootDirections.map { $0.count == rootCount } ?? true, "one direction per root")
    self.size = size
    self.pattern = pattern
    self.isDifferential = isDifferential
    self.rootCount = rootCount
    self.rootDirections = rootDirections
    precondition(nonNegative.allSatisfy { (0..<size).contains($0) }, "constraint out of range")
    self.nonNegative = nonNegative
  }
}

/// Tolerances and limits of the integrator.
public struct IDAOptions: Sendable {
  /// Relative tolerance.
  public var relativeTolerance: Double
  /// Absolute tolerance of each component (one value, or one per component).
  public var absoluteTolerances: [Double]
  /// Largest number of internal steps between two outputs.
  public var maxStepsPerOutput: Int
  /// Largest internal step, in the time unit of the system (0: no limit).
  public var maxStepSize: Double

  /// Options with a scalar absolute tolerance.
  public init(
    relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-8,
    maxStepsPerOutput: Int = 5000, maxStepSize: Double = 0
  ) {
    self.relativeTolerance = relativeTolerance
    self.absoluteTolerances = [absoluteTolerance]
    self.maxStepsPerOutput = maxStepsPerOutput
    self.maxStepSize = maxStepSize
  }
}
