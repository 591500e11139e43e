import StudyModel

private typealias Slot = DFNLayout.Slot

extension DFNModel {
  /// The degradation part of an observation: lithium in the SEI grown, plated, dead and lost
  /// with active material (added to the lithium total, which stays conserved), the negative
  /// electrode's mean SEI thickness and each electrode's lost active material.
  func observeSideStates(_ y: Span<Double>, into o: inout CellObservation) {
    guard let sides = kernel.sides else { return }
    var sei = 0.0
    var plated = 0.0
    var dead = 0.0
    var lost = 0.0
    var thickness = 0.0
    var lostFraction = [0.0, 0.0]
    var length = [0.0, 0.0]
    let scale = LithiumPlating.concentrationScale
    for k in 0..<layout.volumeCount {
      let e = geometry.electrodeIndex[k]
      guard e >= 0 else { continue }
      let c = sides.constants[e]
      let base = layout.volumeStart[k]
      let width = geometry.width[k]
      length[e] += width
      let fraction = c.fraction >= 0 ? y[base + c.fraction] : 1
      if c.sei >= 0 {
        // z (c_SEI − c_SEI,0) per volume; L = L₀ (c_SEI / c_SEI,0) / (ε_s / ε_s,0).
        sei += c.seiZ * c.seiConcentration0 * (y[base + c.sei] - 1) * width
        if e == 0 { thickness += c.seiThickness0 * y[base + c.sei] / fraction * width }
      }
      if c.plated >= 0 {
        plated += y[base + c.plated] * scale * width
        dead += y[base + c.dead] * scale * width
      }
      if c.fraction >= 0 {
        let electrode = e == 0 ? cell.negative : cell.positive
        lost +=
          y[base + c.lost] * electrode.maxConcentrationMolM3 * electrode.activeFraction * width
        lostFraction[e] += (1 - fraction) * width
      }
    }
    o.seiLithiumMolM2 = sei
    o.platedLithiumMolM2 = plated
    o.deadLithiumMolM2 = dead
    o.lostActiveLithiumMolM2 = lost
    o.seiThicknessM = length[0] > 0 ? thickness / length[0] : 0
    o.activeMaterialLost = ElectrodePair(
      negative: length[0] > 0 ? lostFraction[0] / length[0] : 0,
      positive: length[1] > 0 ? lostFraction[1] / length[1] : 0)
    o.lithiumMolM2 += sei + plated + dead + lost
  }
}
