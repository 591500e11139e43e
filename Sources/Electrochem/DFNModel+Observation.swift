import StudyModel

private typealias Slot = DFNLayout.Slot

extension DFNModel {
  /// Everything a report needs from state `y`.
  public func observe(_ y: Span<Double>) -> CellObservation {
    var o = CellObservation()
    if let sides = kernel.sides {
      y.withUnsafeBufferPointer { if let y = $0.baseAddress { sides.prepare(y) } }
    }
    o.voltageV = voltage(y)
    o.currentAm2 = y[layout.current]
    let negative = electrodeAverages(volumes: layout.negativeVolumes, electrode: 0, y: y)
    let positive = electrodeAverages(volumes: layout.positiveVolumes, electrode: 1, y: y)
    o.negativeStoichiometry = negative.stoichiometry
    o.positiveStoichiometry = positive.stoichiometry
    o.surfaceMinimum = ElectrodePair(negative: negative.surfaceMin, positive: positive.surfaceMin)
    o.surfaceMaximum = ElectrodePair(negative: negative.surfaceMax, positive: positive.surfaceMax)
    o.shellMinimum = ElectrodePair(negative: negative.shellMin, positive: positive.shellMin)
    o.shellMaximum = ElectrodePair(negative: negative.shellMax, positive: positive.shellMax)
    let lastNegative = layout.negativeVolumes.upperBound - 1
    let firstPositive = layout.positiveVolumes.lowerBound
    let lastVolume = layout.volumeCount - 1
    o.negativePotentialAtSeparatorV = potentialDifference(lastNegative, y)
    o.positivePotentialAtSeparatorV = potentialDifference(firstPositive, y)
    o.negativePotentialAtCollectorV = potentialDifference(0, y)
    o.positivePotentialAtCollectorV = potentialDifference(lastVolume, y)
    o.electrolyteAtNegativeCollector = concentrationAt(0, y)
    o.electrolyteAtPositiveCollector = concentrationAt(lastVolume, y)
    var lowest = Double.infinity
    var highest = -Double.infinity
    var salt = 0.0
    for k in 0..<layout.volumeCount {
      let c = concentrationAt(k, y)
      lowest = min(lowest, c)
      highest = max(highest, c)
      salt += geometry.porosity[k] * c * geometry.width[k]
    }
    o.electrolyteMinimum = lowest
    o.electrolyteMaximum = highest
    o.lithiumMolM2 = negative.lithium + positive.lithium + salt
    if kernel.sides != nil { observeSideStates(y, into: &o) }
    let ocvNegative = kernel.constants[0].ocp.value(negative.stoichiometry)
    let ocvPositive = kernel.constants[1].ocp.value(positive.stoichiometry)
    o.openCircuitVoltageV = ocvPositive - ocvNegative
    o.reactionOverpotentialV = ElectrodePair(
      negative: negative.overpotential, positive: positive.overpotential)
    o.filmDropV = positive.filmDrop - negative.filmDrop
    // V = (φ_s(L) − ⟨φ_s,p⟩) + ⟨φ_s,n⟩ + (⟨U_p⟩ − ⟨U_n⟩) + (⟨η_p⟩ − ⟨η_n⟩) + film + (⟨φ_e,p⟩ − ⟨φ_e,n⟩).
    let particleConcentration =
      (positive.surfaceOCP - ocvPositive) - (negative.surfaceOCP - ocvNegative)
    let diffusionPotential = electrolyteDiffusionPotential(y)
    o.concentrationOverpotentialV = particleConcentration + diffusionPotential
    o.electrolyteOhmicV =
      (positive.electrolytePotential - negative.electrolytePotential) - diffusionPotential
    o.solidOhmicV = o.voltageV - positive.solidPotential + negative.solidPotential
    return o
  }

  private func potentialDifference(_ k: Int, _ y: Span<Double>) -> Double {
    y[layout.solidPotential(k)] - y[layout.electrolytePotential(k)]
  }

  /// The part of ⟨φ_e,p⟩ − ⟨φ_e,n⟩ due to concentration gradients: the face sums of
  /// χ RT/F Δln c weighted as the electrode averages weight them.
  ///
  /// Runs once per recorded step, so it reads the kernel's tables and the logarithms the
  /// residual would take, and accumulates both averages in one pass without an array.
  private func electrolyteDiffusionPotential(_ y: Span<Double>) -> Double {
    let factorScale = 2 * (1 - cell.electrolyte.transferenceNumber) / fOverRT
    let table = kernel.thermodynamicFactor
    // Potential profile from diffusion alone, integrated from x = 0, averaged per electrode.
    var profile = 0.0
    var negative = 0.0
    var negativeLength = 0.0
    var positive = 0.0
    var positiveLength = 0.0
    let first = concentrationAt(0, y)
    var previousFactor = factorScale * table.value(first)
    var previousLog = Math.log(first)
    for k in 0..<layout.volumeCount {
      if k > 0 {
        let c = concentrationAt(k, y)
        let factor = factorScale * table.value(c)
        let logarithm = Math.log(c)
        profile += (previousFactor + factor) / 2 * (logarithm - previousLog)
        previousFactor = factor
        previousLog = logarithm
      }
      let width = geometry.width[k]
      switch layout.regions[k] {
      case .negative:
        negative += profile * width
        negativeLength += width
      case .positive:
        positive += profile * width
        positiveLength += width
      case .separator: break
      }
    }
    return positive / positiveLength - negative / negativeLength
  }

