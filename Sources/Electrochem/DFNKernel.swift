import StudyModel

private typealias Slot = DFNLayout.Slot

/// Per-electrode constants of the residual, as plain numbers.
struct ElectrodeConstants {
  var firstVolume = 0
  var lastVolume = 0
  /// Particles (one per volume), and the index of the first one's innermost shell: shell i of
  /// particle p is at `shellStart + i · particles + p`.
  var particles = 0
  var shellStart = 0
  var effectiveConductivity = 0.0
  var maxConcentration = 0.0
  var alphaA = 0.5
  /// k times the concentration scales of j0 (so j0 = rateScale · Π regularised fractions).
  var rateScale = 0.0
  var filmResistance = 0.0
  var shellWidth = 0.0
  var constantDiffusivity: Double?
  /// −R² / (F c_max): the surface-face flux of the outer shell per unit j.
  var surfaceFluxPerCurrent = 0.0
  /// R³ / 3, the particle's volume over 4π (the shells' volumes are in the same measure).
  var particleVolume = 0.0
  /// c_max times the active fraction: lithium per unit stoichiometry and electrode volume.
  var lithiumPerStoichiometry = 0.0
  var ocp: TabulatedFunction
  var diffusivity: MaterialFunction = .constant(0)
  /// Stress-induced diffusion, D_eff = D · (a + b x), with a = 1 − θ_M c₀ and b = θ_M c_max.
  ///
  /// Eq. 12 of Ai and co-workers (2020); a = 1, b = 0 without it.
  var stressFactorConstant = 1.0
  var stressFactorPerStoichiometry = 0.0
  var shellFaceArea: UnsafeMutablePointer<Double>
  var shellVolumeInverse: UnsafeMutablePointer<Double>
  /// Each shell face's area over the shell width: Fick's flux per unit D and stoichiometry step.
  var shellFaceConductance: UnsafeMutablePointer<Double>
}

/// The residual's inner loops over raw buffers.
///
/// No reference counting, no exclusivity checks and no copies of parameter structs in the hot
/// path. Owned by one `DFNModel`.
final class DFNKernel {
  let count: Int
  let shells: Int
  let start: UnsafeMutablePointer<Int>
  let width: UnsafeMutablePointer<Double>
  let distance: UnsafeMutablePointer<Double>
  // Reciprocals for the residual, which multiplies where it would divide.
  let inverseWidth: UnsafeMutablePointer<Double>
  let inverseDistance: UnsafeMutablePointer<Double>
  let halfWidth: UnsafeMutablePointer<Double>
  let porosity: UnsafeMutablePointer<Double>
  let transport: UnsafeMutablePointer<Double>
  let area: UnsafeMutablePointer<Double>
  let electrode: UnsafeMutablePointer<Int>
  /// Per volume, the indices of its particle's two outer shells (−1 in the separator).
  let outerShell: UnsafeMutablePointer<Int>
  let innerShell: UnsafeMutablePointer<Int>
  /// The two electrodes' constants (negative, positive), in raw memory so that reading one
  /// field in the inner loop neither copies the struct nor touches reference counts.
  let constants: UnsafeMutablePointer<ElectrodeConstants>
  let electrolyte: ElectrolyteParameters
  let electrolyteDiffusivity: TabulatedFunction
  let electrolyteConductivity: TabulatedFunction
  let thermodynamicFactor: TabulatedFunction
  let temperature: Double
  let fOverRT: Double
  let currentIndex: Int
  let chargeIndex: Int
  let lastWidth: Double
  let contactResistance: Double
  /// The side reactions (SEI, plating, loss of active material), when the cell has any.
  let sides: SideReactionKernel?

