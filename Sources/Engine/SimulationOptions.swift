import Electrochem
import StudyModel

/// Numerical settings of a simulation.
public struct SimulationOptions: Sendable, Equatable, Hashable {
  /// The finite-volume mesh.
  public var mesh: DFNMesh
  /// IDA's relative tolerance.
  public var relativeTolerance: Double
  /// IDA's absolute tolerance for unknowns of order one; each unknown's own tolerance is this
  /// times its scale (`ModelStructure.toleranceScales`).
  public var absoluteTolerance: Double

  /// How the Newton iterations get their Jacobian.
  public var jacobian: JacobianMethod
  /// How the Newton systems are solved.
  public var linearSolver: LinearSolverMethod
  /// Whether IDA's local error test leaves out the algebraic unknowns.
  ///
  /// The potentials, interfacial currents and applied current follow from the differential
  /// unknowns. Where the kinetics stiffen (`RootCondition.stiffnessGuard`) they are put back
  /// under error control for as long as that lasts.
  public var suppressesAlgebraicError: Bool

  /// Options for `mesh`: by default the tolerances the validation tests pass at, the analytic
  /// Jacobian and no error test on the algebraic unknowns.
  public init(
    mesh: DFNMesh = .coarse,
    relativeTolerance: Double = NumericalSettings.defaultRelativeTolerance,
    absoluteTolerance: Double = NumericalSettings.defaultAbsoluteTolerance,
    jacobian: JacobianMethod = .analytic, linearSolver: LinearSolverMethod = .particleElimination,
    suppressesAlgebraicError: Bool = true
  ) {
    self.mesh = mesh
    self.relativeTolerance = relativeTolerance
    self.absoluteTolerance = absoluteTolerance
    self.jacobian = jacobian
    self.linearSolver = linearSolver
    self.suppressesAlgebraicError = suppressesAlgebraicError
  }
}

/// Where the Jacobian of a cell model's residual comes from.
public enum JacobianMethod: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Exact derivatives of the discrete equations (the default).
  case analytic
  /// Coloured finite differences (Curtis–Powell–Reid): eight residuals per Jacobian at any
  /// mesh; kept as an independent check of the analytic one.
  case finiteDifference = "finite-difference"
}

/// How the Newton systems (dF/dy + cj dF/dy′) x = b are solved.
public enum LinearSolverMethod: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Eliminate each particle's shells and its interfacial current, then a banded LU of the
  /// rest (`ParticleEliminationSolver`; the default).
  case particleElimination = "particle-elimination"
  /// KLU, the general sparse direct solver of SUNDIALS; kept for comparison.
  case klu
}
