import Electrochem
import StudyModel

/// Turns a run into a row of named quantities (SI units) for claims and tables.
public enum ResultRowBuilder {
  /// The row of `run` on `cell` at `coordinates`: every metric of every step under `stepN`,
  /// and of the first charge and first discharge under `charge` and `discharge`.
  public static func row(coordinates: [String: Double], run: RunResult, cell: CellParameters)
    -> ResultRow
  {
    var quantities: [String: Double] = [:]
    var namedCharge = false
    var namedDischarge = false
    for (index, step) in run.steps.enumerated() {
      let metrics = self.metrics(step, cell: cell)
      var prefixes = ["step\(index + 1)"]
      if case .charge = step.step.mode, !namedCharge {
        prefixes.append("charge")
        namedCharge = true
      }
      if case .discharge = step.step.mode, !namedDischarge {
        prefixes.append("discharge")
        namedDischarge = true
      }
      for prefix in prefixes {
        for (name, value) in metrics { quantities["\(prefix).\(name)"] = value }
      }
    }
    return ResultRow(coordinates: coordinates, quantities: quantities)
  }

  private static func metrics(_ step: StepResult, cell: CellParameters) -> [String: Double] {
    let metrics = StepMetrics(series: step.series, cell: cell)
    // mAh/cm² → C/m²: × 36 000; mAh/g → C/kg: × 3600; mWh/cm² → J/m²: × 36 000.
    var values: [String: Double] = [
      "capacity": metrics.capacityMAhCm2 * 36000,
      "energy": metrics.energyMWhCm2 * 36000,
      "negative_utilization": metrics.negativeUtilization,
      "positive_utilization": metrics.positiveUtilization,
      "state_of_charge": metrics.stateOfCharge,
      "minimum_negative_potential": metrics.minimumNegativePotentialV,
      "duration": (step.series.timeS.last ?? 0) - (step.series.timeS.first ?? 0),
      "mean_net_overpotential": metrics.meanNetOverpotentialV,
      "mean_reaction_overpotential": metrics.meanReactionOverpotentialV,
      "mean_ohmic_drop": metrics.meanOhmicDropV,
      "electrolyte_spread": metrics.electrolyteSpread,
    ]
    if let value = metrics.capacityPerGramNegative {
      values["capacity_per_gram_negative"] = value * 3600
    }
    if let value = metrics.capacityPerGramPositive {
      values["capacity_per_gram_positive"] = value * 3600
    }
    if let value = metrics.averageVoltageV { values["average_voltage"] = value }
    if let value = metrics.platingOnsetS { values["plating_onset"] = value }
    return values
  }
}
