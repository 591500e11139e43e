/// The degradation submodels of one electrode, each off unless declared.
///
/// The forms are those PyBaMM states (O'Kane et al. 2022, "Lithium-ion battery degradation:
/// how to model it"): SEI growth with its film resistance, lithium plating and stripping, and
/// loss of active material.
public struct Degradation: Sendable, Equatable, Hashable {
  /// SEI growth on the particles' surface.
  public var sei: SEIGrowth?
  /// Lithium plating on the particles' surface.
  public var plating: LithiumPlating?
  /// Loss of active material.
  public var activeMaterialLoss: ActiveMaterialLoss?

  /// Degradation from its submodels (none by default).
  public init(
    sei: SEIGrowth? = nil, plating: LithiumPlating? = nil,
    activeMaterialLoss: ActiveMaterialLoss? = nil
  ) {
    self.sei = sei
    self.plating = plating
    self.activeMaterialLoss = activeMaterialLoss
  }

  /// Whether any submodel is on.
  public var isActive: Bool { sei != nil || plating != nil || activeMaterialLoss != nil }
}

/// Growth of the solid–electrolyte interphase, with the lithium it consumes and its film
/// resistance.
///
/// The forms are those of Marquis (2020, §5.6.4) and, for the EC-reaction-limited one, of Yang
/// and co-workers (2017).
/// The SEI is a concentration c_SEI per electrode volume (mol/m³), its thickness
/// L = c_SEI V̄ / a; it grows as dc_SEI/dt = −a j_SEI / (F z) with j_SEI < 0, and its film adds
/// j_tot ρ L to every reaction overpotential.
public struct SEIGrowth: Sendable, Equatable, Hashable {
  /// What limits the growth, with its parameters.
  public enum Limit: Sendable, Equatable, Hashable {
    /// j_SEI = −j0 exp(−α F η_SEI / RT), η_SEI = φ_s − φ_e − U_SEI − j ρ L.
    case reaction(exchangeCurrentAm2: Double, transferCoefficient: Double)
    /// j_SEI = −F D_sol c_sol / L.
    case solventDiffusion(diffusivityM2s: Double, solventConcentrationMolM3: Double)
    /// j_SEI = −F c_EC k e / (1 + L k e / D_EC), e = exp(−α F η_SEI / RT).
    case ecReaction(
      rateConstantMs: Double, diffusivityM2s: Double, concentrationMolM3: Double,
      transferCoefficient: Double)
    /// j_SEI = −(D_Li c_Li0 F / L) exp(−F (φ_s − φ_e) / RT).
    case interstitialDiffusion(diffusivityM2s: Double, concentrationMolM3: Double)
    /// j_SEI = κ (φ_s − φ_e − U_SEI) / L where φ_s − φ_e < U_SEI, else 0.
    case electronMigration(conductivitySM: Double)
  }

  /// What limits the growth.
  public var limit: Limit
  /// The SEI reaction's open-circuit potential U_SEI, V.
  public var openCircuitPotentialV: Double
  /// The SEI's partial molar volume V̄, m³/mol.
  public var partialMolarVolumeM3Mol: Double
  /// Moles of lithium per mole of SEI, z.
  public var lithiumPerSEI: Double
  /// The SEI's ionic resistivity ρ, Ω m.
  public var resistivityOhmM: Double
  /// The initial thickness L₀, m.
  public var initialThicknessM: Double
  /// The Arrhenius activation energy of the growth, J/mol (0: none).
  public var activationEnergyJMol: Double
  /// The temperature the rate constants are given at, K.
  public var referenceTemperatureK: Double

  /// An SEI model.
  public init(
    limit: Limit, openCircuitPotentialV: Double = 0.4, partialMolarVolumeM3Mol: Double,
    lithiumPerSEI: Double, resistivityOhmM: Double, initialThicknessM: Double,
    activationEnergyJMol: Double = 0, referenceTemperatureK: Double = 298.15
  ) {
    self.limit = limit
    self.openCircuitPotentialV = openCircuitPotentialV
    self.partialMolarVolumeM3Mol = partialMolarVolumeM3Mol
    self.lithiumPerSEI = lithiumPerSEI
    self.resistivityOhmM = resistivityOhmM
    self.initialThicknessM = initialThicknessM
    self.activationEnergyJMol = activationEnergyJMol
    self.referenceTemperatureK = referenceTemperatureK
  }
}

/// Lithium plating and stripping on the particles' surface.
///
/// The forms are O'Kane and co-workers' (2020, 2022).
/// j_Li = F k c_Li exp(α_s F η / RT) − F k c_e exp(−α_p F η / RT) with η = φ_s − φ_e − j_tot R
/// against Li/Li⁺ (0 V) and α_s = 1 − α_p; the plated lithium c_Li changes by −a j_Li / F,
/// and in the partially reversible form decays into dead lithium at γ₀ L₀ / L.
public struct LithiumPlating: Sendable, Equatable, Hashable {
  /// What becomes of plated lithium.
  public enum Reversibility: Sendable, Equatable, Hashable {
    /// All of it can be stripped again.
    case reversible
    /// None of it can: it is dead lithium at once (no stripping).
    case irreversible
    /// It can be stripped, but decays into dead lithium at γ₀ L₀ / L (s⁻¹).
    case partiallyReversible(deadLithiumDecayPerS: Double)
  }