  // Scratch.
  let concentration: UnsafeMutablePointer<Double>
  let logConcentration: UnsafeMutablePointer<Double>
  let diffusivity: UnsafeMutablePointer<Double>
  let conductivity: UnsafeMutablePointer<Double>
  let potentialFactor: UnsafeMutablePointer<Double>
  let saltFlux: UnsafeMutablePointer<Double>
  let ionicCurrent: UnsafeMutablePointer<Double>
  // Scratch of the analytic Jacobian: property slopes per unit of scaled concentration, and
  // each face's flux derivatives with respect to its left and right volumes.
  let diffusivitySlope: UnsafeMutablePointer<Double>
  let conductivitySlope: UnsafeMutablePointer<Double>
  let potentialFactorSlope: UnsafeMutablePointer<Double>
  let saltFluxLeft: UnsafeMutablePointer<Double>
  let saltFluxRight: UnsafeMutablePointer<Double>
  let ionicCurrentPotential: UnsafeMutablePointer<Double>
  let ionicCurrentLeft: UnsafeMutablePointer<Double>
  let ionicCurrentRight: UnsafeMutablePointer<Double>
  /// Scratch of the observation: each particle's volume-weighted mean stoichiometry.
  let particleMean: UnsafeMutablePointer<Double>
  /// Scratch of the Butler–Volmer rows: each particle's surface stoichiometry and OCP.
  let surfaceScratch: UnsafeMutablePointer<Double>
  let ocpScratch: UnsafeMutablePointer<Double>

