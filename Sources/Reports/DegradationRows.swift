import StudyModel

/// The rows `{{parameters}}` shows for an electrode's degradation submodels: each value with
/// its unit and the parameter path a study may sweep or fit it by (nil for the others).
enum DegradationRows {
  /// One row: name, value, unit and path.
  struct Row {
    let name: String
    let value: String
    let unit: String
    let path: String?
  }

  /// The rows of electrode `part`'s `degradation`, empty without any submodel.
  static func rows(_ part: String, _ degradation: Degradation) -> [Row] {
    var rows: [Row] = []
    func add(_ name: String, _ value: Double, _ unit: String, path: String? = nil) {
      rows.append(
        Row(
          name: name, value: ParameterSection.number(value), unit: unit,
          path: path.map { "\(part).\($0)" }))
    }
    if let sei = degradation.sei {
      switch sei.limit {
      case .reaction(let j0, let alpha):
        add("SEI exchange current (reaction limited)", j0, "A/m²", path: "sei.exchange_current")
        add("SEI transfer coefficient", alpha, "")
      case .solventDiffusion(let d, let c):
        add(
          "SEI solvent diffusivity (solvent-diffusion limited)", d, "m²/s",
          path: "sei.solvent_diffusivity")
        add("SEI solvent concentration", c, "mol/m³")
      case .ecReaction(let k, let d, let c, let alpha):
        add("SEI rate constant (EC reaction limited)", k, "m/s")
        add("SEI EC diffusivity", d, "m²/s")
        add("SEI EC concentration", c, "mol/m³")
        add("SEI transfer coefficient", alpha, "")
      case .interstitialDiffusion(let d, let c):
        add("SEI interstitial diffusivity (interstitial-diffusion limited)", d, "m²/s")
        add("SEI interstitial concentration", c, "mol/m³")
      case .electronMigration(let kappa):
        add("SEI electron conductivity (electron-migration limited)", kappa, "S/m")
      }
      add("SEI open-circuit potential", sei.openCircuitPotentialV, "V")
      add("SEI partial molar volume", sei.partialMolarVolumeM3Mol, "m³/mol")
      add("lithium per SEI", sei.lithiumPerSEI, "")
      add("SEI resistivity", sei.resistivityOhmM, "Ω m", path: "sei.resistivity")
      add("initial SEI thickness", sei.initialThicknessM * 1e9, "nm")
      add("SEI activation energy", sei.activationEnergyJMol / 1000, "kJ/mol")
    }
    if let plating = degradation.plating {
      add("plating rate constant", plating.rateConstantMs, "m/s", path: "plating.rate_constant")
      add("plating transfer coefficient", plating.transferCoefficient, "")
      switch plating.reversibility {
      case .reversible, .irreversible: break
      case .partiallyReversible(let gamma):
        add(
          "dead-lithium decay (partially reversible plating)", gamma, "1/s",
          path: "plating.dead_lithium_decay")
      }
    }
    if let loss = degradation.activeMaterialLoss {
      if let stress = loss.stress {
        add(
          "stress-driven loss rate", stress.rateConstantPerS, "1/s",
          path: "loss_of_active_material.stress.rate_constant")
        add("stress-driven loss exponent", stress.exponent, "")
        add("critical stress", stress.criticalStressPa / 1e6, "MPa")
        add("partial molar volume of lithium", stress.partialMolarVolumeM3Mol, "m³/mol")
        add("Young's modulus", stress.youngsModulusPa / 1e9, "GPa")
        add("Poisson's ratio", stress.poissonRatio, "")
      }
      if let lithiation = loss.lithiation {
        add(
          "lithiation-driven loss rate", lithiation.rate, "",
          path: "loss_of_active_material.lithiation.rate")
        add("lithiation-driven loss exponent", lithiation.exponent, "")
      }
      if loss.perSEIM3Mol > 0 { add("loss per mole of SEI", loss.perSEIM3Mol, "m³/mol") }
      if loss.perCurrentM2PerAS > 0 {
        add("loss per applied current", loss.perCurrentM2PerAS, "m²/(A s)")
      }
    }
    return rows
  }
}
