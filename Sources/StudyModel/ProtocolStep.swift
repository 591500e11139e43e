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
}
