/// Why a protocol step ended.
public enum EndReason: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The voltage reached its limit, V.
  case voltageLimit(Double)
  /// The current magnitude fell to its limit, A/m².
  case currentLimit(Double)
  /// The step's time ran out, s.
  case duration(Double)
  /// The step's charge reached its limit, mAh/cm².
  case capacityLimit(Double)
  /// A particle surface in the negative electrode reached full lithiation.
  case negativeFull
  /// A particle surface in the negative electrode emptied.
  case negativeEmpty
  /// A particle surface in the positive electrode reached full lithiation.
  case positiveFull
  /// A particle surface in the positive electrode emptied.
  case positiveEmpty
  /// The integrator failed; the text says where and why.
  case solverFailure(String)

  /// Whether the step ended by one of its own terminations (not by a failure).
  public var isTermination: Bool {
    if case .solverFailure = self { return false }
    return true
  }

  /// A short phrase for summaries.
  public var description: String {
    switch self {
    case .voltageLimit(let v): return "voltage reached \(format(v)) V"
    case .currentLimit(let i): return "current fell to \(format(i)) A/m2"
    case .duration(let s): return "time limit \(format(s)) s"
    case .capacityLimit(let q): return "capacity reached \(format(q)) mAh/cm2"
    case .negativeFull: return "negative electrode full"
    case .negativeEmpty: return "negative electrode empty"
    case .positiveFull: return "positive electrode full"
    case .positiveEmpty: return "positive electrode empty"
    case .solverFailure(let text): return "solver failed: \(text)"
    }
  }

  private func format(_ value: Double) -> String {
    let rounded = (value * 1e4).rounded() / 1e4
    return "\(rounded)"
  }
}
