import DAESolver
import Electrochem
import StudyModel

/// Runs protocols on cells.
///
/// Keeps one IDA solver (and its linear solver's symbolic analysis) for each variant of its
/// model kind (for the DFN: each set of degradation submodels) on its mesh, and reuses it for
/// every run; not thread-safe, so use one simulator per worker.
public final class Simulator {
  /// The numerical settings.
  public let options: SimulationOptions
  /// The kind of model every run is solved with.
  public let kind: any CellModelKind
  /// Each variant's structure, system, integrator and initializer, made on first use.
  private var prepared: [AnyHashable: Prepared] = [:]
  /// How the Newton systems of the last run were solved: particle elimination when the
  /// options ask for it and the model's structure allows it, KLU otherwise.
  public private(set) var linearSolver: LinearSolverMethod?

  /// What one variant needs to run, kept across runs.
  private final class Prepared {
    let structure: ModelStructure
    let system: CellSystem
    let solver: IDASolver
    let initializer: ConsistentInitializer
    let linearSolver: LinearSolverMethod

    init(
      structure: ModelStructure, system: CellSystem, solver: IDASolver,
      initializer: ConsistentInitializer, linearSolver: LinearSolverMethod
    ) {
      self.structure = structure
      self.system = system
      self.solver = solver
      self.initializer = initializer
      self.linearSolver = linearSolver
    }
  }

  /// A simulator for `options` that solves models of `kind` (by default the DFN).
  public init(options: SimulationOptions, kind: any CellModelKind = DFNModelKind()) {
    self.options = options
    self.kind = kind
  }

  /// Runs `protocol` on `cell` from its initial state.
  ///
  /// Throws only for invalid input;
  /// numerical trouble ends the run early with the partial data and a `solverFailure`.
  /// - Parameters:
  ///   - nominalCapacityAh: the capacity C-rates refer to (needed only for C-rates).
  ///   - profileTimesS: times since the run began at which to keep profiles along x.
  ///   - cycling: how the steps group into cycles, which cycles keep their series and when
  ///     the run stops at end of life (nil: one protocol, every series kept).
  public func run(
    cell: CellParameters, protocol steps: [ProtocolStep], nominalCapacityAh: Double? = nil,
    profileTimesS: [Double] = [], cycling: CyclePlan? = nil
  ) throws(SimulationError) -> RunResult {
    try CellValidation.check(cell)
    let resolved = try steps.map { step throws(SimulationError) in
      try StepResolver.resolve(step, cell: cell, nominalCapacityAh: nominalCapacityAh)
    }
    let model = kind.model(cell: cell, mesh: options.mesh)
    let prepared = try prepare(model, cell: cell)
    linearSolver = prepared.linearSolver
    var runner = StepRunner(
      model: model, system: prepared.system, solver: prepared.solver,
      initializer: prepared.initializer)
    runner.profileTimes = profileTimesS.sorted()
    runner.suppressesAlgebraicError = options.suppressesAlgebraicError
    // In cycles, steps record raw states, observed only for the cycles that keep their
    // series; a cycle just finished waits until it is known not to be the last.
    runner.defersObservation = cycling != nil
    var results: [StepResult] = []
    var deferred: [Int: DeferredSeries] = [:]
    var state = model.restingState()
    var endOfLife = false
    for (index, (step, plan)) in zip(steps, resolved).enumerated() {
      let before = (runner: runner, state: state)
      var outcome = runner.run(plan, from: &state)
      if case .solverFailure = outcome.reason {
        // Once per step, from its start with tolerances ten times tighter: a failure of the
        // corrector at the default tolerances (a cell losing most of its anode, cycled fast)
        // is often one of step-size selection, not of the model.
        runner.rewind(to: before.runner)
        state = before.state
        prepared.solver.toleranceScale = 0.1
        outcome = runner.run(plan, from: &state)
        prepared.solver.toleranceScale = 1
      }
      let ends =
        outcome.deferred.flatMap { StepEnds($0, model: model) } ?? StepEnds(outcome.series)
      if let samples = outcome.deferred { deferred[index] = samples }
      results.append(
        StepResult(
          step: step, reason: outcome.reason, series: outcome.series, ends: ends,
          profiles: outcome.profiles, endProfile: outcome.endProfile))
      if !outcome.reason.isTermination { break }
      if let cycling, (index + 1) % cycling.stepsPerCycle == 0 {
        let number = (index + 1) / cycling.stepsPerCycle
        Self.settle(
          number - 1, keep: cycling.keeps(number - 1), results: &results, deferred: &deferred,
          cycling: cycling, model: model)
        if let limit = cycling.stopBelowRetention, number > cycling.retentionFrom,
          Self.dischargeCapacity(of: number, results, cycling)
            < limit * Self.dischargeCapacity(of: cycling.retentionFrom, results, cycling)
        {
          endOfLife = true
          break
        }
      }
    }
    let completed =
      (results.count == steps.count || endOfLife) && results.allSatisfy { $0.reason.isTermination }
    let work = runner.work
    let statistics = SolverStatistics(
      steps: work.steps, residualEvaluations: work.residualEvaluations,
      jacobianEvaluations: work.jacobianEvaluations, nonlinearIterations: work.nonlinearIterations,
      failures: work.errorTestFailures + work.convergenceFailures)
    if let cycling {
      // The last cycle that ran (complete or not), and the one before it if still waiting.
      let last = (results.count + cycling.stepsPerCycle - 1) / cycling.stepsPerCycle
      for number in [last - 1, last] where number >= 1 {
        let keep = cycling.keeps(number) || (number == last && cycling.keepLast)
        Self.settle(
          number, keep: keep, results: &results, deferred: &deferred, cycling: cycling,
          model: model)
      }
    }
    var result = RunResult(steps: results, completed: completed, statistics: statistics)
    result.cycling = cycling
    result.reachedEndOfLife = endOfLife
    return result
  }

