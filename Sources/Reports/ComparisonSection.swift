import Analysis
import Foundation
import StudyModel

/// `{{comparison}}`: each observation (a measured or reference value) beside the simulated
/// value and the relative difference.
public enum ComparisonSection {
  /// The section's Markdown.
  public static func markdown(study: Study, analysis: StudyAnalysis?) -> String {
    guard !study.observations.isEmpty else {
      return "This study records no measured values to compare with.\n"
    }
    var lines = [
      "| Observation | Source | Reference | Simulated | Difference |", "|---|---|--:|--:|--:|",
    ]
    // Numbers and units stay on one line in narrow columns.
    func cell(_ value: Double, _ quantity: ResultQuantity) -> String {
      QuantityText.display(value, quantity: quantity).replacingOccurrences(
        of: " ", with: "\u{00A0}")
    }
    for id in study.observations.keys.sorted() {
      guard let observation = study.observations[id] else { continue }
      var reference = cell(observation.value, observation.quantity)
      if let uncertainty = observation.uncertainty {
        reference += " ± " + cell(uncertainty, observation.quantity)
      }
      let rows =
        analysis?.rows(of: observation.selection.simulation, fixed: observation.selection.fixed)
        ?? []
      var simulated = "no result"
      var difference = "–"
      if rows.count == 1, let value = rows[0][observation.quantity], value.isFinite {
        simulated = cell(value, observation.quantity)
        let relative = (value - observation.value) / observation.value * 100
        difference = String(format: "%+.1f\u{00A0}%%", relative)
      } else if rows.count > 1 {
        simulated = "\(rows.count) runs match: fix every swept axis"
      }
      lines.append(
        "| \(id): \(observation.quantity) | \(observation.source) | \(reference) | \(simulated) | \(difference) |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
