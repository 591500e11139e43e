import StudyModel

/// The state along the cell at one instant: one entry per finite volume, from the negative
/// current collector (x = 0) to the positive one.
public struct DFNProfile: Sendable, Equatable {
  /// Time since the run began, s.
  public var timeS: Double
  /// Volume centres, m.
  public var xM: [Double]
  /// Electrolyte concentration, mol/m³.
  public var electrolyteConcentration: [Double]
  /// Electrolyte potential, V.
  public var electrolytePotentialV: [Double]
  /// Solid potential, V (NaN in the separator).
  public var solidPotentialV: [Double]
  /// Particle-surface stoichiometry (NaN in the separator).
  public var surfaceStoichiometry: [Double]
  /// Interfacial current density, A/m² of particle surface (0 in the separator).
  public var interfacialCurrentAm2: [Double]
  /// Volumetric reaction rate a·j, A/m³ (0 in the separator).
  public var reactionRateAm3: [Double]
}

extension DFNModel {
  /// The profiles along x of state `y` at `time`.
  public func profile(_ y: Span<Double>, time: Double) -> DFNProfile {
    var profile = DFNProfile(
      timeS: time, xM: [], electrolyteConcentration: [], electrolytePotentialV: [],
      solidPotentialV: [], surfaceStoichiometry: [], interfacialCurrentAm2: [], reactionRateAm3: [])
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
