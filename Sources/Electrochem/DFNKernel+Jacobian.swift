import StudyModel

private typealias Slot = DFNLayout.Slot

/// Where the analytic Jacobian's values go.
///
/// They are produced in a fixed order that does not depend on the state, so a target either
/// records the (row, column) of each value or adds it to a slot found once for that position.
protocol JacobianTarget {
  mutating func add(_ row: Int, _ column: Int, _ value: Double)
}

/// Records the (row, column) of each value, in order.
struct JacobianRecorder: JacobianTarget {
  var entries: [(row: Int, column: Int)] = []

  mutating func add(_ row: Int, _ column: Int, _ value: Double) {
    entries.append((row, column))
  }
}

/// Adds the n-th value to `values[slots[n]]`.
struct JacobianSlotWriter: JacobianTarget {
  let slots: UnsafeBufferPointer<Int>
  let values: UnsafeMutableBufferPointer<Double>
  var cursor = 0

  @inline(__always)
  mutating func add(_ row: Int, _ column: Int, _ value: Double) {
    values[slots[cursor]] += value
    cursor += 1
  }
}

extension DFNKernel {
  /// dF/dy + cj dF/dy′ of `residual`, row by row, into `target`; false when a concentration
  /// is not positive and finite.
  ///
  /// Every derivative is the exact derivative of the discrete residual (material functions
  /// through their tabulated slopes), so Newton's method converges as it would with the true
  /// Jacobian, at the cost of about one and a half residuals instead of eight.
  func jacobian<Target: JacobianTarget>(
    y: Span<Double>, yp: Span<Double>, cj: Double, control: CellControl, into target: inout Target
  ) -> Bool {
    let c0 = electrolyte.initialConcentrationMolM3
    let transference = electrolyte.transferenceNumber
    guard electrolyteProperties(y, slopes: true) else { return false }
    if let sides { y.withUnsafeBufferPointer { if let y = $0.baseAddress { sides.prepare(y) } } }
    faceDerivatives(y: y, c0: c0)
    for k in 0..<count {
      electrolyteRows(k: k, cj: cj, c0: c0, transference: transference, into: &target)
      let e = electrode[k]
      if e >= 0 { electrodeRows(k: k, e: e, y: y, cj: cj, into: &target) }
    }
    if let sides {
      y.withUnsafeBufferPointer { buffer in
        if let y = buffer.baseAddress {
          sides.jacobian(y: y, cj: cj, transference: transference, into: &target)
        }
      }
    }
    // External circuit: I = I_set, or V(φ_s, I) = V_set. Both entries are always written so
    // that the order of values does not depend on the control.
    let last = start[count - 1] + Slot.solidPotential
    switch control {
    case .current:
      target.add(currentIndex, currentIndex, 1)
      target.add(currentIndex, last, 0)
    case .voltage:
      target.add(
        currentIndex, currentIndex,
        -(lastWidth / 2 / constants[1].effectiveConductivity + contactResistance))
      target.add(currentIndex, last, 1)
    }
    // Charge counter: q′ − I / (C/m² per mAh/cm²).
    target.add(chargeIndex, chargeIndex, cj)
    target.add(chargeIndex, currentIndex, -1 / ArealCharge.coulombsPerM2PerMAhCm2)
    return true
  }