  /// Gives the steps of cycle `number` their observed series if `keep`, and drops their raw
  /// samples either way.
  private static func settle(
    _ number: Int, keep: Bool, results: inout [StepResult], deferred: inout [Int: DeferredSeries],
    cycling: CyclePlan, model: any CellModel
  ) {
    guard number >= 1 else { return }
    let start = (number - 1) * cycling.stepsPerCycle
    for index in start..<min(start + cycling.stepsPerCycle, results.count) {
      guard let samples = deferred.removeValue(forKey: index) else { continue }
      if keep { results[index].series = samples.observed(by: model) }
    }
  }

  /// The charge the discharge steps of cycle `number` delivered, mAh/cm².
  private static func dischargeCapacity(
    of number: Int, _ results: [StepResult], _ cycling: CyclePlan
  ) -> Double {
    let start = (number - 1) * cycling.stepsPerCycle
    return results[start..<min(start + cycling.stepsPerCycle, results.count)].reduce(0.0) {
      guard case .discharge = $1.step.mode else { return $0 }
      return $0 + ($1.ends?.chargeMAhCm2 ?? 0)
    }
  }

  private func prepare(_ model: any CellModel, cell: CellParameters) throws(SimulationError)
    -> Prepared
  {
    let variant = kind.variant(of: cell)
    if let found = prepared[variant] {
      found.system.model = model
      return found
    }
    let structure = kind.structure(mesh: options.mesh, cell: cell)
    let pattern = SparsityPattern(size: structure.size, entries: structure.jacobianEntries)
    let system = CellSystem(
      model: model, structure: structure, pattern: pattern, method: options.jacobian)
    let problem = DAEProblem(
      size: structure.size, pattern: pattern, isDifferential: structure.isDifferential,
      rootCount: CellSystem.rootSlots,
      // Every end condition is positive while a step runs: only a falling crossing ends it (a
      // step that starts just past a bound its predecessor ended on must not stop at once
      // when it moves away from it). The stiffness guard in the last slot reports both ways.
      rootDirections: Array(repeating: -1, count: CellSystem.rootSlots - 1) + [0],
      nonNegative: structure.nonNegative)
    var idaOptions = IDAOptions(relativeTolerance: options.relativeTolerance)
    // Per-component absolute tolerances: the base tolerance times each unknown's scale.
    idaOptions.absoluteTolerances = structure.toleranceScales.map {
      $0 * options.absoluteTolerance
    }
    idaOptions.maxStepsPerOutput = 20000
    do {
      // Block elimination when the model has particle blocks and the pattern keeps them
      // apart; KLU otherwise.
      let elimination: (any DAELinearSolver)? =
        options.linearSolver == .particleElimination
        ? structure.particles.flatMap { blocks -> (any DAELinearSolver)? in
          ParticleEliminationSolver(blocks: blocks, pattern: pattern)
            ?? LocalBlockEliminationSolver(blocks: blocks, pattern: pattern)
        }
        : nil
      let solver = try IDASolver(
        problem: problem, system: system, options: idaOptions, linearSolver: elimination)
      let found = Prepared(
        structure: structure, system: system, solver: solver,
        initializer: ConsistentInitializer(system: system, pattern: pattern),
        linearSolver: elimination == nil ? .klu : .particleElimination)
      prepared[variant] = found
      return found
    } catch {
      throw SimulationError(subject: "solver", message: error.description)
    }
  }
}
