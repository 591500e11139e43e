import StudyModel

private typealias Slot = DFNLayout.Slot

extension SideReactionKernel {
  /// The side reactions' part of dF/dy + cj dF/dy′, after `prepare` and the base Jacobian
  /// (which wrote the Butler–Volmer rows' `perEta` and used each volume's area and film):
  /// the base rows' derivatives with respect to the side states and through j_SEI, and the
  /// side rows themselves.
  func jacobian<Target: JacobianTarget>(
    y: UnsafePointer<Double>, cj: Double, transference: Double, into target: inout Target
  ) {
    let faraday = PhysicalConstants.faraday
    for k in 0..<count {
      let e = electrode[k]
      guard e >= 0, constants[e].active else { continue }
      let c = constants[e]
      let base = start[k]
      let salt = base + Slot.electrolyteConcentration
      let phiE = base + Slot.electrolytePotential
      let phiS = base + Slot.solidPotential
      let j = base + Slot.interfacialCurrent
      let a = area[k]
      let sei = seiCurrent[k]
      let total = self.total[k]
      let resistance = film[k]
      // ∂(a j_tot) through j_SEI, j_Li and the area; each balance row scales it.
      let perTotalFraction = c.area0 * total + a * sei.fraction
      for (row, factor) in [
        (salt, -(1 - transference) / (faraday * c0)), (phiE, -width[k]), (phiS, width[k]),
      ] {
        target.add(row, phiS, factor * a * sei.phiS)
        target.add(row, phiE, factor * a * sei.phiE)
        target.add(row, j, factor * a * sei.current)
        if c.platingCurrent >= 0 { target.add(row, base + c.platingCurrent, factor * a) }
        if c.sei >= 0 { target.add(row, base + c.sei, factor * a * sei.sei) }
        if c.fraction >= 0 { target.add(row, base + c.fraction, factor * perTotalFraction) }
      }
      // The film drop j_tot R in every overpotential: η's derivatives beyond ∂/∂φ = ±1 and
      // ∂/∂j = −R, which the base rows take.
      let etaPhiS = -resistance * sei.phiS
      let etaPhiE = -resistance * sei.phiE
      let etaCurrent = -resistance * sei.current
      let etaSEI = -total * filmPerSEI[k] - resistance * sei.sei
      let etaFraction = -total * filmPerFraction[k] - resistance * sei.fraction
      let bv = perEta[k]
      target.add(j, phiS, bv * etaPhiS)
      target.add(j, phiE, bv * etaPhiE)
      target.add(j, j, bv * etaCurrent)
      if c.platingCurrent >= 0 { target.add(j, base + c.platingCurrent, -bv * resistance) }
      if c.sei >= 0 { target.add(j, base + c.sei, bv * etaSEI) }
      if c.fraction >= 0 { target.add(j, base + c.fraction, bv * etaFraction) }
      if c.sei >= 0 {
        let row = base + c.sei
        let scale = 1 / (faraday * c.seiZ * c.seiConcentration0)
        target.add(row, row, cj + scale * a * sei.sei)
        target.add(row, phiS, scale * a * sei.phiS)
        target.add(row, phiE, scale * a * sei.phiE)
        target.add(row, j, scale * a * sei.current)
        if c.fraction >= 0 {
          target.add(row, base + c.fraction, scale * (c.area0 * sei.value + a * sei.fraction))
        }
      }
      if c.platingCurrent >= 0 {
        platingJacobian(
          c, k: k, y: y, cj: cj,
          eta: (
            phiS: 1 + etaPhiS, phiE: -1 + etaPhiE, current: -resistance + etaCurrent,
            sei: etaSEI, fraction: etaFraction
          ), into: &target)
      }
      if c.fraction >= 0 { activeMaterialJacobian(c, k: k, y: y, cj: cj, into: &target) }
    }
  }

