import DAESolver
import Electrochem
import StudyModel

/// Integrates one resolved step at a time, carrying the state and the clock between steps.
struct StepRunner {
  let model: any CellModel
  let system: CellSystem
  let solver: IDASolver
  let initializer: ConsistentInitializer
  private(set) var clock = 0.0
  private(set) var passedCapacity = 0.0
  /// IDA's work over all steps so far.
  private(set) var work = IDAStatistics()
  /// Times since the run began at which profiles are kept, ascending.
  var profileTimes: [Double] = []
  /// Whether each step starts with the algebraic unknowns out of IDA's error test (see
  /// `SimulationOptions.suppressesAlgebraicError`).
  var suppressesAlgebraicError = false
  /// Whether steps record raw states instead of observations (`DeferredSeries`), for cycles
  /// that may not keep their series.
  var defersObservation = false

  init(
    model: any CellModel, system: CellSystem, solver: IDASolver, initializer: ConsistentInitializer
  ) {
    self.model = model
    self.system = system
    self.solver = solver
    self.initializer = initializer
  }

  struct Outcome {
    let reason: EndReason
    /// The observed series (empty when observation is deferred).
    let series: TimeSeries
    /// The raw samples, when observation is deferred.
    var deferred: DeferredSeries? = nil
    var profiles: [CellProfile] = []
    var endProfile: CellProfile? = nil
  }

  /// Runs `plan` from `state` (updated to the end state).
  mutating func run(_ plan: ResolvedStep, from state: inout [Double]) -> Outcome {
    system.control = plan.control
    system.conditions = plan.conditions
    var y = state
    var yp = [Double](repeating: 0, count: y.count)
    y[system.chargeIndex] = 0
    var series = TimeSeries()
    var deferred = defersObservation ? DeferredSeries(width: y.count) : nil
    // A step that starts where the kinetics are stiff keeps every unknown under error control.
    solver.suppressesAlgebraicError =
      suppressesAlgebraicError
      && RootCondition.stiffnessGuard.value(
        model: model, current: system.currentIndex, charge: system.chargeIndex,
        y: y.span)
        > 0
    if let failure = initialize(&y, &yp, plan: plan) {
      return Outcome(reason: failure, series: series, deferred: deferred)
    }
    record(y, time: clock, into: &series, &deferred)
    if let reason = alreadyMet(plan, y) {
      state = y
      return Outcome(reason: reason, series: series, deferred: deferred)
    }
    let start = clock
    let end = start + plan.horizonS
    var reason: EndReason
    var profiles: [CellProfile] = []
    var pending = profileTimes.filter { $0 >= start && $0 < end }
    loop: while true {
      // A requested profile time comes next: integrate to it exactly (IDA interpolates).
      let target = pending.first ?? end
      let outcome = solver.advance(to: target, stopTime: end, singleStep: pending.isEmpty)
      if !pending.isEmpty, case .reached(let time) = outcome, time >= target {
        if let profile = model.profile(solver.state.span, time: time) { profiles.append(profile) }
        pending.removeFirst()
      }
      switch outcome {
      case .reached(let time):
        y = solver.state
        record(y, time: time, into: &series, &deferred)
        if time >= end {
          reason =
            plan.hasDuration
            ? .duration(plan.horizonS)
            : .solverFailure("no termination within \(Int(plan.horizonS / 3600)) h")
          break loop
        }
      case .root(let time, let directions):
        y = solver.state
        record(y, time: time, into: &series, &deferred)
        let fired = directions.indices.filter { directions[$0] != 0 }
        guard let slot = fired.first(where: { plan.conditions[$0].endsStep }) else {
          // Only the stiffness guard: from here on the algebraic unknowns are under error
          // control while the kinetics are stiff, and out of it again once they are not.
          let entering = fired.contains { directions[$0] < 0 }
          solver.suppressesAlgebraicError = suppressesAlgebraicError && !entering
          continue loop
        }
        reason = plan.conditions[slot].reason
        break loop
      case .failed(let error):
        y = solver.state
        reason = .solverFailure(error.description)
        break loop
      }
    }
    clock = solver.time
    collectWork()
    passedCapacity += y[system.chargeIndex]
    state = y
    let endProfile = model.profile(y.span, time: clock)
    return Outcome(
      reason: reason, series: series, deferred: deferred, profiles: profiles,
      endProfile: endProfile)
  }

  /// Goes back to `earlier` (this runner before a step), keeping the work done since, so that
  /// a step retried from its start counts the attempt that failed.
  mutating func rewind(to earlier: StepRunner) {
    let work = self.work
    self = earlier
    self.work = work
  }

  /// Adds IDA's counters to `work`; they restart whenever the solver is reset.
  private mutating func collectWork() {
    let stats = solver.statistics
    work.steps += stats.steps
    work.residualEvaluations += stats.residualEvaluations
    work.jacobianEvaluations += stats.jacobianEvaluations
    work.nonlinearIterations += stats.nonlinearIterations
    work.errorTestFailures += stats.errorTestFailures
    work.convergenceFailures += stats.convergenceFailures
  }

  private func initialize(_ y: inout [Double], _ yp: inout [Double], plan: ResolvedStep)
    -> EndReason?
  {
    if initializer.solve(y: &y, yp: &yp) {
      do {
        try solver.reset(time: clock, state: y, derivative: yp)
        return nil
      } catch {
        return .solverFailure(error.description)
      }
    }
    // Fallback: let IDA make the algebraic part consistent.
    do {
      try solver.reset(time: clock, state: y, derivative: yp)
      try solver.correctInitialConditions(nextTime: clock + min(1, plan.horizonS))
      y = solver.state
      yp = solver.derivative
      try solver.reset(time: clock, state: y, derivative: yp)
      return nil
    } catch {
      return .solverFailure("no consistent initial state: \(error.description)")
    }
  }

  /// A step whose own limit already holds at its start ends at once.
  private func alreadyMet(_ plan: ResolvedStep, _ y: [Double]) -> EndReason? {
    for condition in plan.conditions {
      switch condition {
      case .inactive, .surface, .stiffnessGuard: continue
      default:
        if condition.value(
          model: model, current: system.currentIndex, charge: system.chargeIndex,
          y: y.span) <= 0
        {
          return condition.reason
        }
      }
    }
    return nil
  }

  private func record(
    _ y: [Double], time: Double, into series: inout TimeSeries, _ deferred: inout DeferredSeries?
  ) {
    if deferred != nil {
      deferred?.append(
        time: time, capacity: passedCapacity + y[system.chargeIndex],
        voltage: model.voltage(y.span), state: y)
      return
    }
    let observation = model.observe(y.span)
    series.append(
      time: time, capacity: passedCapacity + y[system.chargeIndex], observation: observation)
  }
}
