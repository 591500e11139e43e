import StudyModel

/// The degradation submodels of one electrode as the residual reads them: plain numbers and
/// offsets (−1 where a state is not carried).
struct SideConstants {
  var active = false
  var sei = -1
  var plated = -1
  var dead = -1
  var platingCurrent = -1
  var fraction = -1
  var lost = -1
  /// a₀, 1/m; the film resistance without SEI, Ω m²; ε_s,0.
  var area0 = 0.0
  var film0 = 0.0
  var epsilon0 = 0.0
  /// SEI: the form (see `SEIForm`), its Arrhenius factor, coefficients, U_SEI, L₀, ρ, z and
  /// c_SEI,0 = L₀ a₀ / V̄ (mol/m³ per unit of the scaled state).
  var seiForm = SEIForm.none
  var seiCoefficient = 0.0
  var seiRate = 0.0
  var seiDiffusivity = 0.0
  var seiRateConstant = 0.0
  var seiAlpha = 0.5
  var seiOCP = 0.0
  var seiThickness0 = 0.0
  var seiResistivity = 0.0
  var seiZ = 1.0
  var seiConcentration0 = 1.0
  /// Plating: the form, F k, α_p and the dead-lithium decay γ₀.
  var platingForm = PlatingForm.none
  var platingRate = 0.0
  var platingAlpha = 0.5
  var deadDecay = 0.0
  /// Loss of active material: β, m, σ_c and σ_h per unit of x̄ − x_surf, the reaction- and
  /// current-driven coefficients.
  var stressDriven = false
  var lamRate = 0.0
  var lamExponent = 2.0
  var lamCritical = 1.0
  var lamStressPerStoichiometry = 0.0
  var lamPerSEI = 0.0
  var lamPerCurrent = 0.0
  /// Lithiation-driven loss: β, m and 3 / (F R c_max), which turns j into the particle's
  /// rate of filling (s⁻¹ per A/m²).
  var lithiationDriven = false
  var lamLithiation = 0.0
  var lamLithiationExponent = 2.0
  var fillingPerCurrent = 0.0

  enum SEIForm { case none, reaction, solvent, ec, interstitial, migration }
  enum PlatingForm { case none, reversible, irreversible, partial }
}

/// The SEI current of one volume and its derivatives with respect to what it reads.
struct SEICurrent {
  var value = 0.0
  var phiS = 0.0
  var phiE = 0.0
  var current = 0.0
  var sei = 0.0
  var fraction = 0.0
}

/// Side reactions of the DFN (SEI growth, lithium plating, loss of active material): their
/// constants, the per-volume quantities the residual and the Jacobian share, and their rows.
///
/// Equations of O'Kane et al. (2022) as PyBaMM 26.10 states them: the total interfacial
/// current j + j_SEI + j_Li enters the salt, charge and solid balances with the area
/// a = a₀ ε_s / ε_s,0, and its drop across the film R = R₀ + ρ L every reaction overpotential.
final class SideReactionKernel {
  let count: Int
  let shells: Int
  // Raw buffers, as in `DFNKernel`: the residual reads and writes them without exclusivity
  // checks or copy-on-write.
  let start: UnsafeMutablePointer<Int>
  let electrode: UnsafeMutablePointer<Int>
  let width: UnsafeMutablePointer<Double>
  let fOverRT: Double
  let c0: Double
  let currentIndex: Int
  let constants: UnsafeMutablePointer<SideConstants>
  /// Per electrode, each shell's volume over the particle's (the weights of the mean),
  /// `shells` values from `meanWeights + e · shells`.
  let meanWeights: UnsafeMutablePointer<Double>
  /// Per electrode volume, its particle's shells' indices from `shellIndex + k · shells`.
  let shellIndex: UnsafeMutablePointer<Int>

  // Per-volume quantities of the current state.
  let area: UnsafeMutablePointer<Double>
  let film: UnsafeMutablePointer<Double>
  let filmPerSEI: UnsafeMutablePointer<Double>
  let filmPerFraction: UnsafeMutablePointer<Double>
  let total: UnsafeMutablePointer<Double>
  let reaction: UnsafeMutablePointer<Double>
  let filmDrop: UnsafeMutablePointer<Double>
  let seiCurrent: UnsafeMutablePointer<SEICurrent>
  /// The Butler–Volmer row's derivative with respect to its overpotential (the Jacobian's).
  let perEta: UnsafeMutablePointer<Double>

