import StudyModel

private typealias Slot = DFNLayout.Slot

extension SideReactionKernel {
  /// The per-volume quantities of state `y`: area, film resistance, SEI current (with its
  /// derivatives), total interfacial current, volumetric reaction and film drop.
  func prepare(_ y: UnsafePointer<Double>) {
    for k in 0..<count {
      let e = electrode[k]
      guard e >= 0 else { continue }
      let base = start[k]
      let j = y[base + Slot.interfacialCurrent]
      let c = constants[e]
      guard c.active else {
        // An electrode without side states: the base residual's own terms.
        area[k] = c.area0
        film[k] = c.film0
        total[k] = j
        reaction[k] = c.area0 * j
        filmDrop[k] = j * c.film0
        seiCurrent[k] = SEICurrent()
        continue
      }
      let fraction = c.fraction >= 0 ? y[base + c.fraction] : 1
      let scaledSEI = c.sei >= 0 ? y[base + c.sei] : 1
      area[k] = c.area0 * fraction
      // L = c_SEI V̄ / a = L₀ (c_SEI / c_SEI,0) / (a / a₀), and R = R₀ + ρ L.
      let thickness = c.seiThickness0 * scaledSEI / fraction
      if c.sei >= 0 {
        film[k] = c.film0 + c.seiResistivity * thickness
        filmPerSEI[k] = c.seiResistivity * c.seiThickness0 / fraction
        filmPerFraction[k] = -c.seiResistivity * thickness / fraction
        seiCurrent[k] = seiCurrent(
          c, y: y, base: base, current: j, thickness: thickness, scaledSEI: scaledSEI,
          fraction: fraction, film: film[k], filmPerSEI: filmPerSEI[k],
          filmPerFraction: filmPerFraction[k])
      } else {
        film[k] = c.film0
        filmPerSEI[k] = 0
        filmPerFraction[k] = 0
        seiCurrent[k] = SEICurrent()
      }
      let plating = c.platingCurrent >= 0 ? y[base + c.platingCurrent] : 0
      total[k] = j + seiCurrent[k].value + plating
      reaction[k] = area[k] * total[k]
      filmDrop[k] = total[k] * film[k]
    }
  }

  /// j_SEI of one volume and its derivatives, by the form the electrode declares, times the
  /// Arrhenius factor (Marquis 2020, §5.6.4; Yang and co-workers 2017).
  private func seiCurrent(
    _ c: SideConstants, y: UnsafePointer<Double>, base: Int, current j: Double,
    thickness: Double, scaledSEI: Double, fraction: Double, film: Double, filmPerSEI: Double,
    filmPerFraction: Double
  ) -> SEICurrent {
    let potential = y[base + Slot.solidPotential] - y[base + Slot.electrolytePotential]
    let arrhenius = c.seiCoefficient
    var result = SEICurrent()
    // Derivatives with respect to the thickness L and to the SEI overpotential
    // η_SEI = φ_s − φ_e − U_SEI − j R, from which the state derivatives follow.
    var perThickness = 0.0
    var perEta = 0.0
    var perPotential = 0.0
    switch c.seiForm {
    case .none: return result
    case .solvent:
      result.value = -arrhenius * c.seiRate / thickness
      perThickness = -result.value / thickness
    case .reaction:
      let eta = potential - c.seiOCP - j * film
      result.value = -arrhenius * c.seiRate * Math.exp(-c.seiAlpha * fOverRT * eta)
      perEta = -c.seiAlpha * fOverRT * result.value
    case .ec:
      let eta = potential - c.seiOCP - j * film
      let rate = c.seiRateConstant * Math.exp(-c.seiAlpha * fOverRT * eta)
      let denominator = 1 + thickness * rate / c.seiDiffusivity
      result.value = -arrhenius * c.seiRate * rate / denominator
      let perRate = -arrhenius * c.seiRate / (denominator * denominator)
      perEta = perRate * (-c.seiAlpha * fOverRT * rate)
      perThickness = -result.value * (rate / c.seiDiffusivity) / denominator
    case .interstitial:
      result.value = -arrhenius * c.seiRate / thickness * Math.exp(-fOverRT * potential)
      perPotential = -fOverRT * result.value
      perThickness = -result.value / thickness
    case .migration:
      if potential < c.seiOCP {
        result.value = arrhenius * c.seiRate * (potential - c.seiOCP) / thickness
        perPotential = arrhenius * c.seiRate / thickness
        perThickness = -result.value / thickness
      }
    }
    // L = L₀ s / ε: ∂L/∂s = L / s, ∂L/∂ε = −L / ε; η_SEI reads R(s, ε) through j R.
    result.phiS = perEta + perPotential
    result.phiE = -perEta - perPotential
    result.current = -perEta * film
    result.sei = perThickness * thickness / scaledSEI - perEta * j * filmPerSEI
    result.fraction = -perThickness * thickness / fraction - perEta * j * filmPerFraction
    return result
  }

