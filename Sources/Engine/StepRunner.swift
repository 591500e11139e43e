import DAESolver
import Electrochem
import StudyModel

/// Integrates one resolved step at a time, carrying the state and the clock between steps.
struct StepRunner {
  let model: DFNModel
  let system: DFNSystem
  let solver: IDASolver
  let pattern: SparsityPattern
  private(set) var clock = 0.0
  private(set) var passedCapacity = 0.0

  init(model: DFNModel, system: DFNSystem, solver: IDASolver, pattern: SparsityPattern) {
    self.model = model
    self.system = system
    self.solver = solver
    self.pattern = pattern
  }

  struct Outcome {
    let reason: EndReason
    let series: TimeSeries
  }

  /// Runs `plan` from `state` (updated to the end state).
  mutating func run(_ plan: ResolvedStep, from state: inout [Double]) -> Outcome {
    system.control = plan.control
    system.conditions = plan.conditions
    var y = state
    var yp = [Double](repeating: 0, count: y.count)
    y[model.layout.charge] = 0
    var series = TimeSeries()
    if let failure = initialize(&y, &yp, plan: plan) {
      return Outcome(reason: failure, series: series)
    }
    record(y, time: clock, into: &series)
    if let reason = alreadyMet(plan, y) {
      state = y
      return Outcome(reason: reason, series: series)
    }
    let start = clock
    let end = start + plan.horizonS
    var reason: EndReason
    loop: while true {
      switch solver.advance(to: end, stopTime: end, singleStep: true) {
      case .reached(let time):
        y = solver.state
        record(y, time: time, into: &series)
        if time >= end {
          reason =
            plan.hasDuration
            ? .duration(plan.horizonS)
            : .solverFailure("no termination within \(Int(plan.horizonS / 3600)) h")
          break loop
        }
      case .root(let time, let directions):
        y = solver.state
        record(y, time: time, into: &series)
        let slot = directions.firstIndex { $0 != 0 } ?? 0
        reason = plan.conditions[slot].reason
        break loop
      case .failed(let error):
        y = solver.state
        reason = .solverFailure(error.description)
        break loop
      }
    }
    clock = solver.time
    passedCapacity += y[model.layout.charge]
    state = y
    return Outcome(reason: reason, series: series)
  }

  private func initialize(_ y: inout [Double], _ yp: inout [Double], plan: ResolvedStep)
    -> EndReason?
  {
    let initializer = ConsistentInitializer(system: system, pattern: pattern)
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
      case .inactive, .surface: continue
      default:
        if condition.value(model: model, y: y.span) <= 0 { return condition.reason }
      }
    }
    return nil
  }

  private func record(_ y: [Double], time: Double, into series: inout TimeSeries) {
    let observation = model.observe(y.span)
    series.append(
      time: time, capacity: passedCapacity + y[model.layout.charge], observation: observation)
  }
}
