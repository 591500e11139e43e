import StudyModel

/// The unit dimension of a sweep axis's values, for reading them from text.
public enum SweepAxisDimension {
  /// The dimension of axis `name` of `simulation`, or nil when the simulation is not swept
  /// along it.
  public static func of(_ name: String, in simulation: SimulationSpec) -> Dimension? {
    guard simulation.sweeps.contains(where: { $0.name == name }) else { return nil }
    switch name {
    case "np": return Dimension.none
    case "current": return .currentDensity
    default: return CellOverride.dimension(of: name)
    }
  }
}
