import Foundation
import StudyModel

/// Why a protocol step could not be read: the message and a corrected example.
public struct ProtocolStepError: Error, Equatable, Sendable {
  /// What is wrong.
  public let message: String
  /// How to fix it.
  public let hint: String
}

/// Reads PyBaMM's experiment step strings, extended with current densities and "or".
///
/// `Charge at 2.8 mA/cm2 until 4.2 V or 2 h`, `Discharge at C/3 until 2.5 V`,
/// `Hold at 4.2 V until 0.05 mA/cm2`, `Rest for 30 minutes`, `Discharge at 1 A for 1 hour`.
/// A current written `{current}` is the simulation's swept current
/// (`ProtocolStep.Current.swept`).
public enum ProtocolStepParser {
  static let example = "Charge at 2.8 mA/cm2 until 4.2 V"

  /// Parses one step.
  public static func parse(_ text: String) throws(ProtocolStepError) -> ProtocolStep {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let verb = words.first?.lowercased() else {
      throw ProtocolStepError(message: "empty protocol step", hint: "write e.g. '\(example)'")
    }
    var rest = Array(words.dropFirst())
    let mode: ProtocolStep.Mode
    switch verb {
    case "charge", "discharge":
      guard rest.first?.lowercased() == "at" else { throw missingAt(verb) }
      let (value, used) = try quantity(Array(rest.dropFirst()))
      rest = Array(rest.dropFirst(1 + used))
      let current = try currentValue(value, verb: verb)
      mode = verb == "charge" ? .charge(current) : .discharge(current)
    case "hold":
      guard rest.first?.lowercased() == "at" else { throw missingAt(verb) }
      let (value, used) = try quantity(Array(rest.dropFirst()))
      rest = Array(rest.dropFirst(1 + used))
      guard value.unit == "v" else {
        throw ProtocolStepError(
          message: "a hold needs a voltage, not '\(value.text)'",
          hint: "write 'Hold at 4.2 V until C/50'")
      }
      mode = .hold(voltageV: value.number)
    case "rest":
      mode = .rest
    default:
      throw ProtocolStepError(
        message: "unknown step '\(words[0])'",
        hint: "a step starts with Charge, Discharge, Hold or Rest, e.g. '\(example)'")
    }
    let limits = try parseLimits(rest, mode: mode)
    return ProtocolStep(mode: mode, limits: limits, text: text)
  }

  private static func missingAt(_ verb: String) -> ProtocolStepError {
    ProtocolStepError(
      message: "expected 'at' after '\(verb)'", hint: "write e.g. '\(example)'")
  }

  private static func parseLimits(_ words: [String], mode: ProtocolStep.Mode)
    throws(ProtocolStepError)
    -> [ProtocolStep.Limit]
  {
    var limits: [ProtocolStep.Limit] = []
    var rest = words
    while var keyword = rest.first?.lowercased() {
      rest.removeFirst()
      if keyword == "or" {
        // "until 4.2 V or 2 h": a bare value after "or" is another limit.
        guard let next = rest.first?.lowercased(), next != "until", next != "for" else { continue }
        keyword = "until"
      }
      guard keyword == "until" || keyword == "for" else {
        throw ProtocolStepError(
          message: "unexpected '\(keyword)'",
          hint: "end a step with 'until 4.2 V', 'for 2 hours' or both joined by 'or'")
      }
      let (value, used) = try quantity(rest)
      rest.removeFirst(used)
      limits.append(try limit(value, keyword: keyword))
    }
    guard !limits.isEmpty else {
      throw ProtocolStepError(
        message: "the step has no end condition",
        hint: "add one, e.g. 'until 4.2 V', 'until C/50' or 'for 30 minutes'")
    }
    if case .rest = mode, limits.contains(where: { if case .duration = $0 { false } else { true } })
    {
      throw ProtocolStepError(
        message: "a rest can only end after a time", hint: "write 'Rest for 30 minutes'")
    }
    return limits
  }

