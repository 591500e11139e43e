import StudyModel

extension DFNModel {
  /// Everything a report needs from state `y`.
  public func observe(_ y: Span<Double>) -> DFNObservation {
    var o = DFNObservation()
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
  private func electrolyteDiffusionPotential(_ y: Span<Double>) -> Double {
    let electrolyte = cell.electrolyte
    let thermalVoltage = 1 / fOverRT
    func factor(_ c: Double) -> Double {
      2 * (1 - electrolyte.transferenceNumber)
        * electrolyte.thermodynamicFactor.value(c: c, temperature: cell.temperatureK)
        * thermalVoltage
    }
    // Potential profile from diffusion alone, integrated from x = 0, then averaged per electrode.
    var profile = [Double](repeating: 0, count: layout.volumeCount)
    for k in 1..<layout.volumeCount {
      let c0 = concentrationAt(k - 1, y)
      let c1 = concentrationAt(k, y)
      profile[k] = profile[k - 1] + (factor(c0) + factor(c1)) / 2 * (Math.log(c1) - Math.log(c0))
    }
    return average(profile, over: layout.positiveVolumes)
      - average(profile, over: layout.negativeVolumes)
  }

  private func average(_ values: [Double], over volumes: Range<Int>) -> Double {
    var sum = 0.0
    var length = 0.0
    for k in volumes {
      sum += values[k] * geometry.width[k]
      length += geometry.width[k]
    }
    return sum / length
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
    let parameters = electrodes[e]
    let shells = layout.mesh.particle
    let particleVolume = Math.pow(parameters.particleRadiusM, 3) / 3
    let shellVolume = geometry.shellVolume[e]
    let lithiumPerStoichiometry = parameters.maxConcentrationMolM3 * parameters.activeFraction
    let filmResistance = parameters.filmResistanceOhmM2
    var result = ElectrodeAverages()
    var length = 0.0
    for k in volumes {
      let width = geometry.width[k]
      var mean = 0.0
      for shell in 0..<shells {
        let value = y[layout.stoichiometry(k, shell: shell)]
        mean += shellVolume[shell] * value
        result.shellMin = min(result.shellMin, value)
        result.shellMax = max(result.shellMax, value)
      }
      mean /= particleVolume
      let surface = surfaceStoichiometry(k: k, electrode: e, y: y)
      let ocp = kernel.constants[e].ocp.value(surface)
      let eta = overpotential(k: k, electrode: e, ocp: ocp, y: y)
      result.stoichiometry += mean * width
      result.lithium += mean * lithiumPerStoichiometry * width
      result.surfaceMin = min(result.surfaceMin, surface)
      result.surfaceMax = max(result.surfaceMax, surface)
      result.surfaceOCP += ocp * width
      result.overpotential += eta * width
      result.filmDrop += y[layout.interfacialCurrent(k)] * filmResistance * width
      result.solidPotential += y[layout.solidPotential(k)] * width
      result.electrolytePotential += y[layout.electrolytePotential(k)] * width
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