  /// Derivatives of the salt flux and ionic current through every interior face with respect
  /// to the scaled concentrations and electrolyte potentials on either side.
  private func faceDerivatives(y: Span<Double>, c0: Double) {
    for face in [0, count] {
      saltFluxLeft[face] = 0
      saltFluxRight[face] = 0
      ionicCurrentPotential[face] = 0
      ionicCurrentLeft[face] = 0
      ionicCurrentRight[face] = 0
    }
    for k in 0..<(count - 1) {
      let half0 = width[k] / 2
      let half1 = width[k + 1] / 2
      let gap = distance[k]
      // Harmonic face values g / (h0/D0 + h1/D1) (the residual computes D_face / g in the
      // equal form D0 D1 / (h0 D1 + h1 D0)); d/dD0 = face² h0 / (g D0²).
      let diffusionSum = half0 / diffusivity[k] + half1 / diffusivity[k + 1]
      let faceDiffusivity = gap / diffusionSum
      let conductionSum = half0 / conductivity[k] + half1 / conductivity[k + 1]
      let faceConductivity = gap / conductionSum
      let dDiffusivity0 =
        faceDiffusivity * faceDiffusivity * half0 / (gap * diffusivity[k] * diffusivity[k])
      let dDiffusivity1 =
        faceDiffusivity * faceDiffusivity * half1 / (gap * diffusivity[k + 1] * diffusivity[k + 1])
      let dConductivity0 =
        faceConductivity * faceConductivity * half0 / (gap * conductivity[k] * conductivity[k])
      let dConductivity1 =
        faceConductivity * faceConductivity * half1
        / (gap * conductivity[k + 1] * conductivity[k + 1])
      // N = D_face (c1 − c0) / g.
      let concentrationGradient = (concentration[k + 1] - concentration[k]) / gap
      saltFluxLeft[k + 1] =
        dDiffusivity0 * diffusivitySlope[k] * concentrationGradient - faceDiffusivity * c0 / gap
      saltFluxRight[k + 1] =
        dDiffusivity1 * diffusivitySlope[k + 1] * concentrationGradient + faceDiffusivity * c0
        / gap
      // i_e = −κ_face (Δφ_e / g − F̄ Δln c / g), F̄ the mean diffusion-potential factor.
      let factor = (potentialFactor[k] + potentialFactor[k + 1]) / 2
      let logGradient = (logConcentration[k + 1] - logConcentration[k]) / gap
      let driving =
        (y[start[k + 1] + Slot.electrolytePotential] - y[start[k] + Slot.electrolytePotential])
        / gap - factor * logGradient
      // d i_e / d φ_e on the left; the right side has the opposite sign.
      ionicCurrentPotential[k + 1] = faceConductivity / gap
      ionicCurrentLeft[k + 1] =
        -dConductivity0 * conductivitySlope[k] * driving
        - faceConductivity
        * (-potentialFactorSlope[k] / 2 * logGradient + factor * c0 / (concentration[k] * gap))
      ionicCurrentRight[k + 1] =
        -dConductivity1 * conductivitySlope[k + 1] * driving
        - faceConductivity
        * (-potentialFactorSlope[k + 1] / 2 * logGradient - factor * c0
          / (concentration[k + 1] * gap))
    }
  }

  /// Salt-mass and electrolyte-charge rows of volume `k` (see `residual`).
  @inline(__always)
  private func electrolyteRows<Target: JacobianTarget>(
    k: Int, cj: Double, c0: Double, transference: Double, into target: inout Target
  ) {
    let base = start[k]
    let isElectrode = electrode[k] >= 0
    let saltScale = 1 / (width[k] * c0)
    // Salt: ε u′ − ((N_{k+1} − N_k) / w + (1 − t₊) a j / F) / c0.
    let salt = base + Slot.electrolyteConcentration
    if k > 0 {
      target.add(salt, start[k - 1] + Slot.electrolyteConcentration, saltFluxLeft[k] * saltScale)
    }
    target.add(
      salt, salt, porosity[k] * cj - (saltFluxLeft[k + 1] - saltFluxRight[k]) * saltScale)
    if k < count - 1 {
      target.add(
        salt, start[k + 1] + Slot.electrolyteConcentration, -saltFluxRight[k + 1] * saltScale)
    }
    if isElectrode {
      target.add(
        salt, base + Slot.interfacialCurrent,
        -(1 - transference) * reactionArea(k) / (PhysicalConstants.faraday * c0))
    }
    // Charge: i_{k+1} − i_k − a j w.
    let row = base + Slot.electrolytePotential
    if k > 0 {
      target.add(row, start[k - 1] + Slot.electrolyteConcentration, -ionicCurrentLeft[k])
      target.add(row, start[k - 1] + Slot.electrolytePotential, -ionicCurrentPotential[k])
    }
    target.add(row, salt, ionicCurrentLeft[k + 1] - ionicCurrentRight[k])
    target.add(row, row, ionicCurrentPotential[k + 1] + ionicCurrentPotential[k])
    if k < count - 1 {
      target.add(row, start[k + 1] + Slot.electrolyteConcentration, ionicCurrentRight[k + 1])
      target.add(row, start[k + 1] + Slot.electrolytePotential, -ionicCurrentPotential[k + 1])
    }
    if isElectrode {
      target.add(row, base + Slot.interfacialCurrent, -reactionArea(k) * width[k])
    }
  }

