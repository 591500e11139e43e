import StudyModel

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
      // Side states at their start: the initial SEI and active material (scaled to 1), the
      // initial plated lithium, no dead or lost lithium.
      let slots = layout.slots(k)
      let base = layout.volumeStart[k]
      if let offset = slots.sei { y[base + offset] = 1 }
      if let offset = slots.plated {
        y[base + offset] =
          (parameters.degradation.plating?.initialPlatedMolM3 ?? 0)
          / LithiumPlating.concentrationScale
      }
      if let offset = slots.activeFraction { y[base + offset] = 1 }
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
