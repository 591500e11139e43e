import Electrochem
import StudyModel

/// Numerical settings of a simulation.
public struct SimulationOptions: Sendable, Equatable, Hashable {
  /// The finite-volume mesh.
  public var mesh: DFNMesh
  /// IDA's relative tolerance.
  public var relativeTolerance: Double
  /// IDA's absolute tolerance for unknowns of order one; each unknown's own tolerance is this
  /// times its scale (`DFNLayout.toleranceScales`).
  public var absoluteTolerance: Double

  /// Options for `mesh` with the default tolerances.
  public init(
    mesh: DFNMesh = .coarse, relativeTolerance: Double = 1e-4, absoluteTolerance: Double = 1e-6
  ) {
    self.mesh = mesh
    self.relativeTolerance = relativeTolerance
    self.absoluteTolerance = absoluteTolerance
  }
}
