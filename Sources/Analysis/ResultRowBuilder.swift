import Electrochem
import Engine
import StudyModel

/// Turns a run into a row of named quantities (SI units) for claims and tables.
public enum ResultRowBuilder {
  /// The row of `run` on `cell` at `coordinates`: every metric of the catalogue for every
  /// step under `stepN`, and for the first charge and first discharge under `charge` and
  /// `discharge`.
  public static func row(coordinates: [String: Double], run: RunResult, cell: CellParameters)
    -> ResultRow
  {
    var quantities: [ResultQuantity: Double] = [:]
    let selectors = StepSelector.selectors(of: run.steps.map(\.step))
    for (step, names) in zip(run.steps, selectors) {
      let metrics = StepMetrics(series: step.series, cell: cell)
      for metric in Metric.allCases {
        guard let value = metric.value(metrics) else { continue }
        for name in names {
          quantities[ResultQuantity(step: name, metric: metric)] = value
        }
      }
    }
    return ResultRow(coordinates: coordinates, quantities: quantities)
  }
}
