import StudyModel

/// The unit dimension of a sweep axis's values, for reading them from text.
public enum SweepAxisDimension {
  /// The dimension of axis `name` of `simulation`, or nil when the simulation is not swept
  /// along it.
  public static func of(_ name: String, in simulation: SimulationSpec) -> UnitDimension? {
    simulation.sweeps.first { $0.name == name }?.dimension
  }
}