  /// What becomes of plated lithium.
  public var reversibility: Reversibility
  /// The plating kinetic rate constant k, m/s.
  public var rateConstantMs: Double
  /// The plating transfer coefficient α_p (stripping: 1 − α_p).
  public var transferCoefficient: Double
  /// The initial plated lithium, mol/m³ of electrode.
  public var initialPlatedMolM3: Double

  /// A plating model.
  public init(
    reversibility: Reversibility, rateConstantMs: Double, transferCoefficient: Double,
    initialPlatedMolM3: Double = 0
  ) {
    self.reversibility = reversibility
    self.rateConstantMs = rateConstantMs
    self.transferCoefficient = transferCoefficient
    self.initialPlatedMolM3 = initialPlatedMolM3
  }
}

/// Loss of active material, which removes surface area, capacity and the lithium the lost
/// material holds (PyBaMM's stress-, reaction- and current-driven forms).
public struct ActiveMaterialLoss: Sendable, Equatable, Hashable {
  /// Stress-driven loss: dε_s/dt = −β (σ_h⁺ / σ_c)^m with σ_h the hydrostatic surface stress
  /// of a swelling particle, σ_t = Ω E (c̄ − c_surf) / (3 (1 − ν)) and σ_h = 2 σ_t / 3.
  public struct StressDriven: Sendable, Equatable, Hashable {
    /// β, s⁻¹.
    public var rateConstantPerS: Double
    /// The exponent m.
    public var exponent: Double
    /// The critical stress σ_c, Pa.
    public var criticalStressPa: Double
    /// Lithium's partial molar volume in the host Ω, m³/mol.
    public var partialMolarVolumeM3Mol: Double
    /// Young's modulus E, Pa.
    public var youngsModulusPa: Double
    /// Poisson's ratio ν.
    public var poissonRatio: Double
    /// Whether the stress speeds diffusion in the particle (on by default).
    ///
    /// D_eff = D (1 + θ_M (c − c₀)) with θ_M = Ω / (R T) · 2 Ω E / (9 (1 − ν)), eq. 12 of Ai
    /// and co-workers (2020), as PyBaMM's swelling particles have it.
    public var stressInducedDiffusion: Bool
    /// The concentration of a particle free of deformation c₀, mol/m³.
    public var referenceConcentrationMolM3: Double

    /// A stress-driven loss.
    public init(
      rateConstantPerS: Double, exponent: Double, criticalStressPa: Double,
      partialMolarVolumeM3Mol: Double, youngsModulusPa: Double, poissonRatio: Double,
      stressInducedDiffusion: Bool = true, referenceConcentrationMolM3: Double = 0
    ) {
      self.rateConstantPerS = rateConstantPerS
      self.exponent = exponent
      self.criticalStressPa = criticalStressPa
      self.partialMolarVolumeM3Mol = partialMolarVolumeM3Mol
      self.youngsModulusPa = youngsModulusPa
      self.poissonRatio = poissonRatio
      self.stressInducedDiffusion = stressInducedDiffusion
      self.referenceConcentrationMolM3 = referenceConcentrationMolM3
    }

  }

  /// Lithiation-driven loss of a material that swells as it fills (silicon):
  /// dε_s/dt = −β ε_s x_surf^m r, where r = max(−3 j / (F R c_max), 0) is the rate at which
  /// the particle is being lithiated (s⁻¹), so that each lithiation loses the share
  /// β ∫ x^m dx of the material, more the fuller it is filled.
  ///
  /// Silicon's volume grows by some 300 % on full lithiation (Poetke et al.), and its fade
  /// grows with the stoichiometry swing each cycle; with m = 2 the loss of one lithiation
  /// from 0 to x is β x³ / 3, the cube of the swing.
  public struct LithiationDriven: Sendable, Equatable, Hashable {
    /// β, the share of the material lost per unit of stoichiometry lithiated at x = 1.
    public var rate: Double
    /// The exponent m on the surface stoichiometry.
    public var exponent: Double

    /// A lithiation-driven loss.
    public init(rate: Double, exponent: Double) {
      self.rate = rate
      self.exponent = exponent
    }
  }

  /// The stress-driven part, if any.
  public var stress: StressDriven?
  /// The lithiation-driven part, if any.
  public var lithiation: LithiationDriven?
  /// Reaction-driven loss per mole of SEI formed, dε_s/dt = β a j_SEI / F, m³/mol (0: none).
  public var perSEIM3Mol: Double
  /// Current-driven loss, dε_s/dt = −k |I|, per A/m² of applied current and second (0: none).
  public var perCurrentM2PerAS: Double

  /// A loss of active material.
  public init(
    stress: StressDriven? = nil, lithiation: LithiationDriven? = nil, perSEIM3Mol: Double = 0,
    perCurrentM2PerAS: Double = 0
  ) {
    self.stress = stress
    self.lithiation = lithiation
    self.perSEIM3Mol = perSEIM3Mol
    self.perCurrentM2PerAS = perCurrentM2PerAS
  }
}