  /// The plating current's row and the plated and dead lithium's rows.
  private func platingJacobian<Target: JacobianTarget>(
    _ c: SideConstants, k: Int, y: UnsafePointer<Double>, cj: Double,
    eta: (phiS: Double, phiE: Double, current: Double, sei: Double, fraction: Double),
    into target: inout Target
  ) {
    let base = start[k]
    let row = base + c.platingCurrent
    let (value, stripping, plating) = platingKinetics(c, k: k, y: y)
    _ = value
    let f = fOverRT
    // r = J − (K_s − K_p): ∂r/∂η = −(α_s f K_s + α_p f K_p).
    let perEta = -((1 - c.platingAlpha) * f * stripping + c.platingAlpha * f * plating)
    let resistance = film[k]
    target.add(row, row, 1 + perEta * -resistance)
    target.add(row, base + Slot.interfacialCurrent, perEta * eta.current)
    target.add(row, base + Slot.solidPotential, perEta * eta.phiS)
    target.add(row, base + Slot.electrolytePotential, perEta * eta.phiE)
    let concentration = y[base + Slot.electrolyteConcentration]
    target.add(
      row, base + Slot.electrolyteConcentration, concentration > 0 ? plating / concentration : 0)
    let plated = y[base + c.plated]
    let perPlated =
      c.platingForm == .irreversible
      ? 0
      : c.platingRate * LithiumPlating.concentrationScale
        * Math.exp(min((1 - c.platingAlpha) * f * (value), 600))
    target.add(row, base + c.plated, -perPlated)
    if c.sei >= 0 { target.add(row, base + c.sei, perEta * eta.sei) }
    if c.fraction >= 0 { target.add(row, base + c.fraction, perEta * eta.fraction) }
    // Plated and dead lithium: p′ + a J / (F c_ref) + γ p and d′ − γ p (partially
    // reversible), γ = γ₀ ε / s.
    let current = y[row]
    let scale = 1 / (PhysicalConstants.faraday * LithiumPlating.concentrationScale)
    let gamma = deadLithiumRate(c, k: k, y: y)
    var gammaPerSEI = 0.0
    var gammaPerFraction = 0.0
    if c.platingForm == .partial, c.sei >= 0 {
      let fraction = c.fraction >= 0 ? y[base + c.fraction] : 1
      let scaledSEI = y[base + c.sei]
      gammaPerSEI = -c.deadDecay * fraction / (scaledSEI * scaledSEI)
      gammaPerFraction = c.deadDecay / scaledSEI
    }
    let platedRow = base + c.plated
    let deadRow = base + c.dead
    switch c.platingForm {
    case .irreversible:
      target.add(platedRow, platedRow, cj)
      target.add(deadRow, deadRow, cj)
      target.add(deadRow, row, area[k] * scale)
      if c.fraction >= 0 { target.add(deadRow, base + c.fraction, c.area0 * current * scale) }
    default:
      target.add(platedRow, platedRow, cj + gamma)
      target.add(platedRow, row, area[k] * scale)
      target.add(deadRow, deadRow, cj)
      target.add(deadRow, platedRow, -gamma)
      if c.sei >= 0 {
        target.add(platedRow, base + c.sei, gammaPerSEI * plated)
        target.add(deadRow, base + c.sei, -gammaPerSEI * plated)
      }
      if c.fraction >= 0 {
        target.add(
          platedRow, base + c.fraction, c.area0 * current * scale + gammaPerFraction * plated)
        target.add(deadRow, base + c.fraction, -gammaPerFraction * plated)
      }
    }
  }

