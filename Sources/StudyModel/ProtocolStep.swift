import Foundation

/// One step of a cycling protocol, as PyBaMM's experiment strings describe it.
public struct ProtocolStep: Sendable, Equatable, Hashable {
  /// A current magnitude (the step's verb gives the direction).
  public enum Current: Sendable, Equatable, Hashable {
    /// A current density, A/m² of electrode.
    case density(Double)
    /// A total current, A.
    case total(Double)
    /// A multiple of the nominal capacity per hour.
    case cRate(Double)
    /// The value of the simulation's current sweep, written `{current}`: a step template's
    /// slot that the planner fills with a current density before anything runs.
    case swept
  }

  /// An amount of charge.
  public enum Capacity: Sendable, Equatable, Hashable {
    /// Per electrode area, mAh/cm².
    case areal(Double)
    /// Total, Ah.
    case total(Double)
  }

  /// What the step imposes.
  public enum Mode: Sendable, Equatable, Hashable {
    /// Charge at a constant current.
    case charge(Current)
    /// Discharge at a constant current.
    case discharge(Current)
    /// Hold a constant voltage, V.
    case hold(voltageV: Double)
    /// No current.
    case rest
  }

  /// A condition that ends the step.
  public enum Limit: Sendable, Equatable, Hashable {
    /// The voltage reaches this value, V (upwards on charge, downwards on discharge).
    case voltage(Double)
    /// The current magnitude falls to this value.
    case current(Current)
    /// This much time has passed since the step began, s.
    case duration(Double)
    /// This much charge has passed since the step began.
    case capacity(Capacity)
  }

  /// The step's mode.
  public var mode: Mode
  /// The conditions that end it; the first one met ends the step.
  public var limits: [Limit]
  /// The text the step was written as.
  public var text: String

  /// A step.
  public init(mode: Mode, limits: [Limit], text: String) {
    self.mode = mode
    self.limits = limits
    self.text = text
  }

  /// How a swept current is written in a step's text.
  public static let sweptCurrentText = "{current}"

  /// Whether a current of the step is the swept one.
  public var usesSweptCurrent: Bool {
    switch mode {
    case .charge(.swept), .discharge(.swept): return true
    default: return limits.contains { $0 == .current(.swept) }
    }
  }

  /// The step with its swept currents set to `densityAm2` (A/m²) and the text saying so, as
  /// the text would read with that value written in (`28 A/m2`, `valueText`).
  public func filling(sweptCurrent densityAm2: Double, valueText: String) -> ProtocolStep {
    func fill(_ current: Current) -> Current {
      current == .swept ? .density(densityAm2) : current
    }
    let filledMode: Mode
    switch mode {
    case .charge(let current): filledMode = .charge(fill(current))
    case .discharge(let current): filledMode = .discharge(fill(current))
    case .hold, .rest: filledMode = mode
    }
    let filledLimits = limits.map { limit -> Limit in
      if case .current(let current) = limit { return .current(fill(current)) }
      return limit
    }
    return ProtocolStep(
      mode: filledMode, limits: filledLimits,
      text: text.replacingOccurrences(of: ProtocolStep.sweptCurrentText, with: valueText))
  }
}
