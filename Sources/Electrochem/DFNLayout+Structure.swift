import StudyModel

extension DFNLayout {
  /// The model structure of this layout: its unknowns, Jacobian entries and particle blocks.
  public var structure: ModelStructure {
    ModelStructure(
      size: size, isDifferential: isDifferential, toleranceScales: toleranceScales,
      typicalMagnitudes: typicalMagnitudes, jacobianEntries: jacobianEntries, current: current,
      charge: charge, particles: particleBlocks)
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
      let width = regions[k] == .separator ? Slot.separatorCount : Slot.electrodeCount
      for unknown in volumeStart[k]..<(volumeStart[k] + width) { volumeOf[unknown] = k }
      guard regions[k] != .separator else { continue }
      particles.append(
        ParticleBlocks.Particle(
          current: interfacialCurrent(k),
          shells: (0..<mesh.particle).map { stoichiometry(k, shell: $0) }))
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
    }
    let last = layout.volumeCount - 1
    entries.append((layout.solidPotential(last), layout.current))
    entries.append((layout.current, layout.current))
    entries.append((layout.current, layout.solidPotential(last)))
    entries.append((layout.charge, layout.current))
    return entries
  }
}