  /// Solid-charge, Butler–Volmer and particle rows of electrode volume `k`.
  @inline(__always)
  private func electrodeRows<Target: JacobianTarget>(
    k: Int, e: Int, y: Span<Double>, cj: Double, into target: inout Target
  ) {
    let base = start[k]
    let first = k == constants[e].firstVolume
    let last = k == constants[e].lastVolume
    let sigma = constants[e].effectiveConductivity
    // Solid charge: right − left + a j w with left = −σ (φ_k − φ_{k−1}) / d (or the collector
    // condition) and right = −σ (φ_{k+1} − φ_k) / d (or the applied current).
    let row = base + Slot.solidPotential
    var diagonal = 0.0
    if first {
      if e == 0 { diagonal += sigma / (width[k] / 2) }
    } else {
      target.add(row, start[k - 1] + Slot.solidPotential, -sigma / distance[k - 1])
      diagonal += sigma / distance[k - 1]
    }
    if !last { diagonal += sigma / distance[k] }
    target.add(row, row, diagonal)
    if !last {
      target.add(row, start[k + 1] + Slot.solidPotential, -sigma / distance[k])
    } else if e == 1 {
      target.add(row, currentIndex, 1)
    }
    target.add(row, base + Slot.interfacialCurrent, reactionArea(k) * width[k])

    butlerVolmerRow(k: k, e: e, y: y, into: &target)
    particleRows(k: k, e: e, y: y, cj: cj, into: &target)
  }

  /// j − j0(c, s) K(η) with η = φ_s − φ_e − U(s) − j R_film and s extrapolated from the two
  /// outer shells.
  @inline(__always)
  private func butlerVolmerRow<Target: JacobianTarget>(
    k: Int, e: Int, y: Span<Double>, into target: inout Target
  ) {
    let base = start[k]
    let row = base + Slot.interfacialCurrent
    let outer = outerShell[k]
    let surface = surfaceStoichiometry(volume: k, y)
    let ocp = constants[e].ocp.valueAndSlope(surface)
    let filmResistance = sides?.film[k] ?? constants[e].filmResistance
    let j = y[row]
    let filmDrop = sides?.filmDrop[k] ?? j * filmResistance
    let eta =
      y[base + Slot.solidPotential] - y[base + Slot.electrolytePotential] - ocp.value - filmDrop
    let alpha = constants[e].alphaA
    let c0 = electrolyte.initialConcentrationMolM3
    let salt = concentration[k] / 1000
    let rateScale = constants[e].rateScale
    guard ExchangeCurrent.isRegular(salt: salt, surface: surface) else {
      // The regularised reaction, its two directions apart (see `ExchangeCurrent`).
      let split = ExchangeCurrent.split(salt: salt, surface: surface, alpha: alpha)
      let anodic = Math.exp(alpha * fOverRT * eta)
      let cathodic = Math.exp(-(1 - alpha) * fOverRT * eta)
      let perEta =
        -rateScale * fOverRT
        * (alpha * split.anodic * anodic + (1 - alpha) * split.cathodic * cathodic)
      sides?.perEta[k] = perEta
      let perSalt = -rateScale * (split.anodicPerSalt * anodic - split.cathodicPerSalt * cathodic)
      let perSurface =
        -rateScale * (split.anodicPerSurface * anodic - split.cathodicPerSurface * cathodic)
        - perEta * ocp.slope
      target.add(row, base + Slot.electrolyteConcentration, perSalt * (c0 / 1000))
      target.add(row, base + Slot.electrolytePotential, -perEta)
      target.add(row, base + Slot.solidPotential, perEta)
      target.add(row, row, 1 - perEta * filmResistance)
      target.add(row, innerShell[k], -0.5 * perSurface)
      target.add(row, outer, 1.5 * perSurface)
      return
    }
    let electrolyteFactor = DFNKernel.powerWithSlope(salt, alpha)
    let vacancyFactor = DFNKernel.powerWithSlope(1 - surface, alpha)
    let occupiedFactor = DFNKernel.powerWithSlope(surface, 1 - alpha)
    let exchange = rateScale * electrolyteFactor.value * vacancyFactor.value * occupiedFactor.value
    let exchangePerU =
      rateScale * electrolyteFactor.slope * (c0 / 1000) * vacancyFactor.value
      * occupiedFactor.value
    let exchangePerSurface =
      rateScale * electrolyteFactor.value
      * (-vacancyFactor.slope * occupiedFactor.value + vacancyFactor.value * occupiedFactor.slope)
    let kinetics: Double
    let kineticsSlope: Double
    if alpha == 0.5 {
      let half = 0.5 * fOverRT * eta
      kinetics = 2 * Math.sinh(half)
      kineticsSlope = fOverRT * Math.cosh(half)
    } else {
      let anodic = Math.exp(alpha * fOverRT * eta)
      let cathodic = Math.exp(-(1 - alpha) * fOverRT * eta)
      kinetics = anodic - cathodic
      kineticsSlope = fOverRT * (alpha * anodic + (1 - alpha) * cathodic)
    }
    let perEta = -exchange * kineticsSlope
    sides?.perEta[k] = perEta
    let perSurface = -exchangePerSurface * kinetics - perEta * ocp.slope
    target.add(row, base + Slot.electrolyteConcentration, -exchangePerU * kinetics)
    target.add(row, base + Slot.electrolytePotential, -perEta)
    target.add(row, base + Slot.solidPotential, perEta)
    target.add(row, row, 1 - perEta * filmResistance)
    target.add(row, innerShell[k], -0.5 * perSurface)
    target.add(row, outer, 1.5 * perSurface)
  }

