import StudyModel

extension DFNModel {
  /// The profiles along x of state `y` at `time`.
  public func profile(_ y: Span<Double>, time: Double) -> CellProfile? {
    var profile = CellProfile(timeS: time)
    var position = 0.0
    for k in 0..<layout.volumeCount {
      let width = geometry.width[k]
      profile.xM.append(position + width / 2)
      position += width
      profile.electrolyteConcentration.append(concentrationAt(k, y))
      profile.electrolytePotentialV.append(y[layout.electrolytePotential(k)])
      let e = geometry.electrodeIndex[k]
      if e >= 0 {
        let j = y[layout.interfacialCurrent(k)]
        profile.solidPotentialV.append(y[layout.solidPotential(k)])
        profile.surfaceStoichiometry.append(surfaceStoichiometry(k: k, electrode: e, y: y))
        profile.interfacialCurrentAm2.append(j)
        profile.reactionRateAm3.append(geometry.specificArea[k] * j)
      } else {
        profile.solidPotentialV.append(.nan)
        profile.surfaceStoichiometry.append(.nan)
        profile.interfacialCurrentAm2.append(0)
        profile.reactionRateAm3.append(0)
      }
    }
    return profile
  }
}
