import Engine
import Foundation
import StudyModel

/// `{{comparison}}`: each observation from the paper beside the simulated value and the
/// error.
enum ComparisonSection {
  /// The section's Markdown.
  static func markdown(study: Study, analysis: StudyAnalysis?) -> String {
    guard !study.observations.isEmpty else {
      return "This study records no measured values to compare with.\n"
    }
    var lines = [
      "| Observation | Source | Measured | Simulated | Error |", "|---|---|--:|--:|--:|",
    ]
    for id in study.observations.keys.sorted() {
      guard let observation = study.observations[id] else { continue }
      let label = QuantityLabels.quantity(observation.quantity)
      let unit = label.unit.isEmpty ? "" : " \(label.unit)"
      var measured = ParameterSection.number(observation.value * label.scale) + unit
      if let uncertainty = observation.uncertainty {
        measured += " ± \(ParameterSection.number(uncertainty * label.scale))"
      }
      let rows = (analysis?.rows[observation.selection.simulation] ?? []).filter {
        FigureSelection.matches($0.coordinates, fixed: observation.selection.fixed)
      }
      var simulated = "no result"
      var error = "–"
      if rows.count == 1, let value = rows[0].quantities[observation.quantity], value.isFinite {
        simulated = ParameterSection.number(value * label.scale) + unit
        let relative = (value - observation.value) / observation.value * 100
        error = String(format: "%+.1f %%", relative)
      } else if rows.count > 1 {
        simulated = "\(rows.count) runs match: fix every swept axis"
      }
      lines.append(
        "| \(id): \(observation.quantity) | \(observation.source) | \(measured) | \(simulated) | \(error) |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
