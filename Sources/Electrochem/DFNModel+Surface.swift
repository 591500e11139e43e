import StudyModel

extension DFNModel {
  /// The lowest and highest particle-surface stoichiometry in one electrode.
  public func surfaceRange(_ side: ElectrodeSide, _ y: Span<Double>) -> ClosedRange<Double>? {
    let negative = side == .negative
    let volumes = negative ? layout.negativeVolumes : layout.positiveVolumes
    let electrode = negative ? 0 : 1
    var lowest = Double.infinity
    var highest = -Double.infinity
    for k in volumes {
      let surface = surfaceStoichiometry(k: k, electrode: electrode, y: y)
      lowest = min(lowest, surface)
      highest = max(highest, surface)
    }
    return lowest...max(lowest, highest)
  }

  /// The smallest electrolyte concentration over the cell, as a fraction of the initial one.
  public func scaledElectrolyteMinimum(_ y: Span<Double>) -> Double {
    var lowest = Double.infinity
    for k in 0..<layout.volumeCount {
      lowest = min(lowest, y[layout.electrolyteConcentration(k)])
    }
    return lowest
  }
}
