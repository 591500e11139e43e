import Foundation

/// The ticks of one axis: major positions with their labels, and minor positions.
public struct TickSet: Sendable, Equatable {
  /// Major tick positions in data units.
  public var major: [Double]
  /// The label of each major tick, as rich-text markup; "" for an unlabelled tick.
  public var labels: [String]
  /// Minor tick positions in data units.
  public var minor: [Double]
}

/// "Nice" tick positions: steps of 1, 2, 2.5 or 5 times a power of ten on linear axes,
/// decades (with 2…9 as minor ticks) on log axes.
public enum Ticks {
  /// About `target` major ticks covering `lower...upper`, with minor ticks between them.
  public static func linear(_ lower: Double, _ upper: Double, target: Int = 5) -> TickSet {
    let step = bestStep(lower, upper, target: target)
    let first = (lower / step - 1e-9).rounded(.up)
    let last = (upper / step + 1e-9).rounded(.down)
    var major: [Double] = []
    if first <= last {
      for index in Int(first)...Int(last) { major.append(clean(Double(index) * step)) }
    }
    let minorStep = step / minorDivisions(step)
    var minor: [Double] = []
    let minorFirst = (lower / minorStep - 1e-9).rounded(.up)
    let minorLast = (upper / minorStep + 1e-9).rounded(.down)
    if minorFirst <= minorLast {
      for index in Int(minorFirst)...Int(minorLast) {
        let value = clean(Double(index) * minorStep)
        if !major.contains(where: { abs($0 - value) < minorStep * 1e-6 }) { minor.append(value) }
      }
    }
    let labels = labelsFor(major, step: step)
    return TickSet(major: major, labels: labels, minor: minor)
  }

  /// Decade ticks on a log axis over `lower...upper` (both positive).
  public static func logarithmic(_ lower: Double, _ upper: Double) -> TickSet {
    let lowDecade = Int(floor(log10(lower) + 1e-9))
    let highDecade = Int(ceil(log10(upper) - 1e-9))
    var major: [Double] = []
    var minor: [Double] = []
    for decade in lowDecade...max(lowDecade, highDecade) {
      let base = pow(10, Double(decade))
      if base >= lower * (1 - 1e-9) && base <= upper * (1 + 1e-9) { major.append(base) }
      for multiple in 2...9 {
        let value = base * Double(multiple)
        if value >= lower && value <= upper { minor.append(value) }
      }
    }
    let plain = lowDecade >= -3 && highDecade <= 4
    let labels = major.map { value -> String in
      let exponent = Int(log10(value).rounded())
      if plain { return exponent >= 0 ? String(Int(value)) : format(value, decimals: -exponent) }
      return "10^{\(exponent)}"
    }
    return TickSet(major: major, labels: labels, minor: minor)
  }

  /// The nice step whose tick count over `lower...upper` is closest to `target` (at least
  /// three ticks when possible; the larger step on a tie).
  static func bestStep(_ lower: Double, _ upper: Double, target: Int) -> Double {
    let span = upper - lower
    guard span > 0, span.isFinite else { return 1 }
    let magnitude = pow(10, floor(log10(span / Double(max(target, 1)))))
    var best = niceStep(span / Double(max(target, 1)))
    var bestScore = Double.infinity
    for scale in [magnitude / 10, magnitude, magnitude * 10] {
      for nice in [1.0, 2.0, 2.5, 5.0] {
        let step = nice * scale
        let count = floor(upper / step + 1e-9) - ceil(lower / step - 1e-9) + 1
        guard count >= 3 || span / step < 3 else { continue }
        let score = abs(count - Double(target)) + (nice == 2.5 ? 0.3 : 0)
        if score < bestScore || (score == bestScore && step > best) {
          best = step
          bestScore = score
        }
      }
    }
    return best
  }

  /// The nice step (1, 2, 2.5 or 5 × 10^k) nearest above `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    for nice in [1.0, 2.0, 2.5, 5.0] where fraction <= nice * (1 + 1e-9) {
      return nice * magnitude
    }
    return 10 * magnitude
  }

  private static func minorDivisions(_ step: Double) -> Double {
    let mantissa = step / pow(10, floor(log10(step) + 1e-9))
    return abs(mantissa - 2) < 1e-6 ? 4 : 5
  }

  /// Labels with the same number of decimals, enough to tell the steps apart; very large or
  /// small values as a mantissa times a power of ten.
  static func labelsFor(_ values: [Double], step: Double) -> [String] {
    let largest = values.map(abs).max() ?? 0
    if largest >= 1e5 || (largest > 0 && largest < 1e-3) {
      let exponent = Int(floor(log10(largest)))
      let scale = pow(10, Double(exponent))
      let decimals = max(0, Int(-floor(log10(step / scale) + 1e-9)) + (isQuarter(step) ? 1 : 0))
      return values.map { value in
        value == 0 ? "0" : "\(format(value / scale, decimals: decimals))\\times10^{\(exponent)}"
      }
    }
    let decimals = max(0, Int(-floor(log10(step) + 1e-9)) + (isQuarter(step) ? 1 : 0))
    return values.map { format($0, decimals: decimals) }
  }

  private static func isQuarter(_ step: Double) -> Bool {
    let mantissa = step / pow(10, floor(log10(step) + 1e-9))
    return abs(mantissa - 2.5) < 1e-6
  }

  /// `value` with as few decimals as show it exactly (up to six): 2.8, 0.75, 1.
  public static func shortest(_ value: Double) -> String {
    for decimals in 0...6 {
      let text = format(value, decimals: decimals)
      if let parsed = Double(text.replacingOccurrences(of: "−", with: "-")),
        abs(parsed - value) <= 1e-9 * max(1, abs(value))
      {
        return text
      }
    }
    return format(value, decimals: 6)
  }

  /// `value` with `decimals` digits after the point and a true minus sign.
  static func format(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value == 0 ? 0 : value)
    let zero = String(format: "%.\(decimals)f", 0.0)
    if text == "-" + zero { return zero }
    return text.replacingOccurrences(of: "-", with: "−")
  }

  /// Removes floating-point dust such as 0.30000000000000004.
  private static func clean(_ value: Double) -> Double {
    abs(value) < 1e-12 ? 0 : Double(String(format: "%.12g", value)) ?? value
  }
}
