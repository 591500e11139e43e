import StudyModel

/// Writes a run's cycles as CSV: one row per cycle, with the columns of PyBaMM's cycling
/// references first (same names and units), then Cellbook's own.
public enum CycleTableCSV {
  /// The header row.
  public static let columns = [
    "cycle", "charge_capacity_mAh_cm2", "discharge_capacity_mAh_cm2", "coulombic_efficiency",
    "li_lost_to_sei_mAh_cm2", "li_lost_to_plating_mAh_cm2", "neg_sei_thickness_avg_nm",
    "neg_lam_pct", "pos_lam_pct", "end_time_s", "retention", "li_lost_to_lam_mAh_cm2",
    "plated_li_mAh_cm2", "dead_li_mAh_cm2", "end_of_charge_neg_potential_V",
  ]

  /// The CSV text of `cycles`, retention counted from cycle `from`.
  public static func text(_ cycles: [CycleSummary], retentionFrom from: Int = 1) -> String {
    var lines = [columns.joined(separator: ",")]
    guard let first = CycleSummary.reference(in: cycles, from: from) else {
      return lines.joined(separator: "\n") + "\n"
    }
    for cycle in cycles {
      let fields = [
        "\(cycle.number)", NumberText.fixed(cycle.chargeCapacityMAhCm2, 6),
        NumberText.fixed(cycle.dischargeCapacityMAhCm2, 6),
        cycle.coulombicEfficiency.map { NumberText.fixed($0, 6) } ?? "",
        NumberText.significant(cycle.seiLithiumMAhCm2, 6),
        NumberText.significant(cycle.platingLithiumMAhCm2, 6),
        NumberText.fixed(cycle.seiThicknessM * 1e9, 4),
        NumberText.fixed(cycle.activeMaterialLost[0] * 100, 6),
        NumberText.fixed(cycle.activeMaterialLost[1] * 100, 6),
        NumberText.fixed(cycle.endTimeS, 3),
        (cycle.value(.retention, first: first)).map { NumberText.fixed($0, 6) } ?? "",
        NumberText.significant(cycle.lostActiveLithiumMAhCm2, 6),
        NumberText.significant(cycle.platedLithiumMAhCm2, 6),
        NumberText.significant(cycle.deadLithiumMAhCm2, 6),
        cycle.endOfChargeNegativePotentialV.map { NumberText.fixed($0, 6) } ?? "",
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
