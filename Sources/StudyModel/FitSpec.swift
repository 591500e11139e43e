/// A calibration a study declares: parameters of one of its cells, each within bounds, chosen
/// so that the simulations reproduce some of the study's observations.
///
/// The parameters are searched in the logarithm of their values (they span decades), and every
/// simulation of the study then runs on the fitted cell.
public struct FitSpec: Sendable, Equatable {
  /// One fitted parameter.
  public struct Parameter: Sendable, Equatable {
    /// The parameter.
    public let path: CellParameterPath
    /// Where the search starts (SI).
    public let initial: Double
    /// The smallest value allowed (SI, above 0).
    public let lower: Double
    /// The largest value allowed (SI).
    public let upper: Double

    /// A parameter.
    public init(path: CellParameterPath, initial: Double, lower: Double, upper: Double) {
      self.path = path
      self.initial = initial
      self.lower = lower
      self.upper = upper
    }
  }

  /// The identifier.
  public let id: String
  /// What is fitted and why (shown with the result).
  public let text: String
  /// The study cell whose parameters are fitted.
  public let cell: String
  /// The parameters, in the order declared.
  public let parameters: [Parameter]
  /// The observations to reproduce, by identifier.
  public let targets: [String]
  /// The most simulations of the targets the search may run.
  public let evaluations: Int

  /// A fit.
  public init(
    id: String, text: String, cell: String, parameters: [Parameter], targets: [String],
    evaluations: Int
  ) {
    self.id = id
    self.text = text
    self.cell = cell
    self.parameters = parameters
    self.targets = targets
    self.evaluations = evaluations
  }
}