  private static func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
    pointer.initialize(from: values, count: values.count)
    return pointer
  }

  private static func scratch(_ count: Int) -> UnsafeMutablePointer<Double> {
    let pointer = UnsafeMutablePointer<Double>.allocate(capacity: count)
    pointer.initialize(repeating: 0, count: count)
    return pointer
  }

  init(cell: CellParameters, layout: DFNLayout, geometry: DFNGeometry, fOverRT: Double) {
    count = layout.volumeCount
    shells = layout.mesh.particle
    start = DFNKernel.buffer(layout.volumeStart)
    width = DFNKernel.buffer(geometry.width)
    distance = DFNKernel.buffer(geometry.centreDistance)
    inverseWidth = DFNKernel.buffer(geometry.width.map { 1 / $0 })
    inverseDistance = DFNKernel.buffer(geometry.centreDistance.map { 1 / $0 })
    halfWidth = DFNKernel.buffer(geometry.width.map { $0 / 2 })
    porosity = DFNKernel.buffer(geometry.porosity)
    transport = DFNKernel.buffer(geometry.transportFactor)
    area = DFNKernel.buffer(geometry.specificArea)
    electrode = DFNKernel.buffer(geometry.electrodeIndex)
    let shells = layout.mesh.particle
    outerShell = DFNKernel.buffer(
      (0..<layout.volumeCount).map {
        layout.regions[$0] == .separator ? -1 : layout.stoichiometry($0, shell: shells - 1)
      })
    innerShell = DFNKernel.buffer(
      (0..<layout.volumeCount).map {
        layout.regions[$0] == .separator ? -1 : layout.stoichiometry($0, shell: shells - 2)
      })
    electrolyte = cell.electrolyte
    temperature = cell.temperatureK
    // Property tables over 0…8 c0; below 5 % of c0 (depletion, where power laws in c bend
    // sharply) the expressions are evaluated directly.
    let c0 = cell.electrolyte.initialConcentrationMolM3
    let range = 0...(8 * c0)
    electrolyteDiffusivity = TabulationCache.table(
      cell.electrolyte.diffusivity, variable: .c, domain: range, directBelow: 0.05 * c0,
      temperature: cell.temperatureK)
    electrolyteConductivity = TabulationCache.table(
      cell.electrolyte.conductivity, variable: .c, domain: range, directBelow: 0.05 * c0,
      temperature: cell.temperatureK)
    thermodynamicFactor = TabulationCache.table(
      cell.electrolyte.thermodynamicFactor, variable: .c, domain: range, directBelow: 0.05 * c0,
      temperature: cell.temperatureK)
    self.fOverRT = fOverRT
    currentIndex = layout.current
    chargeIndex = layout.charge
    lastWidth = geometry.width[layout.volumeCount - 1]
    contactResistance = cell.contactResistanceOhmM2
    sides =
      layout.sides.isEmpty
      ? nil
      : SideReactionKernel(cell: cell, layout: layout, geometry: geometry, fOverRT: fOverRT)
    concentration = DFNKernel.scratch(count)
    logConcentration = DFNKernel.scratch(count)
    diffusivity = DFNKernel.scratch(count)
    conductivity = DFNKernel.scratch(count)
    potentialFactor = DFNKernel.scratch(count)
    saltFlux = DFNKernel.scratch(count + 1)
    ionicCurrent = DFNKernel.scratch(count + 1)
    diffusivitySlope = DFNKernel.scratch(count)
    conductivitySlope = DFNKernel.scratch(count)
    potentialFactorSlope = DFNKernel.scratch(count)
    saltFluxLeft = DFNKernel.scratch(count + 1)
    saltFluxRight = DFNKernel.scratch(count + 1)
    ionicCurrentPotential = DFNKernel.scratch(count + 1)
    ionicCurrentLeft = DFNKernel.scratch(count + 1)
    ionicCurrentRight = DFNKernel.scratch(count + 1)
    particleMean = DFNKernel.scratch(count)
    surfaceScratch = DFNKernel.scratch(count)
    ocpScratch = DFNKernel.scratch(count)
    var constants: [ElectrodeConstants] = []
    let ranges = [layout.negativeVolumes, layout.positiveVolumes]
    for (e, parameters) in [cell.negative, cell.positive].enumerated() {
      let alpha = parameters.anodicTransferCoefficient
      let cMax = parameters.maxConcentrationMolM3
      let radius = parameters.particleRadiusM
      let stress = DFNKernel.stressFactor(parameters, temperatureK: cell.temperatureK)
      var constantDiffusivity: Double?
      if case .constant(let value) = parameters.diffusivity, stress.perStoichiometry == 0 {
        constantDiffusivity = value
      }
      constants.append(
        ElectrodeConstants(
          firstVolume: ranges[e].lowerBound, lastVolume: ranges[e].upperBound - 1,
          particles: ranges[e].count,
          shellStart: e == 0 ? layout.negativeShellStart : layout.positiveShellStart,
          effectiveConductivity: parameters.effectiveConductivitySM, maxConcentration: cMax,
          alphaA: alpha,
          rateScale: parameters.rateConstant * Math.pow(1000, alpha) * cMax,
          filmResistance: parameters.filmResistanceOhmM2, shellWidth: geometry.shellWidth[e],
          constantDiffusivity: constantDiffusivity,
          surfaceFluxPerCurrent: -radius * radius / (PhysicalConstants.faraday * cMax),
          particleVolume: Math.pow(radius, 3) / 3,
          lithiumPerStoichiometry: cMax * parameters.activeFraction,
          ocp: TabulationCache.table(
            parameters.openCircuitPotential, variable: .x, domain: 0...1,
            temperature: cell.temperatureK),
          diffusivity: parameters.diffusivity,
          stressFactorConstant: stress.constant,
          stressFactorPerStoichiometry: stress.perStoichiometry,
          shellFaceArea: DFNKernel.buffer(geometry.shellFaceArea[e]),
          shellVolumeInverse: DFNKernel.buffer(geometry.shellVolume[e].map { 1 / $0 }),
          shellFaceConductance: DFNKernel.buffer(
            geometry.shellFaceArea[e].map { $0 / geometry.shellWidth[e] })))
    }
    self.constants = DFNKernel.buffer(constants)
  }

  deinit {
    for pointer in [
      width, distance, inverseWidth, inverseDistance, halfWidth, porosity, transport, area,
      concentration,
      logConcentration,
      diffusivity, conductivity, potentialFactor, saltFlux, ionicCurrent, diffusivitySlope,
      conductivitySlope, potentialFactorSlope, saltFluxLeft, saltFluxRight, ionicCurrentPotential,
      ionicCurrentLeft, ionicCurrentRight, particleMean, surfaceScratch, ocpScratch,
    ] {
      pointer.deallocate()
    }
    start.deallocate()
    electrode.deallocate()
    outerShell.deallocate()
    innerShell.deallocate()
    for e in 0..<2 {
      constants[e].shellFaceArea.deallocate()
      constants[e].shellVolumeInverse.deallocate()
      constants[e].shellFaceConductance.deallocate()
    }
    constants.deinitialize(count: 2)
    constants.deallocate()
  }

  /// The terminal voltage of the raw state `y`.
  @inline(__always)
  func voltage(_ y: UnsafePointer<Double>) -> Double {
    let current = y[currentIndex]
    return y[start[count - 1] + Slot.solidPotential] - current * lastWidth / 2
      / constants[1].effectiveConductivity
      - current * contactResistance
  }

  /// The terminal voltage of state `y`.
  @inline(__always)
  func voltage(_ y: Span<Double>) -> Double {
    precondition(y.count > currentIndex, "state too short")
    return y.withUnsafeBufferPointer { buffer in
      guard let y = buffer.baseAddress else { return .nan }
      return voltage(y)
    }
  }

  /// The surface stoichiometry of the particle in electrode volume `k`, extrapolated linearly
  /// from the two outer shells (as PyBaMM's finite volumes do).
  @inline(__always)
  func surfaceStoichiometry(volume k: Int, _ y: Span<Double>) -> Double {
    precondition(y.count > outerShell[k], "state too short")
    return y.withUnsafeBufferPointer { buffer in
      guard let y = buffer.baseAddress else { return .nan }
      return surfaceStoichiometry(volume: k, y)
    }
  }

  /// As above, on the raw state.
  @inline(__always)
  func surfaceStoichiometry(volume k: Int, _ y: UnsafePointer<Double>) -> Double {
    return 1.5 * y[outerShell[k]] - 0.5 * y[innerShell[k]]
  }

  /// Fills the electrolyte properties at each volume centre (effective D and κ, the
  /// diffusion-potential factor 2(1 − t₊) γ RT/F) and, with `slopes`, their derivatives per
  /// unit of scaled concentration u = c / c0; false when a concentration is not positive and
  /// finite.
  func electrolyteProperties(_ y: Span<Double>, slopes: Bool) -> Bool {
    y.withUnsafeBufferPointer { buffer in
      guard let y = buffer.baseAddress else { return false }
      return electrolyteProperties(y, slopes: slopes)
    }
  }

  /// As above, on the raw state (the residual's path, which runs without bounds checks).
  func electrolyteProperties(_ y: UnsafePointer<Double>, slopes: Bool) -> Bool {
    let c0 = electrolyte.initialConcentrationMolM3
    let factorScale = 2 * (1 - electrolyte.transferenceNumber) / fOverRT
    // The residual's path: four volumes at a time through the tables, then the rest below.
    var first = 0
    if !slopes {
      first = count & ~3
      for k in stride(from: 0, to: first, by: 4) {
        let c =
          Lanes(
            y[start[k] &+ Slot.electrolyteConcentration],
            y[start[k &+ 1] &+ Slot.electrolyteConcentration],
            y[start[k &+ 2] &+ Slot.electrolyteConcentration],
            y[start[k &+ 3] &+ Slot.electrolyteConcentration]) * c0
        guard all((c .> 0) .& (c .< .infinity)) else { return false }
        concentration.setLanes(c, at: k)
        logConcentration.setLanes(
          Lanes(Math.log(c[0]), Math.log(c[1]), Math.log(c[2]), Math.log(c[3])), at: k)
        let transport = self.transport.lanes(at: k)
        diffusivity.setLanes(transport * electrolyteDiffusivity.values(c), at: k)
        conductivity.setLanes(transport * electrolyteConductivity.values(c), at: k)
        potentialFactor.setLanes(factorScale * thermodynamicFactor.values(c), at: k)
      }
    }
    for k in first..<count {
      let c = y[start[k] + Slot.electrolyteConcentration] * c0
      guard c > 0, c.isFinite else { return false }
      concentration[k] = c
      logConcentration[k] = Math.log(c)
      if slopes {
        let d = electrolyteDiffusivity.valueAndSlope(c)
        let kappa = electrolyteConductivity.valueAndSlope(c)
        let gamma = thermodynamicFactor.valueAndSlope(c)
        diffusivity[k] = transport[k] * d.value
        diffusivitySlope[k] = transport[k] * d.slope * c0
        conductivity[k] = transport[k] * kappa.value
        conductivitySlope[k] = transport[k] * kappa.slope * c0
        potentialFactor[k] = factorScale * gamma.value
        potentialFactorSlope[k] = factorScale * gamma.slope * c0
      } else {
        diffusivity[k] = transport[k] * electrolyteDiffusivity.value(c)
        conductivity[k] = transport[k] * electrolyteConductivity.value(c)
        potentialFactor[k] = factorScale * thermodynamicFactor.value(c)
      }
    }
    return true
  }

  /// F(y, y'); false when a concentration is not positive and finite.
  func residual(
    y: Span<Double>, yp: Span<Double>, control: CellControl, r: inout MutableSpan<Double>
  )
    -> Bool
  {
    precondition(
      y.count > chargeIndex && yp.count == y.count && r.count == y.count,
      "state of the wrong size")
    // The loops below run on raw pointers: every index of the layout is inside a state of this
    // size, and bounds checks on every access were about a seventh of the residual's work.
    return y.withUnsafeBufferPointer { yBuffer in
      yp.withUnsafeBufferPointer { ypBuffer in
        r.withUnsafeMutableBufferPointer { rBuffer in
          guard let y = yBuffer.baseAddress, let yp = ypBuffer.baseAddress,
            let r = rBuffer.baseAddress
          else { return false }
          return residual(y: y, yp: yp, control: control, r: r)
        }
      }
    }
  }

  private func residual(
    y: UnsafePointer<Double>, yp: UnsafePointer<Double>, control: CellControl,
    r: UnsafeMutablePointer<Double>
  ) -> Bool {
    let c0 = electrolyte.initialConcentrationMolM3
    let transference = electrolyte.transferenceNumber
    guard electrolyteProperties(y, slopes: false) else { return false }
    let sides = self.sides
    sides?.prepare(y)
    // Fluxes through interior faces; none through the current collectors. Series (harmonic)
    // combination keeps the flux continuous where ε jumps.
    saltFlux[0] = 0
    ionicCurrent[0] = 0
    saltFlux[count] = 0
    ionicCurrent[count] = 0
    // The face's D / gap is 1 / (h₀/D₀ + h₁/D₁) = D₀D₁ / (h₀D₁ + h₁D₀): one division per face
    // where the quotients took three, and the same for κ.
    // Four faces at a time (two divisions per face, which the vector unit halves), then the
    // rest one by one; the same operations per face either way.
    let faces = count - 1
    let vectorEnd = faces & ~3
    for k in stride(from: 0, to: vectorEnd, by: 4) {
      let half0 = halfWidth.lanes(at: k)
      let half1 = halfWidth.lanes(at: k &+ 1)
      let d0 = diffusivity.lanes(at: k)
      let d1 = diffusivity.lanes(at: k &+ 1)
      let kappa0 = conductivity.lanes(at: k)
      let kappa1 = conductivity.lanes(at: k &+ 1)
      let factor = (potentialFactor.lanes(at: k) + potentialFactor.lanes(at: k &+ 1)) / 2
      let concentrationStep = concentration.lanes(at: k &+ 1) - concentration.lanes(at: k)
      saltFlux.setLanes(d0 * d1 * concentrationStep / (half0 * d1 + half1 * d0), at: k &+ 1)
      let potential0 = Lanes(
        y[start[k] &+ Slot.electrolytePotential], y[start[k &+ 1] &+ Slot.electrolytePotential],
        y[start[k &+ 2] &+ Slot.electrolytePotential], y[start[k &+ 3] &+ Slot.electrolytePotential]
      )
      let potential1 = Lanes(
        y[start[k &+ 1] &+ Slot.electrolytePotential],
        y[start[k &+ 2] &+ Slot.electrolytePotential],
        y[start[k &+ 3] &+ Slot.electrolytePotential],
        y[start[k &+ 4] &+ Slot.electrolytePotential])
      let logStep = logConcentration.lanes(at: k &+ 1) - logConcentration.lanes(at: k)
      ionicCurrent.setLanes(
        -kappa0 * kappa1 * (potential1 - potential0 - factor * logStep)
          / (half0 * kappa1 + half1 * kappa0), at: k &+ 1)
    }
    for k in vectorEnd..<faces {
      let half0 = halfWidth[k]
      let half1 = halfWidth[k + 1]
      let d0 = diffusivity[k]
      let d1 = diffusivity[k + 1]
      let kappa0 = conductivity[k]
      let kappa1 = conductivity[k + 1]
      let factor = (potentialFactor[k] + potentialFactor[k + 1]) / 2
      saltFlux[k + 1] =
        d0 * d1 * (concentration[k + 1] - concentration[k]) / (half0 * d1 + half1 * d0)
      let potentialStep =
        y[start[k + 1] + Slot.electrolytePotential] - y[start[k] + Slot.electrolytePotential]
      let logStep = logConcentration[k + 1] - logConcentration[k]
      ionicCurrent[k + 1] =
        -kappa0 * kappa1 * (potentialStep - factor * logStep) / (half0 * kappa1 + half1 * kappa0)
    }
    let saltSourcePerReaction = (1 - transference) / PhysicalConstants.faraday
    let inverseC0 = 1 / c0
    let current = y[currentIndex]
    for k in 0..<count {
      let base = start[k]
      let e = electrode[k]
      // a j, or with side reactions a (j + j_SEI + j_Li) with the area of the active material
      // left.
      let reaction: Double
      if e < 0 {
        reaction = 0
      } else if let sides {
        reaction = sides.reaction[k]
      } else {
        reaction = area[k] * y[base + Slot.interfacialCurrent]
      }
      // Salt mass: ε ∂c/∂t = ∂/∂x(D_eff ∂c/∂x) + (1 − t₊) a j / F, scaled by c0.
      let saltRow = base + Slot.electrolyteConcentration
      r[saltRow] =
        porosity[k] * yp[saltRow]
        - ((saltFlux[k + 1] - saltFlux[k]) * inverseWidth[k] + saltSourcePerReaction * reaction)
        * inverseC0
      // Electrolyte charge: ∂i_e/∂x = a j, multiplied by the width.
      r[base + Slot.electrolytePotential] =
        ionicCurrent[k + 1] - ionicCurrent[k] - reaction * width[k]
      if e >= 0 { electrodeRows(k: k, e: e, current: current, y: y, r: r) }
    }
    butlerVolmerRows(e: 0, y: y, r: r)
    butlerVolmerRows(e: 1, y: y, r: r)
    particleRows(e: 0, y: y, yp: yp, r: r)
    particleRows(e: 1, y: y, yp: yp, r: r)
    sides?.rows(y, yp, r)
    // External circuit and charge counter (mAh/cm²).
    switch control {
    case .current(let value): r[currentIndex] = current - value
    case .voltage(let value): r[currentIndex] = voltage(y) - value
    }
    r[chargeIndex] = yp[chargeIndex] - current / ArealCharge.coulombsPerM2PerMAhCm2
    return true
  }

  @inline(__always)
  private func electrodeRows(
    k: Int, e: Int, current: Double, y: UnsafePointer<Double>, r: UnsafeMutablePointer<Double>
  ) {
    let base = start[k]
    let sigma = constants[e].effectiveConductivity
    let j = y[base + Slot.interfacialCurrent]
    let phi = y[base + Slot.solidPotential]
    // Solid charge: ∂i_s/∂x = −a j, times the width; φ_s(0) = 0 at the negative collector,
    // the applied current enters at the positive one, no solid current into the separator.
    let left: Double
    if k == constants[e].firstVolume {
      left = e == 0 ? -2 * sigma * phi * inverseWidth[k] : 0
    } else {
      left = -sigma * (phi - y[start[k - 1] + Slot.solidPotential]) * inverseDistance[k - 1]
    }
    let right: Double
    if k == constants[e].lastVolume {
      right = e == 0 ? 0 : current
    } else {
      right = -sigma * (y[start[k + 1] + Slot.solidPotential] - phi) * inverseDistance[k]
    }
    let reaction = sides?.reaction[k] ?? area[k] * j
    r[base + Slot.solidPotential] = right - left + reaction * width[k]
  }

  /// Butler–Volmer rows of electrode `e`: j = j0 [exp(α_a f η) − exp(−α_c f η)] with
  /// η = φ_s − φ_e − U − j R_film and the surface value extrapolated linearly from the two
  /// outer shells.
  ///
  /// In three passes over the particles (surfaces, four at a time; open-circuit potentials;
  /// kinetics), so that the table reads of all particles are under way together instead of
  /// each waiting behind the previous particle's exponential.
  @inline(__always)
  private func butlerVolmerRows(e: Int, y: UnsafePointer<Double>, r: UnsafeMutablePointer<Double>) {
    let particles = constants[e].particles
    let first = constants[e].firstVolume
    let outer = y + (constants[e].shellStart &+ (shells &- 1) &* particles)
    let inner = outer - particles
    let surface = surfaceScratch
    let ocp = ocpScratch
    let vectorEnd = particles & ~3
    for p in stride(from: 0, to: vectorEnd, by: 4) {
      surface.setLanes(1.5 * outer.lanes(at: p) - 0.5 * inner.lanes(at: p), at: p)
    }
    for p in vectorEnd..<particles { surface[p] = 1.5 * outer[p] - 0.5 * inner[p] }
    let table = constants[e].ocp
    for p in 0..<particles { ocp[p] = table.value(surface[p]) }
    let filmResistance = constants[e].filmResistance
    let alpha = constants[e].alphaA
    let rateScale = constants[e].rateScale
    for p in 0..<particles {
      let k = first &+ p
      let base = start[k]
      let j = y[base &+ Slot.interfacialCurrent]
      let filmDrop = sides?.filmDrop[k] ?? j * filmResistance
      let eta =
        y[base &+ Slot.solidPotential] - y[base &+ Slot.electrolytePotential] - ocp[p] - filmDrop
      let salt = concentration[k] / 1000
      guard ExchangeCurrent.isRegular(salt: salt, surface: surface[p]) else {
        let split = ExchangeCurrent.split(salt: salt, surface: surface[p], alpha: alpha)
        r[base &+ Slot.interfacialCurrent] =
          j - rateScale
          * (split.anodic * Math.exp(alpha * fOverRT * eta)
            - split.cathodic * Math.exp(-(1 - alpha) * fOverRT * eta))
        continue
      }
      let exchange =
        rateScale * DFNModel.power(salt, alpha) * DFNModel.power(1 - surface[p], alpha)
        * DFNModel.power(surface[p], 1 - alpha)
      let kinetics: Double
      if alpha == 0.5 {
        // 2 sinh(z) as e^z − e^−z from one exponential: about half the cost of sinh, which
        // goes through expm1; the cancellation near z = 0 costs relative accuracy ~1e-16/|z|
        // there, where j itself is near zero, and z = 0 still gives exactly 0.
        let growth = Math.exp(0.5 * fOverRT * eta)
        kinetics = growth - 1 / growth
      } else {
        kinetics = Math.exp(alpha * fOverRT * eta) - Math.exp(-(1 - alpha) * fOverRT * eta)
      }
      r[base &+ Slot.interfacialCurrent] = j - exchange * kinetics
    }
  }

  /// Fick's law in the spheres of electrode `e`: shell i exchanges r² D ∂x/∂r with its
  /// neighbours; the surface face carries −j R² / (F c_max).
  ///
  /// Shell by shell across all particles, which lie side by side in the state: with a constant
  /// diffusivity the inner loops are plain vector arithmetic. Each face's flux is computed for
  /// both shells it joins, with the same operations, so every row equals the one-pass form.
  @inline(__always)
  private func particleRows(
    e: Int, y: UnsafePointer<Double>, yp: UnsafePointer<Double>, r: UnsafeMutablePointer<Double>
  ) {
    let particles = constants[e].particles
    let first = constants[e].shellStart
    let conductance = constants[e].shellFaceConductance
    let volumeInverse = constants[e].shellVolumeInverse
    let surfaceFlux = constants[e].surfaceFluxPerCurrent
    let firstVolume = constants[e].firstVolume
    let last = shells &- 1
    guard let d = constants[e].constantDiffusivity else {
      variableDiffusivityRows(e: e, y: y, yp: yp, r: r)
      return
    }
    let vectorEnd = particles & ~3
    for shell in 0..<shells {
      let offset = first &+ shell &* particles
      let x = y + offset
      let rate = yp + offset
      let row = r + offset
      let scale = volumeInverse[shell]
      if shell == 0 {
        let outer = conductance[0] * d
        for p in stride(from: 0, to: vectorEnd, by: 4) {
          let outward = outer * (x.lanes(at: p &+ particles) - x.lanes(at: p))
          row.setLanes(rate.lanes(at: p) - outward * scale, at: p)
        }
        for p in vectorEnd..<particles {
          let outward = outer * (x[p &+ particles] - x[p])
          row[p] = rate[p] - outward * scale
        }
      } else if shell < last {
        let inner = conductance[shell &- 1] * d
        let outer = conductance[shell] * d
        for p in stride(from: 0, to: vectorEnd, by: 4) {
          let here = x.lanes(at: p)
          let inward = inner * (here - x.lanes(at: p &- particles))
          let outward = outer * (x.lanes(at: p &+ particles) - here)
          row.setLanes(rate.lanes(at: p) - (outward - inward) * scale, at: p)
        }
        for p in vectorEnd..<particles {
          let inward = inner * (x[p] - x[p &- particles])
          let outward = outer * (x[p &+ particles] - x[p])
          row[p] = rate[p] - (outward - inward) * scale
        }
      } else {
        let inner = conductance[shell &- 1]
        for p in 0..<particles {
          let inward = inner * d * (x[p] - x[p &- particles])
          let outward = surfaceFlux * y[start[firstVolume &+ p] &+ Slot.interfacialCurrent]
          row[p] = rate[p] - (outward - inward) * scale
        }
      }
    }
  }

  /// As `particleRows`, for a diffusivity that depends on the stoichiometry (evaluated once per
  /// face, particle by particle).
  private func variableDiffusivityRows(
    e: Int, y: UnsafePointer<Double>, yp: UnsafePointer<Double>, r: UnsafeMutablePointer<Double>
  ) {
    let particles = constants[e].particles
    let conductance = constants[e].shellFaceConductance
    let volumeInverse = constants[e].shellVolumeInverse
    for p in 0..<particles {
      let offset = constants[e].shellStart &+ p
      let x = y + offset
      let rate = yp + offset
      let row = r + offset
      var inward = 0.0
      for shell in 0..<(shells &- 1) {
        let here = shell &* particles
        let x0 = x[here]
        let x1 = x[here &+ particles]
        let d = constants[e].particleDiffusivity((x0 + x1) / 2, temperature: temperature)
        let outward = conductance[shell] * d * (x1 - x0)
        row[here] = rate[here] - (outward - inward) * volumeInverse[shell]
        inward = outward
      }
      let here = (shells &- 1) &* particles
      let j = y[start[constants[e].firstVolume &+ p] &+ Slot.interfacialCurrent]
      let outward = constants[e].surfaceFluxPerCurrent * j
      row[here] = rate[here] - (outward - inward) * volumeInverse[shells &- 1]
    }
  }
}

