/// The verdict on one claim, with the numbers that decided it.
public struct ClaimVerdict: Sendable, Equatable {
  /// How a claim came out.
  public enum Outcome: String, Sendable, Equatable {
    /// The simulation bears the claim out.
    case pass
    /// The simulation contradicts the claim.
    case fail
    /// The results needed to decide are missing.
    case undetermined
  }

  /// The claim's identifier.
  public let claim: String
  /// Pass, fail or undetermined.
  public let outcome: Outcome
  /// The numbers that decided it, in a sentence.
  public let evidence: String

  /// A verdict.
  public init(claim: String, outcome: Outcome, evidence: String) {
    self.claim = claim
    self.outcome = outcome
    self.evidence = evidence
  }
}