  /// The active fraction's and the lost lithium's rows.
  private func activeMaterialJacobian<Target: JacobianTarget>(
    _ c: SideConstants, k: Int, y: UnsafePointer<Double>, cj: Double, into target: inout Target
  ) {
    let base = start[k]
    let fractionRow = base + c.fraction
    let lostRow = base + c.lost
    let (rate, mean) = activeMaterialRate(c, k: k, y: y)
    let shellOf = shellIndex + k * shells
    let weights = meanWeights + electrode[k] * shells
    // ∂rate/∂x_i of the stress-driven part (zero while the surface is not in tension).
    var perTension = 0.0
    if c.stressDriven {
      let surface = 1.5 * y[shellOf[shells - 1]] - 0.5 * y[shellOf[shells - 2]]
      let tensile = c.lamStressPerStoichiometry * (mean - surface)
      if tensile > 0 {
        perTension =
          -c.lamRate * c.lamExponent * Math.pow(tensile / c.lamCritical, c.lamExponent - 1)
          * c.lamStressPerStoichiometry / c.lamCritical
      }
    }
    // The lithiation-driven part −β ε_s x_surf^m r, r = −3 j / (F R c_max), while r > 0:
    // its derivatives by the surface stoichiometry, j and the active fraction.
    var perSurface = 0.0
    var lithiationPerCurrent = 0.0
    var lithiationPerFraction = 0.0
    if c.lithiationDriven {
      let filling = -c.fillingPerCurrent * y[base + Slot.interfacialCurrent]
      let surface = 1.5 * y[shellOf[shells - 1]] - 0.5 * y[shellOf[shells - 2]]
      if filling > 0, surface > 0 {
        let fraction = y[base + c.fraction]
        let power = Math.pow(surface, c.lamLithiationExponent)
        let coefficient = c.lamLithiation * c.epsilon0
        lithiationPerFraction = -coefficient * power * filling
        lithiationPerCurrent = coefficient * fraction * power * c.fillingPerCurrent
        perSurface =
          -coefficient * fraction * c.lamLithiationExponent
          * Math.pow(surface, c.lamLithiationExponent - 1) * filling
      }
    }
    let inverse = 1 / c.epsilon0
    for index in 0..<shells {
      let shell = shellOf[index]
      var perShell = weights[index]
      var surfaceWeight = 0.0
      if index == shells - 1 { surfaceWeight = 1.5 }
      if index == shells - 2 { surfaceWeight = -0.5 }
      perShell -= surfaceWeight
      let ratePerShell = perTension * perShell + perSurface * surfaceWeight
      target.add(fractionRow, shell, -ratePerShell * inverse)
      target.add(lostRow, shell, (weights[index] * rate + mean * ratePerShell) * inverse)
    }
    // The reaction-driven part through j_SEI and the area, the current-driven through |I|.
    let sei = seiCurrent[k]
    let perSEICurrent = c.lamPerSEI * area[k] / PhysicalConstants.faraday
    let ratePerFraction =
      c.lamPerSEI * (c.area0 * sei.value + area[k] * sei.fraction) / PhysicalConstants.faraday
      + lithiationPerFraction
    let current = y[currentIndex]
    let ratePerCurrent = -c.lamPerCurrent * (current > 0 ? 1 : current < 0 ? -1 : 0)
    var dependencies: [(Int, Double)] = [
      (base + Slot.solidPotential, perSEICurrent * sei.phiS),
      (base + Slot.electrolytePotential, perSEICurrent * sei.phiE),
      (base + Slot.interfacialCurrent, perSEICurrent * sei.current + lithiationPerCurrent),
    ]
    // The applied current only where the structure has it (a current-driven loss).
    if c.lamPerCurrent > 0 { dependencies.append((currentIndex, ratePerCurrent)) }
    for (column, ratePer) in dependencies {
      target.add(fractionRow, column, -ratePer * inverse)
      target.add(lostRow, column, mean * ratePer * inverse)
    }
    if c.sei >= 0 {
      target.add(fractionRow, base + c.sei, -perSEICurrent * sei.sei * inverse)
      target.add(lostRow, base + c.sei, mean * perSEICurrent * sei.sei * inverse)
    }
    target.add(fractionRow, fractionRow, cj - ratePerFraction * inverse)
    target.add(lostRow, fractionRow, mean * ratePerFraction * inverse)
    target.add(lostRow, lostRow, cj)
  }
}
