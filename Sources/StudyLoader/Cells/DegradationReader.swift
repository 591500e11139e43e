import StudyModel

/// Reads an electrode's `sei:`, `plating:` and `loss_of_active_material:` sections, each with
/// its parameters in units; a section left out turns its submodel off.
struct DegradationReader {
  let reader: MappingReader

  /// The SEI models by the name a cell file gives them (PyBaMM's option names).
  static let seiModels = [
    "reaction limited", "solvent-diffusion limited", "ec reaction limited",
    "interstitial-diffusion limited", "electron-migration limited",
  ]

  /// The plating models by name.
  static let platingModels = ["reversible", "irreversible", "partially reversible"]

  func read() -> Degradation {
    reader.allow(["sei", "plating", "loss_of_active_material"])
    var degradation = Degradation()
    if let section = reader.mapping("sei", required: false) {
      degradation.sei = sei(section)
      section.allow(["source"])
      section.finish()
    }
    if let section = reader.mapping("plating", required: false) {
      degradation.plating = plating(section)
      section.allow(["source"])
      section.finish()
    }
    if let section = reader.mapping("loss_of_active_material", required: false) {
      degradation.activeMaterialLoss = activeMaterialLoss(section)
      section.allow(["source"])
      section.finish()
    }
    return degradation
  }

  private func model(_ section: MappingReader, _ names: [String]) -> String? {
    guard let name = section.string("model", example: names[1]) else { return nil }
    guard names.contains(name) else {
      section.sink.error(
        "unknown model '\(name)' in '\(section.path)'", at: section.location(of: "model"),
        hint: Suggestions.closest(to: name, in: names).map { "did you mean '\($0)'?" }
          ?? "models: \(names.joined(separator: ", "))")
      return nil
    }
    return name
  }

  private func positive(_ section: MappingReader, _ key: String, _ dimension: UnitDimension)
    -> Double?
  {
    section.quantity(key, dimension, open: 0...Double.infinity)
  }

  private func sei(_ section: MappingReader) -> SEIGrowth? {
    let name = model(section, Self.seiModels)
    let alpha = section.quantity("transfer_coefficient", .none, required: false, open: 0...1) ?? 0.5
    var limit: SEIGrowth.Limit?
    switch name {
    case "reaction limited":
      section.allow(["transfer_coefficient"])
      if let j0 = positive(section, "exchange_current", .currentDensity) {
        limit = .reaction(exchangeCurrentAm2: j0, transferCoefficient: alpha)
      }
    case "solvent-diffusion limited":
      let d = positive(section, "solvent_diffusivity", .diffusivity)
      let c = positive(section, "solvent_concentration", .concentration)
      if let d, let c { limit = .solventDiffusion(diffusivityM2s: d, solventConcentrationMolM3: c) }
    case "ec reaction limited":
      let k = positive(section, "rate_constant", UnitDimension(m: 1, s: -1))
      let d = positive(section, "ec_diffusivity", .diffusivity)
      let c = positive(section, "ec_concentration", .concentration)
      if let k, let d, let c {
        limit = .ecReaction(
          rateConstantMs: k, diffusivityM2s: d, concentrationMolM3: c, transferCoefficient: alpha)
      }
    case "interstitial-diffusion limited":
      let d = positive(section, "interstitial_diffusivity", .diffusivity)
      let c = positive(section, "interstitial_concentration", .concentration)
      if let d, let c { limit = .interstitialDiffusion(diffusivityM2s: d, concentrationMolM3: c) }
    case "electron-migration limited":
      if let kappa = positive(section, "electron_conductivity", .conductivity) {
        limit = .electronMigration(conductivitySM: kappa)
      }
    default:
      // Without a known model the other keys cannot be checked; say so once.
      section.allow(Self.seiKeys)
    }
    let ocp = section.quantity("open_circuit_potential", .voltage, required: false) ?? 0.4
    let volume = positive(section, "partial_molar_volume", UnitDimension(m: 3, mol: -1))
    let z = positive(section, "lithium_per_sei", .none)
    let rho = section.quantity("resistivity", UnitDimension(m: 3, kg: 1, s: -3, a: -2), range: 0...)
    let thickness = positive(section, "initial_thickness", .length)
    let energy =
      section.quantity(
        "activation_energy", UnitDimension(m: 2, kg: 1, s: -2, mol: -1), required: false,
        range: 0...) ?? 0
    let reference =
      section.quantity(
        "reference_temperature", .temperature, required: false, open: 0...Double.infinity)
      ?? 298.15
    guard let limit, let volume, let z, let rho, let thickness else { return nil }
    return SEIGrowth(
      limit: limit, openCircuitPotentialV: ocp, partialMolarVolumeM3Mol: volume,
      lithiumPerSEI: z, resistivityOhmM: rho, initialThicknessM: thickness,
      activationEnergyJMol: energy, referenceTemperatureK: reference)
  }

