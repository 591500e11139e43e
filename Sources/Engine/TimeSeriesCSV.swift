import Electrochem
import StudyModel

/// Writes runs as CSV with the PyBaMM reference's column names first, then Cellbook's extra
/// columns; numbers have a fixed format so the same run gives the same bytes.
public enum TimeSeriesCSV {
  /// The header row.
  public static let columns = [
    "time_s", "current_A_m2", "voltage_V", "discharge_capacity_mAh_cm2", "neg_stoich_avg",
    "pos_stoich_avg", "neg_phi_s_minus_phi_e_at_separator_V",
    "pos_phi_s_minus_phi_e_at_separator_V",
    "electrolyte_conc_at_neg_cc_mol_m3", "electrolyte_conc_at_pos_cc_mol_m3",
    "step", "neg_phi_s_minus_phi_e_at_cc_V", "pos_phi_s_minus_phi_e_at_cc_V",
    "electrolyte_conc_min_mol_m3", "electrolyte_conc_max_mol_m3", "ocv_V",
    "eta_reaction_neg_V", "eta_reaction_pos_V", "eta_concentration_V", "ohmic_electrolyte_V",
    "ohmic_solid_V", "film_drop_V",
  ]

  /// The CSV text of every step of `run`.
  public static func text(_ run: RunResult) -> String {
    var lines = [columns.joined(separator: ",")]
    for (index, step) in run.steps.enumerated() {
      let series = step.series
      for k in 0..<series.count {
        lines.append(
          row(
            series.timeS[k], series.dischargeCapacityMAhCm2[k], series.observations[k],
            step: index + 1))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func row(_ time: Double, _ capacity: Double, _ o: CellObservation, step: Int)
    -> String
  {
    let fields = [
      number(time, 9), number(o.currentAm2, 9), fixed(o.voltageV, 6), fixed(capacity, 6),
      fixed(o.negativeStoichiometry, 6), fixed(o.positiveStoichiometry, 6),
      fixed(o.negativePotentialAtSeparatorV, 6), fixed(o.positivePotentialAtSeparatorV, 6),
      fixed(o.electrolyteAtNegativeCollector, 3), fixed(o.electrolyteAtPositiveCollector, 3),
      "\(step)", fixed(o.negativePotentialAtCollectorV, 6),
      fixed(o.positivePotentialAtCollectorV, 6),
      fixed(o.electrolyteMinimum, 3), fixed(o.electrolyteMaximum, 3),
      fixed(o.openCircuitVoltageV, 6),
      fixed(o.reactionOverpotentialV.negative, 6), fixed(o.reactionOverpotentialV.positive, 6),
      fixed(o.concentrationOverpotentialV, 6), fixed(o.electrolyteOhmicV, 6),
      fixed(o.solidOhmicV, 6),
      fixed(o.filmDropV, 6),
    ]
    return fields.joined(separator: ",")
  }

  private static func fixed(_ value: Double, _ digits: Int) -> String {
    NumberText.fixed(value, digits)
  }

  private static func number(_ value: Double, _ significant: Int) -> String {
    NumberText.significant(value, significant)
  }
}
