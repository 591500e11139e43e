import StudyModel

/// Capacity bookkeeping of a cell design: areal capacities, N/P ratios, and the electrode
/// thickness that gives a target ratio: Q = F L ε_s c_max per electrode, N/P = Q_n / Q_p, on
/// the full stoichiometry range or the practical window (Mu et al., §3.3).
public enum CellDesign {
  /// Areal capacity of `electrode`, mAh/cm²: F L ε_s c_max, times the window width on the
  /// practical basis.
  public static func arealCapacity(_ electrode: ElectrodeParameters, basis: CapacityBasis) -> Double
  {
    let full =
      PhysicalConstants.faraday * electrode.thicknessM * electrode.activeFraction
      * electrode.maxConcentrationMolM3 / ArealCharge.coulombsPerM2PerMAhCm2
    switch basis {
    case .theoretical: return full
    case .practical:
      return full * (electrode.practicalWindow.upperBound - electrode.practicalWindow.lowerBound)
    }
  }

  /// Areal mass of active material, g/cm².
  public static func activeMassGCm2(_ electrode: ElectrodeParameters) -> Double {
    // kg/m² → g/cm²: × 1000 / 10 000.
    electrode.thicknessM * electrode.activeFraction * electrode.activeDensityKgM3 / 10
  }

  /// The N/P ratio of `cell` on `basis`.
  public static func npRatio(_ cell: CellParameters, basis: CapacityBasis) -> Double {
    arealCapacity(cell.negative, basis: basis) / arealCapacity(cell.positive, basis: basis)
  }

  /// The cell with its negative electrode thickness scaled so that N/P equals `target`,
  /// the positive electrode unchanged.
  public static func withNegativeThickness(
    for target: Double, basis: CapacityBasis, cell: CellParameters
  ) -> CellParameters {
    var result = cell
    result.negative.thicknessM *= target / npRatio(cell, basis: basis)
    return result
  }

  /// The cell with its negative electrode's active fraction (its loading) scaled so that N/P
  /// equals `target` at fixed thickness; the porosity takes up the difference.
  public static func withNegativeLoading(
    for target: Double, basis: CapacityBasis, cell: CellParameters
  ) -> CellParameters {
    var result = cell
    let solid = 1 - cell.negative.porosity
    result.negative.activeFraction *= target / npRatio(cell, basis: basis)
    result.negative.porosity =
      1 - solid * result.negative.activeFraction / cell.negative.activeFraction
    return result
  }
}