  /// Every key an SEI section may hold.
  static let seiKeys = [
    "transfer_coefficient", "exchange_current", "solvent_diffusivity", "solvent_concentration",
    "rate_constant", "ec_diffusivity", "ec_concentration", "interstitial_diffusivity",
    "interstitial_concentration", "electron_conductivity", "open_circuit_potential",
    "partial_molar_volume", "lithium_per_sei", "resistivity", "initial_thickness",
    "activation_energy", "reference_temperature",
  ]

  private func plating(_ section: MappingReader) -> LithiumPlating? {
    let name = model(section, Self.platingModels)
    var reversibility: LithiumPlating.Reversibility?
    switch name {
    case "reversible": reversibility = .reversible
    case "irreversible": reversibility = .irreversible
    case "partially reversible":
      if let gamma = positive(section, "dead_lithium_decay", UnitDimension(s: -1)) {
        reversibility = .partiallyReversible(deadLithiumDecayPerS: gamma)
      }
    default: section.allow(["dead_lithium_decay"])
    }
    let k = positive(section, "rate_constant", UnitDimension(m: 1, s: -1))
    let alpha = section.quantity("transfer_coefficient", .none, open: 0...1)
    let initial =
      section.quantity("initial_plated_lithium", .concentration, required: false, range: 0...) ?? 0
    guard let reversibility, let k, let alpha else { return nil }
    return LithiumPlating(
      reversibility: reversibility, rateConstantMs: k, transferCoefficient: alpha,
      initialPlatedMolM3: initial)
  }

  private func activeMaterialLoss(_ section: MappingReader) -> ActiveMaterialLoss? {
    var loss = ActiveMaterialLoss()
    if let stress = section.mapping("stress", required: false) {
      defer { stress.finish() }
      let beta = positive(stress, "rate_constant", UnitDimension(s: -1))
      let m = positive(stress, "exponent", .none)
      let critical = positive(stress, "critical_stress", .pressure)
      let omega = positive(stress, "partial_molar_volume", UnitDimension(m: 3, mol: -1))
      let modulus = positive(stress, "youngs_modulus", .pressure)
      let nu = stress.quantity("poisson_ratio", .none, open: 0...0.5)
      let induced = stress.flag("stress_induced_diffusion", default: true)
      let c0 =
        stress.quantity("reference_concentration", .concentration, required: false, range: 0...)
        ?? 0
      guard let beta, let m, let critical, let omega, let modulus, let nu else { return nil }
      loss.stress = ActiveMaterialLoss.StressDriven(
        rateConstantPerS: beta, exponent: m, criticalStressPa: critical,
        partialMolarVolumeM3Mol: omega, youngsModulusPa: modulus, poissonRatio: nu,
        stressInducedDiffusion: induced, referenceConcentrationMolM3: c0)
    }
    if let lithiation = section.mapping("lithiation", required: false) {
      defer { lithiation.finish() }
      let beta = positive(lithiation, "rate", .none)
      let m = lithiation.quantity("exponent", .none, range: 0...)
      if let beta, let m {
        loss.lithiation = ActiveMaterialLoss.LithiationDriven(rate: beta, exponent: m)
      }
    }
    loss.perSEIM3Mol =
      section.quantity(
        "per_sei", UnitDimension(m: 3, mol: -1), required: false, range: 0...) ?? 0
    loss.perCurrentM2PerAS =
      section.quantity(
        "per_current", UnitDimension(m: 2, s: -1, a: -1), required: false, range: 0...) ?? 0
    if loss.stress == nil, loss.lithiation == nil, loss.perSEIM3Mol == 0,
      loss.perCurrentM2PerAS == 0
    {
      section.sink.error(
        "'\(section.path)' turns no loss on", at: section.location,
        hint:
          "give 'stress: {…}', 'lithiation: {…}', 'per_sei' or 'per_current', or leave the "
          + "section out")
      return nil
    }
    return loss
  }
}
