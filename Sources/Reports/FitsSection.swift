import Analysis
import StudyModel

/// The fits a report places with `{{fits}}`: per fit, what it fits and why, the fitted values
/// against their start and bounds, the targets with the residuals left, and what the search
/// cost.
public enum FitsSection {
  /// The Markdown of `fits` with their `results` (in the same order).
  public static func markdown(fits: [FitSpec], results: [FitResult]) -> String {
    guard !fits.isEmpty else { return "This study fits no parameters.\n" }
    var blocks: [String] = []
    for (fit, result) in zip(fits, results) {
      var lines = ["**Fit `\(fit.id)`** of cell `\(fit.cell)`: \(fit.text)", ""]
      lines += ["| Parameter | Start | Fitted | Bounds | Unit |", "|---|---|---|---|---|"]
      for (parameter, value) in zip(fit.parameters, result.values) {
        let unit = parameter.path.dimension == .none ? "—" : "\(parameter.path.dimension)"
        lines.append(
          "| `\(value.path)` | \(number(value.initial)) | **\(number(value.fitted))** | "
            + "\(number(value.lower)) – \(number(value.upper)) | \(unit) |")
      }
      lines += [
        "", "| Target | Quantity | Observed | Simulated | Residual |", "|---|---|---|---|---|",
      ]
      for residual in result.residuals {
        let quantity = ResultQuantity(residual.quantity)
        let observed = quantity.map { QuantityText.display(residual.observed, quantity: $0) }
        let simulated = residual.simulated.flatMap { value in
          quantity.map { QuantityText.display(value, quantity: $0) }
        }
        lines.append(
          "| `\(residual.observation)` | `\(residual.quantity)` | \(observed ?? number(residual.observed)) | "
            + "\(simulated ?? "no value") | \(ParameterSection.number(Double(String(format: "%.3g", residual.residual)) ?? residual.residual)) |"
        )
      }
      let status = result.converged ? "converged" : "stopped at its limit of \(fit.evaluations)"
      lines += [
        "",
        "Sum of squared residuals \(number(result.initialObjective)) at the start, "
          + "\(number(result.objective)) fitted; \(result.evaluations) simulations of the "
          + "targets, Nelder–Mead in the logarithm of each parameter (\(status)). Residuals are "
          + "relative to the observed value, or in units of its uncertainty where it has one.",
      ]
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// Three significant digits.
  private static func number(_ value: Double) -> String {
    ParameterSection.number(Double(String(format: "%.3g", value)) ?? value)
  }
}
