import StudyModel

/// The state along the cell at one instant: one entry per finite volume, from the negative
/// current collector (x = 0) to the positive one.
public struct CellProfile: Sendable, Equatable {
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

  /// An empty profile at `timeS`, for a model to fill in volume by volume.
  public init(timeS: Double) {
    self.timeS = timeS
    xM = []
    electrolyteConcentration = []
    electrolytePotentialV = []
    solidPotentialV = []
    surfaceStoichiometry = []
    interfacialCurrentAm2 = []
    reactionRateAm3 = []
  }
}
