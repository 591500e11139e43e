import StudyModel

/// The claims table a report places with `{{claims}}`: each claim, its source, the verdict
/// and the numbers that decided it.
public enum ClaimsSection {
  /// The Markdown table of `claims` with their `verdicts` (by claim id).
  public static func markdown(claims: [Claim], verdicts: [String: ClaimVerdict]) -> String {
    guard !claims.isEmpty else { return "This study states no claims.\n" }
    var lines = ["| Claim | Source | Verdict | Evidence |", "|---|---|---|---|"]
    for claim in claims {
      let verdict = verdicts[claim.id]
      let outcome: String
      switch verdict?.outcome {
      case .pass: outcome = "**pass**"
      case .fail: outcome = "**fail**"
      case .undetermined, nil: outcome = "undetermined"
      }
      lines.append(
        "| \(cell(claim.text)) | \(cell(claim.source)) | \(outcome) | \(cell(verdict?.evidence ?? "not evaluated")) |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