  private static func limit(_ value: Quantity, keyword: String) throws(ProtocolStepError)
    -> ProtocolStep.Limit
  {
    if let seconds = durationSeconds(value) { return .duration(seconds) }
    guard keyword == "until" else {
      throw ProtocolStepError(
        message: "'for' needs a duration, not '\(value.text)'", hint: "write 'for 2 hours'")
    }
    switch value.unit {
    case "v": return .voltage(value.number)
    case "mv": return .voltage(value.number / 1000)
    case "mah/cm2": return .capacity(.areal(value.number))
    case "ah": return .capacity(.total(value.number))
    case "mah": return .capacity(.total(value.number / 1000))
    default: return .current(try currentValue(value, verb: "until"))
    }
  }

  private static func durationSeconds(_ value: Quantity) -> Double? {
    switch value.unit {
    case "s", "sec", "second", "seconds": return value.number
    case "min", "minute", "minutes": return value.number * 60
    case "h", "hr", "hour", "hours": return value.number * 3600
    default: return nil
    }
  }

  private static func currentValue(_ value: Quantity, verb: String) throws(ProtocolStepError)
    -> ProtocolStep.Current
  {
    if value.number < 0 {
      throw ProtocolStepError(
        message: "negative current '\(value.text)': the verb already gives the direction",
        hint:
          "write '\(verb == "charge" ? "Discharge" : "Charge") at \(value.text.dropFirst())' or drop the minus sign"
      )
    }
    switch value.unit {
    case ProtocolStep.sweptCurrentText: return .swept
    case "c": return .cRate(value.number)
    case "a": return .total(value.number)
    case "ma": return .total(value.number / 1000)
    case "a/m2": return .density(value.number)
    case "ma/cm2": return .density(value.number * 10)
    default:
      throw ProtocolStepError(
        message: "'\(value.text)' is not a current",
        hint: "use C-rates (1C, C/3), A, mA, A/m2 or mA/cm2")
    }
  }

  /// A number with its unit, as written.
  struct Quantity {
    let number: Double
    let unit: String
    let text: String
  }

  /// Reads "4.2 V", "4.2V", "C/3", "1C", "2.8 mA/cm2", "30 minutes"; returns how many words
  /// it used.
  private static func quantity(_ words: [String]) throws(ProtocolStepError) -> (Quantity, Int) {
    guard let first = words.first else {
      throw ProtocolStepError(
        message: "a value is missing at the end", hint: "write e.g. '\(example)'")
    }
    if first == ProtocolStep.sweptCurrentText {
      return (Quantity(number: 0, unit: first, text: first), 1)
    }
    if first.uppercased().hasPrefix("C/"), let divisor = Double(first.dropFirst(2)), divisor > 0 {
      return (Quantity(number: 1 / divisor, unit: "c", text: first), 1)
    }
    let split = first.firstIndex { !("0123456789.+-eE".contains($0)) } ?? first.endIndex
    var numberText = String(first[..<split])
    var unit = String(first[split...])
    // "1e-3A" style: an exponent marker directly before a unit letter is part of the unit.
    if numberText.hasSuffix("e") || numberText.hasSuffix("E") {
      unit = String(numberText.removeLast()) + unit
    }
    guard let number = Double(numberText) else {
      throw ProtocolStepError(
        message: "expected a number, found '\(first)'", hint: "write e.g. '\(example)'")
    }
    if !unit.isEmpty { return (Quantity(number: number, unit: unit.lowercased(), text: first), 1) }
    guard words.count > 1 else {
      throw ProtocolStepError(
        message: "'\(first)' has no unit", hint: "write e.g. '4.2 V', '1 C' or '30 minutes'")
    }
    return (Quantity(number: number, unit: words[1].lowercased(), text: "\(first) \(words[1])"), 2)
  }
}