  /// The rows of every side state: SEI growth, plating current, plated and dead lithium, the
  /// active fraction and the lithium lost with it.
  func rows(
    _ y: UnsafePointer<Double>, _ yp: UnsafePointer<Double>, _ r: UnsafeMutablePointer<Double>
  ) {
    let faraday = PhysicalConstants.faraday
    for k in 0..<count {
      let e = electrode[k]
      guard e >= 0, constants[e].active else { continue }
      let c = constants[e]
      let base = start[k]
      if c.sei >= 0 {
        // dc_SEI/dt = −a j_SEI / (F z), scaled by c_SEI,0.
        let row = base + c.sei
        r[row] = yp[row] + area[k] * seiCurrent[k].value / (faraday * c.seiZ * c.seiConcentration0)
      }
      if c.platingCurrent >= 0 { platingRows(c, k: k, y: y, yp: yp, r: r) }
      if c.fraction >= 0 {
        let (rate, mean) = activeMaterialRate(c, k: k, y: y)
        r[base + c.fraction] = yp[base + c.fraction] - rate / c.epsilon0
        // The lithium the lost material held: d/dt of the lost share = −x̄ dε_s/dt / ε_s,0.
        r[base + c.lost] = yp[base + c.lost] + mean * rate / c.epsilon0
      }
    }
  }

  /// The plating overpotential against Li/Li⁺ and the two partial currents F k c_Li e^(α_s f η)
  /// and F k c_e e^(−α_p f η) (stripping and plating) of volume `k`.
  func platingKinetics(_ c: SideConstants, k: Int, y: UnsafePointer<Double>) -> (
    eta: Double, stripping: Double, plating: Double
  ) {
    let base = start[k]
    let eta =
      y[base + Slot.solidPotential] - y[base + Slot.electrolytePotential] - filmDrop[k]
    let plated = y[base + c.plated] * LithiumPlating.concentrationScale
    // Exponents capped where e^x would overflow; the state never gets there in practice.
    let plating =
      c.platingRate * c0 * y[base + Slot.electrolyteConcentration]
      * Math.exp(min(-c.platingAlpha * fOverRT * eta, 600))
    let stripping =
      c.platingForm == .irreversible
      ? 0 : c.platingRate * plated * Math.exp(min((1 - c.platingAlpha) * fOverRT * eta, 600))
    return (eta, stripping, plating)
  }

  /// γ = γ₀ L₀ / L of volume `k` (γ₀ without SEI; 0 unless partially reversible).
  func deadLithiumRate(_ c: SideConstants, k: Int, y: UnsafePointer<Double>) -> Double {
    guard c.platingForm == .partial else { return 0 }
    guard c.sei >= 0 else { return c.deadDecay }
    let fraction = c.fraction >= 0 ? y[start[k] + c.fraction] : 1
    return c.deadDecay * fraction / y[start[k] + c.sei]
  }

  private func platingRows(
    _ c: SideConstants, k: Int, y: UnsafePointer<Double>, yp: UnsafePointer<Double>,
    r: UnsafeMutablePointer<Double>
  ) {
    let base = start[k]
    let (_, stripping, plating) = platingKinetics(c, k: k, y: y)
    let current = y[base + c.platingCurrent]
    r[base + c.platingCurrent] = current - (stripping - plating)
    // The plated and dead lithium, in units of the concentration scale.
    let flux = area[k] * current / (PhysicalConstants.faraday * LithiumPlating.concentrationScale)
    let gamma = deadLithiumRate(c, k: k, y: y)
    let plated = y[base + c.plated]
    switch c.platingForm {
    case .irreversible:
      r[base + c.plated] = yp[base + c.plated]
      r[base + c.dead] = yp[base + c.dead] + flux
    default:
      r[base + c.plated] = yp[base + c.plated] + flux + gamma * plated
      r[base + c.dead] = yp[base + c.dead] - gamma * plated
    }
  }

  /// dε_s/dt of volume `k` and its particle's mean stoichiometry x̄: stress-driven
  /// −β (σ_h⁺ / σ_c)^m, lithiation-driven −β ε_s x_surf^m max(−3 j / (F R c_max), 0),
  /// reaction-driven β_SEI a j_SEI / F and current-driven −k |I|.
  func activeMaterialRate(_ c: SideConstants, k: Int, y: UnsafePointer<Double>) -> (
    rate: Double, mean: Double
  ) {
    let shellOf = shellIndex + k * shells
    let weights = meanWeights + electrode[k] * shells
    var mean = 0.0
    for index in 0..<shells { mean += weights[index] * y[shellOf[index]] }
    var rate = 0.0
    if c.stressDriven {
      let surface = 1.5 * y[shellOf[shells - 1]] - 0.5 * y[shellOf[shells - 2]]
      let tensile = max(c.lamStressPerStoichiometry * (mean - surface), 0)
      rate -= c.lamRate * Math.pow(tensile / c.lamCritical, c.lamExponent)
    }
    if c.lithiationDriven {
      let filling = -c.fillingPerCurrent * y[start[k] + Slot.interfacialCurrent]
      if filling > 0 {
        let surface = max(1.5 * y[shellOf[shells - 1]] - 0.5 * y[shellOf[shells - 2]], 0)
        let solid = c.epsilon0 * y[start[k] + c.fraction]
        rate -= c.lamLithiation * solid * Math.pow(surface, c.lamLithiationExponent) * filling
      }
    }
    rate += c.lamPerSEI * area[k] * seiCurrent[k].value / PhysicalConstants.faraday
    rate -= c.lamPerCurrent * abs(y[currentIndex])
    return (rate, mean)
  }
}
