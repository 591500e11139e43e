import Analysis
import Electrochem
import Engine
import Foundation
import StudyModel

/// The one-screen text summary of a run.
enum RunSummary {
  static func text(cell: CellDefinition, run: RunResult, mesh: DFNMesh, stepsPerCycle: Int)
    -> String
  {
    let parameters = cell.parameters
    var lines: [String] = []
    let theoretical = CellDesign.npRatio(parameters, basis: .theoretical)
    let practical = CellDesign.npRatio(parameters, basis: .practical)
    lines.append("cell      \(cell.name)")
    lines.append(
      "design    N/P \(format(theoretical, 3)) theoretical, \(format(practical, 3)) practical; "
        + "negative \(format(parameters.negative.thicknessM * 1e6, 1)) um, "
        + "positive \(format(parameters.positive.thicknessM * 1e6, 1)) um")
    lines.append(
      "capacity negative \(format(CellDesign.arealCapacity(parameters.negative, basis: .theoretical), 3)) mAh/cm2, "
        + "positive \(format(CellDesign.arealCapacity(parameters.positive, basis: .theoretical), 3)) mAh/cm2 (theoretical)"
    )
    lines.append(
      "mesh      \(mesh.negative)/\(mesh.separator)/\(mesh.positive) volumes, \(mesh.particle) shells"
    )
    let stats = run.statistics
    lines.append(
      "solver    \(stats.steps) steps, \(stats.residualEvaluations) residuals, "
        + "\(stats.jacobianEvaluations) Jacobians, \(stats.failures) rejected steps")
    lines.append("")
    let header = [
      "step", "end", "capacity mAh/cm2", "neg util", "pos util", "avg V", "plating onset",
    ]
    var rows: [[String]] = [header]
    var capacities: [Double] = []
    // A run in cycles lists the steps of its first cycle, then one line per cycle.
    let listed = run.cycling.map { min($0.stepsPerCycle, run.steps.count) } ?? run.steps.count
    for (index, step) in run.steps.enumerated().prefix(listed) {
      let metrics = StepMetrics(series: step.series, cell: parameters)
      capacities.append(metrics.capacityMAhCm2)
      rows.append([
        "\(index + 1) \(step.step.text)", step.reason.description,
        format(metrics.capacityMAhCm2, 4),
        format(metrics.negativeUtilization, 4), format(metrics.positiveUtilization, 4),
        metrics.averageVoltageV.map { format($0, 4) } ?? "-",
        metrics.platingOnsetS.map { "\(format($0, 1)) s" } ?? "none",
      ])
    }
    lines += table(rows)
    if run.cycling != nil {
      lines.append("")
      lines += cycleTable(
        CycleSummary.cycles(of: run), retentionFrom: run.cycling?.retentionFrom ?? 1)
      if run.reachedEndOfLife { lines += ["", "stopped at end of life"] }
    } else {
      let cycles = stride(from: 0, to: run.steps.count, by: max(stepsPerCycle, 1)).map { start in
        start..<min(start + max(stepsPerCycle, 1), run.steps.count)
      }
      var efficiencies: [String] = []
      for (number, range) in cycles.enumerated() {
        let steps = Array(run.steps[range])
        if let efficiency = coulombicEfficiency(steps, Array(capacities[range])) {
          efficiencies.append("cycle \(number + 1): \(format(efficiency * 100, 2)) %")
        }
      }
      if !efficiencies.isEmpty {
        lines.append("")
        lines.append(
          "coulombic efficiency (discharge / charge): " + efficiencies.joined(separator: ", "))
      }
    }
    if !run.completed, let failure = run.failure {
      lines.append("")
      lines.append("FAILED: \(failure)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line per cycle: capacities, CE, retention and the lithium each mechanism took.
  private static func cycleTable(_ cycles: [CycleSummary], retentionFrom: Int) -> [String] {
    guard let first = CycleSummary.reference(in: cycles, from: retentionFrom) else { return [] }
    var rows = [
      [
        "cycle", "charge mAh/cm2", "discharge mAh/cm2", "CE %", "retention %", "SEI Li mAh/cm2",
        "plating Li mAh/cm2", "LAM Li mAh/cm2",
      ]
    ]
    for cycle in cycles {
      rows.append([
        "\(cycle.number)", format(cycle.chargeCapacityMAhCm2, 4),
        format(cycle.dischargeCapacityMAhCm2, 4),
        cycle.coulombicEfficiency.map { format($0 * 100, 3) } ?? "-",
        cycle.value(.retention, first: first).map { format($0 * 100, 3) } ?? "-",
        format(cycle.seiLithiumMAhCm2, 6), format(cycle.platingLithiumMAhCm2, 6),
        format(cycle.lostActiveLithiumMAhCm2, 6),
      ])
    }
    return table(rows)
  }

  private static func coulombicEfficiency(_ steps: [StepResult], _ capacities: [Double]) -> Double?
  {
    var charge = 0.0
    var discharge = 0.0
    for (step, capacity) in zip(steps, capacities) {
      switch step.step.mode {
      case .charge, .hold: charge += capacity
      case .discharge: discharge += capacity
      case .rest: continue
      }
    }
    return charge > 0 && discharge > 0 ? discharge / charge : nil
  }

  private static func table(_ rows: [[String]]) -> [String] {
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      zip(row, widths).map { cell, width in
        cell.padding(toLength: width, withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ").trimmingTrailingSpaces
    }
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    NumberText.fixed(value, digits)
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
