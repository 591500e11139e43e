import Electrochem
import Engine
import StudyModel

/// Turns a run into a row of named quantities (SI units) for claims and tables.
public enum ResultRowBuilder {
  /// The row of `run` on `cell` at `coordinates`: every metric of the catalogue for every
  /// step under `stepN`, and for the first charge and first discharge under `charge` and
  /// `discharge`; for a run in cycles, the steps of the first cycle only, every cycle metric
  /// of the last cycle and every run metric (each cycle's own metrics come from its
  /// `CycleSummary`).
  public static func row(coordinates: [String: Double], run: RunResult, cell: CellParameters)
    -> ResultRow
  {
    var quantities: [ResultQuantity: Double] = [:]
    var table: CycleTable?
    let selectors = StepSelector.selectors(of: run.steps.map(\.step))
    let measured = run.cycling.map { min($0.stepsPerCycle, run.steps.count) } ?? run.steps.count
    if run.cycling != nil {
      let cycles = CycleSummary.cycles(of: run)
      let from = run.cycling?.retentionFrom ?? 1
      table = CycleSummary.table(cycles, retentionFrom: from)
      if let first = CycleSummary.reference(in: cycles, from: from), let last = cycles.last {
        for metric in CycleMetric.allCases {
          if let value = last.value(metric, first: first) {
            quantities[.cycle(.last, metric)] = value
          }
        }
      }
      for metric in RunMetric.allCases {
        if let value = metric.value(cycles) { quantities[.run(metric)] = value }
      }
    }
    for (step, names) in zip(run.steps, selectors).prefix(measured) {
      let metrics = StepMetrics(series: step.series, cell: cell)
      for metric in Metric.allCases {
        guard let value = metric.value(metrics) else { continue }
        for name in names {
          quantities[.step(name, metric)] = value
        }
      }
    }
    return ResultRow(coordinates: coordinates, quantities: quantities, cycles: table)
  }
}
