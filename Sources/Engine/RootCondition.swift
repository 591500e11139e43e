import Electrochem
import StudyModel

/// One termination watched by the integrator's root finding: g > 0 while the step runs,
/// g = 0 where it must end.
enum RootCondition: Sendable, Equatable {
  /// An unused slot (g = 1).
  case inactive
  /// Charge until the voltage rises to a value, V.
  case voltageRisesTo(Double)
  /// Discharge until the voltage falls to a value, V.
  case voltageFallsTo(Double)
  /// Until the current magnitude falls to a value, A/m².
  case currentFallsTo(Double)
  /// Until the step's charge magnitude reaches a value, mAh/cm².
  case capacityReaches(Double)
  /// A particle surface reaches its upper or lower bound.
  case surface(SurfaceBound)
  /// Some particle surface comes within `stiffMargin` of full or empty, or the electrolyte
  /// falls below `stiffElectrolyteFraction` of its initial concentration. Not an end: the
  /// kinetics stiffen there, so the step goes on with every unknown under error control.
  case stiffnessGuard

  /// Which electrode and bound a surface condition watches.
  enum SurfaceBound: Sendable, Equatable, CaseIterable {
    case negativeFull, negativeEmpty, positiveFull, positiveEmpty
  }

  /// How close to 0 or 1 the particle surfaces of a whole electrode may come.
  ///
  /// A single volume nearing saturation is left to the kinetics (j0 → 0 moves the
  /// reaction elsewhere, as in the converged model); only a saturated electrode ends a step.
  static let surfaceMargin = 1e-4

  /// Distance of a particle surface from 0 or 1 below which `stiffnessGuard` fires.
  static let stiffMargin = 1e-2
  /// Fraction of the initial electrolyte concentration below which `stiffnessGuard` fires.
  static let stiffElectrolyteFraction = 2e-2

  /// Whether the condition ends the step when it is met.
  var endsStep: Bool {
    switch self {
    case .inactive, .stiffnessGuard: return false
    default: return true
    }
  }

  /// What the conditions read of one state, computed once for all of them.
  struct Inputs {
    let voltage: Double
    let current: Double
    let charge: Double
    let negativeSurfaces: ClosedRange<Double>
    let positiveSurfaces: ClosedRange<Double>
    let scaledElectrolyteMinimum: Double

    init(model: any CellModel, current currentIndex: Int, charge chargeIndex: Int, y: Span<Double>)
    {
      voltage = model.voltage(y)
      current = y[currentIndex]
      charge = y[chargeIndex]
      // A side without particles (a metal foil) never fills, empties or stiffens.
      negativeSurfaces = model.surfaceRange(.negative, y) ?? 0.5...0.5
      positiveSurfaces = model.surfaceRange(.positive, y) ?? 0.5...0.5
      scaledElectrolyteMinimum = model.scaledElectrolyteMinimum(y)
    }
  }

  /// g at state `y` of `model`.
  func value(model: any CellModel, current: Int, charge: Int, y: Span<Double>) -> Double {
    value(Inputs(model: model, current: current, charge: charge, y: y))
  }

  /// g from the inputs of one state.
  func value(_ inputs: Inputs) -> Double {
    switch self {
    case .inactive: return 1
    case .stiffnessGuard:
      let negative = inputs.negativeSurfaces
      let positive = inputs.positiveSurfaces
      let surfaces = min(
        min(negative.lowerBound, positive.lowerBound),
        1 - max(negative.upperBound, positive.upperBound))
      return min(
        surfaces - RootCondition.stiffMargin,
        inputs.scaledElectrolyteMinimum - RootCondition.stiffElectrolyteFraction)
    case .voltageRisesTo(let limit): return limit - inputs.voltage
    case .voltageFallsTo(let limit): return inputs.voltage - limit
    case .currentFallsTo(let limit): return abs(inputs.current) - limit
    case .capacityReaches(let limit): return limit - abs(inputs.charge)
    case .surface(let bound):
      let negative = bound == .negativeFull || bound == .negativeEmpty
      let range = negative ? inputs.negativeSurfaces : inputs.positiveSurfaces
      switch bound {
      case .negativeFull, .positiveFull: return 1 - RootCondition.surfaceMargin - range.lowerBound
      case .negativeEmpty, .positiveEmpty: return range.upperBound - RootCondition.surfaceMargin
      }
    }
  }

  /// The reason a step ends when this condition is met.
  var reason: EndReason {
    switch self {
    case .inactive, .stiffnessGuard:
      return .solverFailure("a condition that does not end a step fired")
    case .voltageRisesTo(let v), .voltageFallsTo(let v): return .voltageLimit(v)
    case .currentFallsTo(let i): return .currentLimit(i)
    case .capacityReaches(let q): return .capacityLimit(q)
    case .surface(.negativeFull): return .negativeFull
    case .surface(.negativeEmpty): return .negativeEmpty
    case .surface(.positiveFull): return .positiveFull
    case .surface(.positiveEmpty): return .positiveEmpty
    }
  }
}
