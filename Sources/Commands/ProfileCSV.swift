import Electrochem
import Engine
import StudyModel

/// Profiles along x as CSV: one row per time and volume.
public enum ProfileCSV {
  /// The CSV text of every profile kept during `run`.
  public static func text(_ run: RunResult) -> String {
    var lines = [
      "time_s,x_um,electrolyte_conc_mol_m3,phi_e_V,phi_s_V,surface_stoich,interfacial_current_A_m2,reaction_rate_A_m3"
    ]
    for profile in run.steps.flatMap(\.profiles) {
      for k in profile.xM.indices {
        let fields = [
          NumberText.fixed(profile.timeS, 3),
          NumberText.fixed(profile.xM[k] * 1e6, 4),
          NumberText.fixed(profile.electrolyteConcentration[k], 3),
          NumberText.fixed(profile.electrolytePotentialV[k], 6),
          NumberText.fixed(profile.solidPotentialV[k], 6),
          NumberText.fixed(profile.surfaceStoichiometry[k], 6),
          NumberText.fixed(profile.interfacialCurrentAm2[k], 6),
          NumberText.fixed(profile.reactionRateAm3[k], 3),
        ]
        lines.append(fields.joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
