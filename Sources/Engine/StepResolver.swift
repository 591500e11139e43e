import Electrochem
import StudyModel

/// A protocol step in the engine's terms: the control, the root conditions and the longest
/// time it may run.
struct ResolvedStep: Sendable {
  let control: CellControl
  let conditions: [RootCondition]
  let horizonS: Double
  let hasDuration: Bool
}

/// Turns protocol steps into engine steps, rejecting steps that cannot terminate.
enum StepResolver {
  /// Longest run of a step without a time limit.
  static let defaultHorizonS = 1000.0 * 3600

  static func resolve(_ step: ProtocolStep, cell: CellParameters, nominalCapacityAh: Double?)
    throws(SimulationError) -> ResolvedStep
  {
    var conditions: [RootCondition] = []
    var duration: Double?
    let control: CellControl
    switch step.mode {
    case .charge(let current):
      control = .current(
        -(try density(current, cell: cell, nominal: nominalCapacityAh, step: step)))
    case .discharge(let current):
      control = .current(try density(current, cell: cell, nominal: nominalCapacityAh, step: step))
    case .hold(let voltage):
      control = .voltage(voltage)
    case .rest:
      control = .current(0)
    }
    for limit in step.limits {
      switch limit {
      case .voltage(let value):
        guard case .current(let current) = control, current != 0 else {
          throw SimulationError(
            subject: step.text, message: "a voltage limit only ends a charge or a discharge")
        }
        conditions.append(current < 0 ? .voltageRisesTo(value) : .voltageFallsTo(value))
      case .current(let value):
        guard case .voltage = control else {
          throw SimulationError(
            subject: step.text,
            message: "a current limit only ends a voltage hold (the current is constant here)")
        }
        conditions.append(
          .currentFallsTo(try density(value, cell: cell, nominal: nominalCapacityAh, step: step)))
      case .duration(let seconds):
        guard seconds > 0 else {
          throw SimulationError(subject: step.text, message: "a duration must be positive")
        }
        duration = min(duration ?? seconds, seconds)
      case .capacity(let capacity):
        switch capacity {
        case .areal(let value): conditions.append(.capacityReaches(value))
        case .total(let ah): conditions.append(.capacityReaches(ah * 1000 / (cell.areaM2 * 1e4)))
        }
      }
    }
    // An electrode that plates lithium goes on charging past a full surface, as a real cell
    // does: its current turns to plating.
    for bound in RootCondition.SurfaceBound.allCases {
      if bound == .negativeFull, cell.negative.degradation.plating != nil { continue }
      if bound == .positiveFull, cell.positive.degradation.plating != nil { continue }
      conditions.append(.surface(bound))
    }
    // The last slot watches for the stiff region (see `RootCondition.stiffnessGuard`).
    guard conditions.count < CellSystem.rootSlots else {
      throw SimulationError(subject: step.text, message: "too many end conditions in one step")
    }
    conditions += Array(repeating: .inactive, count: CellSystem.rootSlots - 1 - conditions.count)
    conditions.append(.stiffnessGuard)
    return ResolvedStep(
      control: control, conditions: conditions, horizonS: duration ?? defaultHorizonS,
      hasDuration: duration != nil)
  }

  /// A current in A/m² of electrode.
  static func density(
    _ current: ProtocolStep.Current, cell: CellParameters, nominal: Double?, step: ProtocolStep
  ) throws(SimulationError) -> Double {
    switch current {
    case .density(let value): return value
    case .total(let amperes): return amperes / cell.areaM2
    case .cRate(let rate):
      guard let nominal, nominal > 0 else {
        throw SimulationError(
          subject: step.text,
          message:
            "a C-rate needs the cell's nominal capacity; declare it or give a current density")
      }
      return rate * nominal / cell.areaM2
    case .swept:
      throw SimulationError(
        subject: step.text,
        message: "the swept current {current} was not filled in; only a current sweep fills it")
    }
  }
}
