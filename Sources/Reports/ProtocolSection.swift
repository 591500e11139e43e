import Foundation
import StudyModel

/// `{{protocols}}`: each simulation's cell, steps, sweeps, mesh and tolerances.
public enum ProtocolSection {
  /// The section's Markdown.
  public static func markdown(study: Study) -> String {
    guard !study.simulations.isEmpty else { return "This study runs no simulations.\n" }
    var lines: [String] = []
    for simulation in study.simulations {
      let numerics = simulation.numerics
      let runs = simulation.sweeps.reduce(1) { $0 * $1.count }
      lines += [
        "**Simulation `\(simulation.name)`** on cell `\(simulation.cell)`, \(runs) run\(runs == 1 ? "" : "s"):",
        "",
      ]
      let repeated = simulation.cycles > 1 ? " (repeated \(simulation.cycles) times)" : ""
      lines.append(
        "1. " + simulation.protocolSteps.map { "“\($0.text)”" }.joined(separator: ", then ")
          + repeated)
      for axis in simulation.sweeps { lines.append("1. " + describe(axis)) }
      lines.append(
        "1. Mesh: \(numerics.volumesPerRegion) finite volumes per region, \(numerics.shellsPerParticle) shells per particle; IDA tolerances: relative \(CanonicalText.number(numerics.relativeTolerance)), absolute \(CanonicalText.number(numerics.absoluteTolerance))."
      )
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  private static func describe(_ axis: SweepAxis) -> String {
    switch axis {
    case .npRatio(let values, let basis, let method):
      let how =
        method == .thickness
        ? "by the negative electrode's thickness, the positive fixed"
        : "by the negative electrode's loading"
      return
        "N/P ratio (\(basis) capacities), \(values.count) values \(summary(values)), reached \(how)."
    case .currentDensity(let values):
      return "Current density {current}: "
        + values.map { "\(ParameterSection.number($0 / 10)) mA/cm²" }.joined(separator: ", ") + "."
    case .parameter(let path, let values):
      return "`\(path.name)`: " + values.map(\.text).joined(separator: ", ") + "."
    }
  }

  private static func summary(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "" }
    if values.count <= 6 {
      return "(" + values.map(ParameterSection.number).joined(separator: ", ") + ")"
    }
    return "from \(ParameterSection.number(low)) to \(ParameterSection.number(high))"
  }
}