  struct ElectrodeAverages {
    var stoichiometry = 0.0
    var lithium = 0.0
    var surfaceMin = Double.infinity
    var surfaceMax = -Double.infinity
    var shellMin = Double.infinity
    var shellMax = -Double.infinity
    var surfaceOCP = 0.0
    var overpotential = 0.0
    var filmDrop = 0.0
    var solidPotential = 0.0
    var electrolytePotential = 0.0
  }

  /// Width-weighted averages over one electrode's volumes.
  func electrodeAverages(volumes: Range<Int>, electrode e: Int, y: Span<Double>)
    -> ElectrodeAverages
  {
    // Called twice per recorded step: plain locals and the kernel's raw buffers, no copies of
    // parameter structs or arrays inside the loops.
    let shells = kernel.shells
    let start = kernel.start
    let constants = kernel.constants + e
    let particleVolume = constants.pointee.particleVolume
    let lithiumPerStoichiometry = constants.pointee.lithiumPerStoichiometry
    let filmResistance = constants.pointee.filmResistance
    let ocpTable = constants.pointee.ocp
    let sides = kernel.sides
    let fractionOffset = sides?.constants[e].fraction ?? -1
    precondition(y.count == layout.size, "state of the wrong size")
    // Raw pointers: every index below is inside a state of the layout's size.
    return y.withUnsafeBufferPointer { yBuffer in
      geometry.shellVolume[e].withUnsafeBufferPointer { shellVolume in
        guard let y = yBuffer.baseAddress, let shellVolume = shellVolume.baseAddress else {
          return ElectrodeAverages()
        }
        var result = ElectrodeAverages()
        // Each particle's volume-weighted mean and the extremes of all shells, shell by shell
        // across the particles (side by side in the state).
        let particles = constants.pointee.particles
        let means = kernel.particleMean
        let vectorEnd = particles & ~3
        means.update(repeating: 0, count: particles)
        var lowest = Lanes(repeating: .infinity)
        var highest = Lanes(repeating: -.infinity)
        for shell in 0..<shells {
          let level = y + (constants.pointee.shellStart &+ shell &* particles)
          let weight = shellVolume[shell]
          for p in stride(from: 0, to: vectorEnd, by: 4) {
            let values = level.lanes(at: p)
            means.setLanes(means.lanes(at: p) + weight * values, at: p)
            lowest = pointwiseMin(lowest, values)
            highest = pointwiseMax(highest, values)
          }
          for p in vectorEnd..<particles {
            means[p] += weight * level[p]
            result.shellMin = min(result.shellMin, level[p])
            result.shellMax = max(result.shellMax, level[p])
          }
        }
        result.shellMin = min(result.shellMin, lowest.min())
        result.shellMax = max(result.shellMax, highest.max())
        var length = 0.0
        for k in volumes {
          let width = kernel.width[k]
          let base = start[k]
          let mean = means[k &- volumes.lowerBound] / particleVolume
          let surface = kernel.surfaceStoichiometry(volume: k, y)
          let ocp = ocpTable.value(surface)
          let j = y[base &+ Slot.interfacialCurrent]
          let solid = y[base &+ Slot.solidPotential]
          let electrolyte = y[base &+ Slot.electrolytePotential]
          let drop = sides?.filmDrop[k] ?? j * filmResistance
          let eta = solid - electrolyte - ocp - drop
          result.stoichiometry += mean * width
          // Lost active material takes its lithium with it (counted apart).
          let active = fractionOffset >= 0 ? y[base &+ fractionOffset] : 1
          result.lithium += mean * lithiumPerStoichiometry * width * active
          result.surfaceMin = min(result.surfaceMin, surface)
          result.surfaceMax = max(result.surfaceMax, surface)
          result.surfaceOCP += ocp * width
          result.overpotential += eta * width
          result.filmDrop += drop * width
          result.solidPotential += solid * width
          result.electrolytePotential += electrolyte * width
          length += width
        }
        result.stoichiometry /= length
        result.surfaceOCP /= length
        result.overpotential /= length
        result.filmDrop /= length
        result.solidPotential /= length
        result.electrolytePotential /= length
        return result
      }
    }
  }
}
