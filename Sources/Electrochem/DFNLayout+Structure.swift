import StudyModel

extension DFNLayout {
  /// The model structure of this layout: its unknowns, Jacobian entries and particle blocks.
  public var structure: ModelStructure {
    ModelStructure(
      size: size, isDifferential: isDifferential, toleranceScales: toleranceScales,
      typicalMagnitudes: typicalMagnitudes, jacobianEntries: jacobianEntries, current: current,
      charge: charge, particles: particleBlocks, nonNegative: nonNegative)
  }

  /// The plated and dead lithium of every electrode volume that carries them.
  public var nonNegative: [Int] {
    (0..<volumeCount).flatMap { k -> [Int] in
      guard regions[k] != .separator else { return [] }
      let slots = self.slots(k)
      return [slots.plated, slots.dead].compactMap { $0.map { volumeStart[k] + $0 } }
    }
  }

  /// Scales below which finite-difference perturbations do not shrink: potentials in V,
  /// currents in A/m², concentrations and stoichiometries as fractions.
  public var typicalMagnitudes: [Double] {
    var scales = [Double](repeating: 1e-2, count: size)
    scales[current] = 1e-1
    scales[charge] = 1e-3
    return scales
  }

  /// Each electrode volume's particle with its interfacial current, and the volume of every
  /// per-volume unknown.
  public var particleBlocks: ParticleBlocks {
    var volumeOf = [Int](repeating: -1, count: size)
    var particles: [ParticleBlocks.Particle] = []
    for k in 0..<volumeCount {
      for unknown in volumeStart[k]..<(volumeStart[k] + blockWidth(k)) { volumeOf[unknown] = k }
      guard regions[k] != .separator else { continue }
      let start = volumeStart[k]
      particles.append(
        ParticleBlocks.Particle(
          current: interfacialCurrent(k),
          shells: (0..<mesh.particle).map { stoichiometry(k, shell: $0) },
          sides: (Slot.electrodeCount..<blockWidth(k)).map { start + $0 }))
    }
    return ParticleBlocks(particles: particles, volumeOfUnknown: volumeOf)
  }

  /// The (row, column) pairs where the Jacobian can be nonzero, for every control mode.
  public var jacobianEntries: [(row: Int, column: Int)] {
    var entries: [(row: Int, column: Int)] = []
    let layout = self
    let count = layout.volumeCount
    for k in 0..<count {
      let neighbours = max(0, k - 1)...min(count - 1, k + 1)
      let isElectrode = layout.regions[k] != .separator
      for m in neighbours {
        entries.append((layout.electrolyteConcentration(k), layout.electrolyteConcentration(m)))
        entries.append((layout.electrolytePotential(k), layout.electrolyteConcentration(m)))
        entries.append((layout.electrolytePotential(k), layout.electrolytePotential(m)))
        if isElectrode, layout.regions[m] == layout.regions[k] {
          entries.append((layout.solidPotential(k), layout.solidPotential(m)))
        }
      }
      guard isElectrode else { continue }
      let j = layout.interfacialCurrent(k)
      let outer = layout.stoichiometry(k, shell: layout.mesh.particle - 1)
      entries.append((j, layout.stoichiometry(k, shell: layout.mesh.particle - 2)))
      entries.append((layout.electrolyteConcentration(k), j))
      entries.append((layout.electrolytePotential(k), j))
      entries.append((layout.solidPotential(k), j))
      for column in [
        layout.solidPotential(k), layout.electrolytePotential(k),
        layout.electrolyteConcentration(k), j, outer,
      ] {
        entries.append((j, column))
      }
      for shell in 0..<layout.mesh.particle {
        let row = layout.stoichiometry(k, shell: shell)
        for other in max(0, shell - 1)...min(layout.mesh.particle - 1, shell + 1) {
          entries.append((row, layout.stoichiometry(k, shell: other)))
        }
      }
      entries.append((outer, j))
      entries += layout.sideEntries(k)
    }
    let last = layout.volumeCount - 1
    entries.append((layout.solidPotential(last), layout.current))
    entries.append((layout.current, layout.current))
    entries.append((layout.current, layout.solidPotential(last)))
    entries.append((layout.charge, layout.current))
    return entries
  }

  /// The entries the side states of electrode volume `k` add (none without degradation).
  ///
  /// The SEI current is an explicit function of φ_s, φ_e, j and the SEI and active-material
  /// states; the total interfacial current j + j_SEI + j_Li enters the volume's salt, charge
  /// and solid rows with the area a = a₀ ε_s / ε_s,0, and its film drop every reaction.
  func sideEntries(_ k: Int) -> [(row: Int, column: Int)] {
    let slots = self.slots(k)
    guard slots.count > 0 else { return [] }
    let base = volumeStart[k]
    let c = base + Slot.electrolyteConcentration
    let phiE = base + Slot.electrolytePotential
    let phiS = base + Slot.solidPotential
    let j = base + Slot.interfacialCurrent
    let sei = slots.sei.map { base + $0 }
    let plated = slots.plated.map { base + $0 }
    let dead = slots.dead.map { base + $0 }
    let platingCurrent = slots.platingCurrent.map { base + $0 }
    let fraction = slots.activeFraction.map { base + $0 }
    let lost = slots.lostLithium.map { base + $0 }
    let shells = (0..<mesh.particle).map { stoichiometry(k, shell: $0) }
    // What the total reaction a (j + j_SEI + j_Li) and its film drop read.
    let reaction = [phiS, phiE, j, platingCurrent, sei, fraction].compactMap { $0 }
    var entries: [(row: Int, column: Int)] = []
    for row in [c, phiE, phiS, j] {
      for column in reaction { entries.append((row, column)) }
    }
    let seiDependencies = [phiS, phiE, j, sei, fraction].compactMap { $0 }
    if let sei {
      for column in seiDependencies { entries.append((sei, column)) }
    }
    if let platingCurrent, let plated, let dead {
      for column in reaction + [c, plated] { entries.append((platingCurrent, column)) }
      for row in [plated, dead] {
        for column in [plated, dead, platingCurrent, sei, fraction].compactMap({ $0 }) {
          entries.append((row, column))
        }
      }
    }
    if let fraction, let lost {
      // The stress reads every shell (the mean) and the surface; the current-driven loss the
      // applied current; the reaction-driven loss the SEI current.
      let applied = slots.readsCurrent ? [current] : []
      for row in [fraction, lost] {
        for column in [fraction, lost] + applied + shells + seiDependencies {
          entries.append((row, column))
        }
      }
    }
    return entries
  }
}
