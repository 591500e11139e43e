import Foundation

/// One porous electrode of a cell, in SI units.
public struct ElectrodeParameters: Sendable, Equatable {
  /// Coating thickness, m.
  public var thicknessM: Double
  /// Electrolyte volume fraction.
  public var porosity: Double
  /// Active material volume fraction.
  public var activeFraction: Double
  /// Particle radius, m.
  public var particleRadiusM: Double
  /// Solid-phase conductivity, S/m.
  public var conductivitySM: Double
  /// Bruggeman exponent on the electrolyte (ε^b).
  public var bruggemanElectrolyte: Double
  /// Bruggeman exponent on the solid conductivity (ε_s^b; 0 leaves σ as given).
  public var bruggemanSolid: Double
  /// Film (SEI) resistance, Ω m² of particle surface.
  public var filmResistanceOhmM2: Double
  /// Maximum lithium concentration in the active material, mol/m³.
  public var maxConcentrationMolM3: Double
  /// Solid diffusivity, m²/s, as a function of stoichiometry `x`.
  public var diffusivity: MaterialFunction
  /// Reaction rate constant k in j0 = k c_e^α_a (c_max − c_s)^α_a c_s^α_c, A/m² (m³/mol)^1.5
  /// for α = 0.5 (PyBaMM's m_ref = F k0).
  public var rateConstant: Double
  /// Anodic transfer coefficient α_a; the cathodic one is 1 − α_a.
  public var anodicTransferCoefficient: Double
  /// Open-circuit potential versus Li/Li⁺, V, as a function of stoichiometry `x`.
  public var openCircuitPotential: MaterialFunction
  /// Initial stoichiometry (uniform).
  public var initialStoichiometry: Double
  /// Density of the active material, kg/m³ (for capacities per gram).
  public var activeDensityKgM3: Double
  /// Stoichiometry window counted as practical capacity (lower, upper).
  public var practicalWindow: ClosedRange<Double>
  /// The degradation submodels (none by default).
  public var degradation: Degradation

  /// An electrode from all of its parameters.
  public init(
    thicknessM: Double, porosity: Double, activeFraction: Double, particleRadiusM: Double,
    conductivitySM: Double, bruggemanElectrolyte: Double, bruggemanSolid: Double = 0,
    filmResistanceOhmM2: Double = 0, maxConcentrationMolM3: Double, diffusivity: MaterialFunction,
    rateConstant: Double, anodicTransferCoefficient: Double = 0.5,
    openCircuitPotential: MaterialFunction, initialStoichiometry: Double,
    activeDensityKgM3: Double = 0, practicalWindow: ClosedRange<Double> = 0...1,
    degradation: Degradation = Degradation()
  ) {
    self.thicknessM = thicknessM
    self.porosity = porosity
    self.activeFraction = activeFraction
    self.particleRadiusM = particleRadiusM
    self.conductivitySM = conductivitySM
    self.bruggemanElectrolyte = bruggemanElectrolyte
    self.bruggemanSolid = bruggemanSolid
    self.filmResistanceOhmM2 = filmResistanceOhmM2
    self.maxConcentrationMolM3 = maxConcentrationMolM3
    self.diffusivity = diffusivity
    self.rateConstant = rateConstant
    self.anodicTransferCoefficient = anodicTransferCoefficient
    self.openCircuitPotential = openCircuitPotential
    self.initialStoichiometry = initialStoichiometry
    self.activeDensityKgM3 = activeDensityKgM3
    self.practicalWindow = practicalWindow
    self.degradation = degradation
  }

  /// Particle surface area per electrode volume, 1/m (a = 3 ε_s / R).
  public var specificAreaPerM: Double { 3 * activeFraction / particleRadiusM }

  /// Effective solid conductivity, S/m.
  public var effectiveConductivitySM: Double {
    conductivitySM * Foundation.pow(activeFraction, bruggemanSolid)
  }
}

/// The separator, in SI units.
public struct SeparatorParameters: Sendable, Equatable {
  /// Thickness, m.
  public var thicknessM: Double
  /// Electrolyte volume fraction.
  public var porosity: Double
  /// Bruggeman exponent on the electrolyte.
  public var bruggeman: Double

  /// A separator.
  public init(thicknessM: Double, porosity: Double, bruggeman: Double) {
    self.thicknessM = thicknessM
    self.porosity = porosity
    self.bruggeman = bruggeman
  }
}

/// A binary electrolyte in concentrated-solution theory.
public struct ElectrolyteParameters: Sendable, Equatable {
  /// Initial (and reference) salt concentration, mol/m³.
  public var initialConcentrationMolM3: Double
  /// Salt diffusivity, m²/s, as a function of `c` (mol/m³) and `T`.
  public var diffusivity: MaterialFunction
  /// Ionic conductivity, S/m, as a function of `c` and `T`.
  public var conductivity: MaterialFunction
  /// Cation transference number (constant).
  public var transferenceNumber: Double
  /// Thermodynamic factor 1 + d ln f± / d ln c, as a function of `c` and `T`.
  public var thermodynamicFactor: MaterialFunction

  /// An electrolyte.
  public init(
    initialConcentrationMolM3: Double, diffusivity: MaterialFunction,
    conductivity: MaterialFunction, transferenceNumber: Double,
    thermodynamicFactor: MaterialFunction = .constant(1)
  ) {
    self.initialConcentrationMolM3 = initialConcentrationMolM3
    self.diffusivity = diffusivity
    self.conductivity = conductivity
    self.transferenceNumber = transferenceNumber
    self.thermodynamicFactor = thermodynamicFactor
  }
}

/// A whole cell: two electrodes, separator, electrolyte and conditions.
public struct CellParameters: Sendable, Equatable {
  /// The negative electrode.
  public var negative: ElectrodeParameters
  /// The separator.
  public var separator: SeparatorParameters
  /// The positive electrode.
  public var positive: ElectrodeParameters
  /// The electrolyte.
  public var electrolyte: ElectrolyteParameters
  /// Temperature, K (the model is isothermal).
  public var temperatureK: Double
  /// Contact resistance per electrode area, Ω m².
  public var contactResistanceOhmM2: Double
  /// Electrode area, m² (to convert currents in A).
  public var areaM2: Double

  /// A cell.
  public init(
    negative: ElectrodeParameters, separator: SeparatorParameters,
    positive: ElectrodeParameters, electrolyte: ElectrolyteParameters,
    temperatureK: Double = 298.15, contactResistanceOhmM2: Double = 0, areaM2: Double = 1
  ) {
    self.negative = negative
    self.separator = separator
    self.positive = positive
    self.electrolyte = electrolyte
    self.temperatureK = temperatureK
    self.contactResistanceOhmM2 = contactResistanceOhmM2
    self.areaM2 = areaM2
  }
}
