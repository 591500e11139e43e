import StudyModel

/// What one state of a cell model shows to an observer: terminal quantities, electrode
/// states and the overpotential breakdown.
public struct CellObservation: Sendable, Equatable {
  /// An observation with every value zero, for a model to fill in.
  public init() {}

  /// Terminal voltage, V.
  public var voltageV = 0.0
  /// Applied current density, A/m² (positive on discharge).
  public var currentAm2 = 0.0
  /// Volume-averaged stoichiometry of the negative electrode.
  public var negativeStoichiometry = 0.0
  /// Volume-averaged stoichiometry of the positive electrode.
  public var positiveStoichiometry = 0.0
  /// φ_s − φ_e in the negative volume next to the separator, V (a Li reference there).
  public var negativePotentialAtSeparatorV = 0.0
  /// φ_s − φ_e in the positive volume next to the separator, V.
  public var positivePotentialAtSeparatorV = 0.0
  /// φ_s − φ_e in the negative volume next to its current collector, V.
  public var negativePotentialAtCollectorV = 0.0
  /// φ_s − φ_e in the positive volume next to its current collector, V.
  public var positivePotentialAtCollectorV = 0.0
  /// Electrolyte concentration in the volume at the negative collector, mol/m³.
  public var electrolyteAtNegativeCollector = 0.0
  /// Electrolyte concentration in the volume at the positive collector, mol/m³.
  public var electrolyteAtPositiveCollector = 0.0
  /// Lowest electrolyte concentration, mol/m³.
  public var electrolyteMinimum = 0.0
  /// Highest electrolyte concentration, mol/m³.
  public var electrolyteMaximum = 0.0
  /// Lowest particle-surface stoichiometry in each electrode (negative, positive).
  public var surfaceMinimum = ElectrodePair()
  /// Highest particle-surface stoichiometry in each electrode.
  public var surfaceMaximum = ElectrodePair()
  /// Lowest stoichiometry of any particle shell in each electrode (the state itself).
  public var shellMinimum = ElectrodePair()
  /// Highest stoichiometry of any particle shell in each electrode.
  public var shellMaximum = ElectrodePair()
  /// Open-circuit voltage at the average stoichiometries, V.
  public var openCircuitVoltageV = 0.0
  /// Reaction overpotentials averaged over each electrode, V.
  public var reactionOverpotentialV = ElectrodePair()
  /// Concentration overpotential: particle surface versus bulk OCV, plus the electrolyte's
  /// diffusion potential, V (signed as it adds to the voltage).
  public var concentrationOverpotentialV = 0.0
  /// Ohmic drop in the electrolyte, V (signed as it adds to the voltage).
  public var electrolyteOhmicV = 0.0
  /// Ohmic drop in the solid phases and contact, V (signed as it adds to the voltage).
  public var solidOhmicV = 0.0
  /// Drop across the films, V (signed as it adds to the voltage).
  public var filmDropV = 0.0
  /// Total lithium, mol/m² of electrode: in particles and electrolyte, and with degradation
  /// also in the SEI grown, plated and dead lithium and lost active material (conserved).
  public var lithiumMolM2 = 0.0
  /// Lithium bound in SEI grown since the start, mol/m² of electrode.
  public var seiLithiumMolM2 = 0.0
  /// Plated lithium that can still be stripped, mol/m².
  public var platedLithiumMolM2 = 0.0
  /// Dead lithium, mol/m².
  public var deadLithiumMolM2 = 0.0
  /// Lithium lost with active material, mol/m².
  public var lostActiveLithiumMolM2 = 0.0
  /// Mean SEI thickness of the negative electrode, m (0 without SEI).
  public var seiThicknessM = 0.0
  /// Active material lost, as a fraction of each electrode's initial.
  public var activeMaterialLost = ElectrodePair()

  /// Reaction overpotential as it adds to the voltage: η_p − η_n, V.
  public var reactionTotalV: Double {
    reactionOverpotentialV.positive - reactionOverpotentialV.negative
  }

}

/// One value for each electrode.
public struct ElectrodePair: Sendable, Equatable {
  /// The negative electrode's value.
  public var negative: Double
  /// The positive electrode's value.
  public var positive: Double

  /// A pair (zero by default).
  public init(negative: Double = 0, positive: Double = 0) {
    self.negative = negative
    self.positive = positive
  }
}