  private static func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
    pointer.initialize(from: values, count: values.count)
    return pointer
  }

  init(cell: CellParameters, layout: DFNLayout, geometry: DFNGeometry, fOverRT: Double) {
    count = layout.volumeCount
    shells = layout.mesh.particle
    start = Self.buffer(layout.volumeStart)
    electrode = Self.buffer(geometry.electrodeIndex)
    width = Self.buffer(geometry.width)
    self.fOverRT = fOverRT
    c0 = cell.electrolyte.initialConcentrationMolM3
    currentIndex = layout.current
    var constants: [SideConstants] = []
    var weights: [Double] = []
    for (e, parameters) in [cell.negative, cell.positive].enumerated() {
      let slots = e == 0 ? layout.negativeSlots : layout.positiveSlots
      constants.append(
        SideReactionKernel.constants(
          parameters, slots: slots, temperature: cell.temperatureK, fOverRT: fOverRT))
      let total = geometry.shellVolume[e].reduce(0, +)
      weights += geometry.shellVolume[e].map { $0 / total }
    }
    self.constants = Self.buffer(constants)
    meanWeights = Self.buffer(weights)
    shellIndex = Self.buffer(
      (0..<layout.volumeCount).flatMap { k in
        layout.regions[k] == .separator
          ? [Int](repeating: -1, count: layout.mesh.particle)
          : (0..<layout.mesh.particle).map { layout.stoichiometry(k, shell: $0) }
      })
    area = Self.buffer(geometry.specificArea)
    let zeros = [Double](repeating: 0, count: count)
    film = Self.buffer(zeros)
    filmPerSEI = Self.buffer(zeros)
    filmPerFraction = Self.buffer(zeros)
    total = Self.buffer(zeros)
    reaction = Self.buffer(zeros)
    filmDrop = Self.buffer(zeros)
    perEta = Self.buffer(zeros)
    seiCurrent = Self.buffer([SEICurrent](repeating: SEICurrent(), count: count))
  }

  deinit {
    for pointer in [
      width, area, film, filmPerSEI, filmPerFraction, total, reaction, filmDrop, perEta,
      meanWeights,
    ] {
      pointer.deallocate()
    }
    start.deallocate()
    electrode.deallocate()
    shellIndex.deallocate()
    constants.deallocate()
    seiCurrent.deallocate()
  }

  private static func constants(
    _ p: ElectrodeParameters, slots: SideStates.Slots, temperature: Double, fOverRT: Double
  ) -> SideConstants {
    var c = SideConstants()
    c.active = slots.count > 0
    c.sei = slots.sei ?? -1
    c.plated = slots.plated ?? -1
    c.dead = slots.dead ?? -1
    c.platingCurrent = slots.platingCurrent ?? -1
    c.fraction = slots.activeFraction ?? -1
    c.lost = slots.lostLithium ?? -1
    c.area0 = p.specificAreaPerM
    c.film0 = p.filmResistanceOhmM2
    c.epsilon0 = p.activeFraction
    let faraday = PhysicalConstants.faraday
    if let sei = p.degradation.sei {
      let gas = PhysicalConstants.gas
      c.seiCoefficient =
        Math.exp(
          sei.activationEnergyJMol / gas * (1 / sei.referenceTemperatureK - 1 / temperature))
      switch sei.limit {
      case .reaction(let j0, let alpha):
        c.seiForm = .reaction
        c.seiRate = j0
        c.seiAlpha = alpha
      case .solventDiffusion(let d, let concentration):
        c.seiForm = .solvent
        c.seiRate = faraday * d * concentration
      case .ecReaction(let k, let d, let concentration, let alpha):
        c.seiForm = .ec
        c.seiRate = faraday * concentration
        c.seiDiffusivity = d
        c.seiAlpha = alpha
        c.seiRateConstant = k
      case .interstitialDiffusion(let d, let concentration):
        c.seiForm = .interstitial
        c.seiRate = d * concentration * faraday
      case .electronMigration(let kappa):
        c.seiForm = .migration
        c.seiRate = kappa
      }
      c.seiOCP = sei.openCircuitPotentialV
      c.seiThickness0 = sei.initialThicknessM
      c.seiResistivity = sei.resistivityOhmM
      c.seiZ = sei.lithiumPerSEI
      c.seiConcentration0 = sei.initialThicknessM * c.area0 / sei.partialMolarVolumeM3Mol
    }
    if let plating = p.degradation.plating {
      c.platingRate = faraday * plating.rateConstantMs
      c.platingAlpha = plating.transferCoefficient
      switch plating.reversibility {
      case .reversible: c.platingForm = .reversible
      case .irreversible: c.platingForm = .irreversible
      case .partiallyReversible(let gamma):
        c.platingForm = .partial
        c.deadDecay = gamma
      }
    }
    if let loss = p.degradation.activeMaterialLoss {
      if let stress = loss.stress {
        c.stressDriven = true
        c.lamRate = stress.rateConstantPerS
        c.lamExponent = stress.exponent
        c.lamCritical = stress.criticalStressPa
        // σ_t = Ω E c_max (x̄ − x_surf) / (3 (1 − ν)) at the surface, σ_r = 0, σ_h = 2 σ_t / 3.
        c.lamStressPerStoichiometry =
          2.0 / 3.0 * stress.partialMolarVolumeM3Mol * stress.youngsModulusPa
          * p.maxConcentrationMolM3 / (3 * (1 - stress.poissonRatio))
      }
      if let lithiation = loss.lithiation {
        c.lithiationDriven = true
        c.lamLithiation = lithiation.rate
        c.lamLithiationExponent = lithiation.exponent
        c.fillingPerCurrent =
          3 / (faraday * p.particleRadiusM * p.maxConcentrationMolM3)
      }
      c.lamPerSEI = loss.perSEIM3Mol
      c.lamPerCurrent = loss.perCurrentM2PerAS
    }
    return c
  }
}