extension ElectrodeConstants {
  /// The particle's diffusivity at stoichiometry `x`, with the stress factor.
  @inline(__always)
  func particleDiffusivity(_ x: Double, temperature: Double) -> Double {
    diffusivity.value(ExpressionValues(x: x, c: 0, temperature: temperature))
      * (stressFactorConstant + stressFactorPerStoichiometry * x)
  }

  /// The particle's diffusivity at `x` and its derivative with respect to `x`.
  @inline(__always)
  func particleDiffusivityWithSlope(_ x: Double, temperature: Double) -> (
    value: Double, slope: Double
  ) {
    let (d, slope) = TabulatedFunction.directWithSlope(diffusivity, .x, x, temperature)
    let factor = stressFactorConstant + stressFactorPerStoichiometry * x
    return (d * factor, slope * factor + d * stressFactorPerStoichiometry)
  }
}

extension DFNKernel {
  /// The stress factor's coefficients of an electrode whose swelling particles speed their
  /// own diffusion.
  ///
  /// θ_M = Ω / (R T) · 2 Ω E / (9 (1 − ν)), eq. 12 of Ai and co-workers (2020).
  static func stressFactor(_ parameters: ElectrodeParameters, temperatureK: Double) -> (
    constant: Double, perStoichiometry: Double
  ) {
    guard let stress = parameters.degradation.activeMaterialLoss?.stress,
      stress.stressInducedDiffusion
    else { return (1, 0) }
    let omega = stress.partialMolarVolumeM3Mol
    let theta =
      omega / (PhysicalConstants.gas * temperatureK) * 2 * omega * stress.youngsModulusPa
      / (9 * (1 - stress.poissonRatio))
    return (
      1 - theta * stress.referenceConcentrationMolM3, theta * parameters.maxConcentrationMolM3
    )
  }
}
