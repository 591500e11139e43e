import DAESolver
import Electrochem
import StudyModel

/// Runs protocols on cells.
///
/// Keeps one IDA solver (and its linear solver's symbolic analysis) for its model kind and
/// mesh and reuses it for every run; not thread-safe, so use one simulator per worker.
public final class Simulator {
  /// The numerical settings.
  public let options: SimulationOptions
  /// The kind of model every run is solved with.
  public let kind: any CellModelKind
  private let structure: ModelStructure
  private let pattern: SparsityPattern
  private var system: CellSystem?
  private var solver: IDASolver?
  private var initializer: ConsistentInitializer?
  /// How the Newton systems are solved once the first run has begun: particle elimination
  /// when the options ask for it and the model's structure allows it, KLU otherwise.
  public private(set) var linearSolver: LinearSolverMethod?

  /// A simulator for `options` that solves models of `kind` (by default the DFN).
  public init(options: SimulationOptions, kind: any CellModelKind = DFNModelKind()) {
    self.options = options
    self.kind = kind
    let structure = kind.structure(mesh: options.mesh)
    self.structure = structure
    self.pattern = SparsityPattern(size: structure.size, entries: structure.jacobianEntries)
  }

  /// Runs `protocol` on `cell` from its initial state.
  ///
  /// Throws only for invalid input;
  /// numerical trouble ends the run early with the partial data and a `solverFailure`.
  /// - Parameters:
  ///   - nominalCapacityAh: the capacity C-rates refer to (needed only for C-rates).
  ///   - profileTimesS: times since the run began at which to keep profiles along x.
  public func run(
    cell: CellParameters, protocol steps: [ProtocolStep], nominalCapacityAh: Double? = nil,
    profileTimesS: [Double] = []
  ) throws(SimulationError) -> RunResult {
    try CellValidation.check(cell)
    let resolved = try steps.map { step throws(SimulationError) in
      try StepResolver.resolve(step, cell: cell, nominalCapacityAh: nominalCapacityAh)
    }
    let model = kind.model(cell: cell, mesh: options.mesh)
    let (system, solver, initializer) = try prepare(model)
    var runner = StepRunner(
      model: model, system: system, solver: solver, initializer: initializer)
    runner.profileTimes = profileTimesS.sorted()
    runner.suppressesAlgebraicError = options.suppressesAlgebraicError
    var results: [StepResult] = []
    var state = model.restingState()
    for (step, plan) in zip(steps, resolved) {
      let outcome = runner.run(plan, from: &state)
      results.append(
        StepResult(
          step: step, reason: outcome.reason, series: outcome.series, profiles: outcome.profiles,
          endProfile: outcome.endProfile))
      if !outcome.reason.isTermination { break }
    }
    let completed = results.count == steps.count && results.allSatisfy { $0.reason.isTermination }
    let work = runner.work
    let statistics = SolverStatistics(
      steps: work.steps, residualEvaluations: work.residualEvaluations,
      jacobianEvaluations: work.jacobianEvaluations, nonlinearIterations: work.nonlinearIterations,
      failures: work.errorTestFailures + work.convergenceFailures)
    return RunResult(steps: results, completed: completed, statistics: statistics)
  }

  private func prepare(_ model: any CellModel) throws(SimulationError) -> (
    CellSystem, IDASolver, ConsistentInitializer
  ) {
    if let system, let solver, let initializer {
      system.model = model
      return (system, solver, initializer)
    }
    let system = CellSystem(
      model: model, structure: structure, pattern: pattern, method: options.jacobian)
    let problem = DAEProblem(
      size: structure.size, pattern: pattern, isDifferential: structure.isDifferential,
      rootCount: CellSystem.rootSlots,
      // Every end condition is positive while a step runs: only a falling crossing ends it (a
      // step that starts just past a bound its predecessor ended on must not stop at once
      // when it moves away from it). The stiffness guard in the last slot reports both ways.
      rootDirections: Array(repeating: -1, count: CellSystem.rootSlots - 1) + [0])
    var idaOptions = IDAOptions(relativeTolerance: options.relativeTolerance)
    // Per-component absolute tolerances: the base tolerance times each unknown's scale.
    idaOptions.absoluteTolerances = structure.toleranceScales.map {
      $0 * options.absoluteTolerance
    }
    idaOptions.maxStepsPerOutput = 20000
    do {
      // Block elimination when the model has particle blocks and the pattern keeps them
      // apart; KLU otherwise.
      let elimination =
        options.linearSolver == .particleElimination
        ? structure.particles.flatMap { ParticleEliminationSolver(blocks: $0, pattern: pattern) }
        : nil
      let solver = try IDASolver(
        problem: problem, system: system, options: idaOptions, linearSolver: elimination)
      let initializer = ConsistentInitializer(system: system, pattern: pattern)
      self.system = system
      self.solver = solver
      self.initializer = initializer
      linearSolver = elimination == nil ? .klu : .particleElimination
      return (system, solver, initializer)
    } catch {
      throw SimulationError(subject: "solver", message: error.description)
    }
  }
}