  /// Shell rows x′ − (outward − inward) / V with outward = A D (x_{i+1} − x_i) / Δr, and the
  /// surface face carrying −j R² / (F c_max).
  @inline(__always)
  private func particleRows<Target: JacobianTarget>(
    k: Int, e: Int, y: Span<Double>, cj: Double, into target: inout Target
  ) {
    let base = start[k]
    let particles = constants[e].particles
    let first = constants[e].shellStart + k - constants[e].firstVolume
    let dr = constants[e].shellWidth
    let constantDiffusivity = constants[e].constantDiffusivity
    let faceArea = constants[e].shellFaceArea
    let volumeInverse = constants[e].shellVolumeInverse
    // Derivatives of the flux through the inner face of the current shell (from the previous
    // iteration): with respect to the shell below and to the current one.
    var inwardBelow = 0.0
    var inwardHere = 0.0
    for shell in 0..<shells {
      let index = first + shell * particles
      let scale = volumeInverse[shell]
      var outwardHere = 0.0
      var outwardAbove = 0.0
      if shell < shells - 1 {
        let x0 = y[index]
        let x1 = y[index + particles]
        let d: Double
        let slope: Double
        if let constantDiffusivity {
          d = constantDiffusivity
          slope = 0
        } else {
          (d, slope) = constants[e].particleDiffusivityWithSlope(
            (x0 + x1) / 2, temperature: temperature)
        }
        let area = faceArea[shell] / dr
        outwardHere = area * (0.5 * slope * (x1 - x0) - d)
        outwardAbove = area * (0.5 * slope * (x1 - x0) + d)
      }
      if shell > 0 { target.add(index, index - particles, inwardBelow * scale) }
      target.add(index, index, cj - (outwardHere - inwardHere) * scale)
      if shell < shells - 1 {
        target.add(index, index + particles, -outwardAbove * scale)
      } else {
        target.add(
          index, base + Slot.interfacialCurrent, -constants[e].surfaceFluxPerCurrent * scale)
      }
      inwardBelow = outwardHere
      inwardHere = outwardAbove
    }
  }

  /// The area the volume's reactions act on: a₀ ε_s / ε_s,0 with loss of active material.
  @inline(__always)
  private func reactionArea(_ k: Int) -> Double { sides?.area[k] ?? area[k] }

  /// v^p in the exchange current's regular range, with its derivative.
  @inline(__always)
  static func powerWithSlope(_ value: Double, _ exponent: Double) -> (
    value: Double, slope: Double
  ) {
    if exponent == 0.5 {
      let root = value.squareRoot()
      return (root, 0.5 / root)
    }
    let power = Math.pow(value, exponent)
    return (power, exponent * power / value)
  }
}
