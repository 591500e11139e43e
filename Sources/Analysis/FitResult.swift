/// What a fit found: the fitted values, the residuals there and what the search cost; cached
/// by the content hash of the fit and of the simulations it runs.
public struct FitResult: Codable, Equatable, Sendable {
  /// One fitted parameter.
  public struct Value: Codable, Equatable, Sendable {
    /// The parameter's path.
    public let path: String
    /// Where the search started, SI.
    public let initial: Double
    /// The fitted value, SI.
    public let fitted: Double
    /// The lower bound, SI.
    public let lower: Double
    /// The upper bound, SI.
    public let upper: Double

    /// A fitted parameter.
    public init(path: String, initial: Double, fitted: Double, lower: Double, upper: Double) {
      self.path = path
      self.initial = initial
      self.fitted = fitted
      self.lower = lower
      self.upper = upper
    }
  }

  /// One target at the fitted values.
  public struct Residual: Codable, Equatable, Sendable {
    /// The observation.
    public let observation: String
    /// Its quantity's name.
    public let quantity: String
    /// The observed value, SI.
    public let observed: Double
    /// The simulated value at the fitted parameters, SI (nil when the run has none).
    public let simulated: Double?
    /// (simulated − observed) over the uncertainty, or over |observed| without one.
    public let residual: Double

    /// A residual.
    public init(
      observation: String, quantity: String, observed: Double, simulated: Double?,
      residual: Double
    ) {
      self.observation = observation
      self.quantity = quantity
      self.observed = observed
      self.simulated = simulated
      self.residual = residual
    }
  }

  /// The fit's identifier.
  public let id: String
  /// Its content hash.
  public let hash: String
  /// The fitted parameters, in the order declared.
  public let values: [Value]
  /// The targets at the fitted values.
  public let residuals: [Residual]
  /// The sum of squared residuals at the start.
  public let initialObjective: Double
  /// The sum of squared residuals at the fitted values.
  public let objective: Double
  /// Simulations of the targets run by the search.
  public let evaluations: Int
  /// Whether the search converged before its evaluations ran out.
  public let converged: Bool
  /// Whether this build reused it from the cache (never stored).
  public var reused = false

  /// A result.
  public init(
    id: String, hash: String, values: [Value], residuals: [Residual], initialObjective: Double,
    objective: Double, evaluations: Int, converged: Bool
  ) {
    self.id = id
    self.hash = hash
    self.values = values
    self.residuals = residuals
    self.initialObjective = initialObjective
    self.objective = objective
    self.evaluations = evaluations
    self.converged = converged
  }

  private enum CodingKeys: String, CodingKey {
    case id, hash, values, residuals, initialObjective, objective, evaluations, converged
  }
}
