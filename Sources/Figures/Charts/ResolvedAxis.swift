import Foundation

/// An axis with its range and ticks decided, mapping data values to fractions of its length.
struct ResolvedAxis: Equatable {
  let axis: Axis
  let lower: Double
  let upper: Double
  let ticks: TickSet

  /// Where `value` falls along the axis, 0 at `lower` and 1 at `upper`.
  func fraction(_ value: Double) -> Double {
    switch axis.scale {
    case .linear: return (value - lower) / (upper - lower)
    case .logarithmic: return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    }
  }

  /// Decides the range of `axis` for `values` and ticks for a length of `lengthPoints`.
  static func resolve(_ axis: Axis, values: [Double], lengthPoints: Double) -> ResolvedAxis {
    let target = max(3, min(8, Int(lengthPoints / 30)))
    let (lower, upper) = range(axis, values: values)
    let ticks: TickSet
    switch axis.scale {
    case .linear: ticks = Ticks.linear(lower, upper, target: target)
    case .logarithmic: ticks = Ticks.logarithmic(lower, upper)
    }
    return ResolvedAxis(axis: axis, lower: lower, upper: upper, ticks: ticks)
  }

  /// The range: the declared limits, or the data with a 4 % margin (none at a zero baseline
  /// or on a tight axis).
  static func range(_ axis: Axis, values: [Double]) -> (Double, Double) {
    if let limits = axis.limits, limits.upperBound > limits.lowerBound {
      return (limits.lowerBound, limits.upperBound)
    }
    let usable = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
    guard var low = usable.min(), var high = usable.max() else {
      return axis.scale == .linear ? (0, 1) : (1, 10)
    }
    if axis.scale == .logarithmic {
      var logLow = log10(low)
      var logHigh = log10(high)
      if logHigh - logLow < 1e-9 {
        logLow -= 0.5
        logHigh += 0.5
      } else if !axis.tight {
        let margin = 0.04 * (logHigh - logLow)
        logLow -= margin
        logHigh += margin
      }
      return (pow(10, logLow), pow(10, logHigh))
    }
    if axis.includesZero {
      low = min(low, 0)
      high = max(high, 0)
    }
    if high - low < 1e-12 * max(1, abs(high)) {
      let spread = low == 0 ? 1 : abs(low) * 0.1
      return (low - spread, high + spread)
    }
    if axis.tight { return (low, high) }
    let margin = 0.04 * (high - low)
    let zeroBase = axis.includesZero
    return (zeroBase && low == 0 ? 0 : low - margin, zeroBase && high == 0 ? 0 : high + margin)
  }
}
