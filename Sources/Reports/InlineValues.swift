import Analysis
import Foundation
import StudyModel

/// Numbers in a report's prose computed from the results, so the text never goes stale:
/// `{{np-sweep: charge.mean_net_overpotential | np=0.8, current=2.8 mA/cm2}}` reads "159 mV".
///
/// The loader has read and checked every reference (`StudyReport.values`); here each is
/// replaced by its value, and a reference that does not select exactly one run is an error
/// at its line and column.
public enum InlineValues {
  /// The report's Markdown with every value reference replaced, or the problems.
  public static func resolve(_ report: StudyReport, analysis: StudyAnalysis?) -> Result<
    String, DiagnosticList
  > {
    var problems: [Diagnostic] = []
    var bytes = Array(report.text.utf8)
    for reference in report.values.reversed() {
      let rows = analysis?.rows(of: reference.simulation, fixed: reference.fixed) ?? []
      guard rows.count == 1 else {
        problems.append(
          Diagnostic(
            .error, at: reference.location,
            rows.isEmpty
              ? "no result of '\(reference.simulation)' matches this reference"
              : "\(rows.count) results of '\(reference.simulation)' match this reference",
            hint: "name every swept axis of the simulation, at one of its values"))
        continue
      }
      let text: String
      if let value = rows[0][reference.quantity], value.isFinite {
        text = QuantityText.display(value, quantity: reference.quantity)
      } else {
        text = "(no value: the run failed)"
      }
      bytes.replaceSubrange(reference.utf8Range, with: Array(text.utf8))
    }
    problems.reverse()
    return problems.isEmpty
      ? .success(String(decoding: bytes, as: UTF8.self)) : .failure(DiagnosticList(problems))
  }
}
