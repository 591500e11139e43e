import StudyModel

extension DFNLayout {
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

extension DFNModel {

  /// The state at rest with the cell's initial stoichiometries and a uniform electrolyte:
  /// differential unknowns exact, algebraic ones a first guess (no current, potentials at
  /// equilibrium) for the consistent-initialisation solve.
  public func restingState() -> [Double] {
    var y = [Double](repeating: 0, count: layout.size)
    let temperature = cell.temperatureK
    for k in 0..<layout.volumeCount {
      y[layout.electrolyteConcentration(k)] = 1
      let e = geometry.electrodeIndex[k]
      guard e >= 0 else { continue }
      let parameters = electrodes[e]
      let x0 = parameters.initialStoichiometry
      for shell in 0..<layout.mesh.particle { y[layout.stoichiometry(k, shell: shell)] = x0 }
      y[layout.solidPotential(k)] = parameters.openCircuitPotential.value(
        x: x0, temperature: temperature)
    }
    // The negative solid sits near 0 V (φ_s(0) = 0), so φ_e ≈ −U_n.
    let negativePotential = cell.negative.openCircuitPotential.value(
      x: cell.negative.initialStoichiometry, temperature: temperature)
    for k in 0..<layout.volumeCount {
      y[layout.electrolytePotential(k)] = -negativePotential
      if layout.regions[k] != .separator {
        y[layout.solidPotential(k)] -= negativePotential
      }
    }
    return y
  }
}
