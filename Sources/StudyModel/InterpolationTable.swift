/// What a table does outside the range of its abscissae.
public enum Extrapolation: String, Sendable, Equatable {
  /// Holds the end values.
  case clamp
  /// Continues the end slopes linearly.
  case linear
}

/// Why a table cannot be used.
public struct TableError: Error, Equatable, Sendable {
  /// The row (zero-based) where the problem is, when it concerns one row.
  public let row: Int?
  /// What is wrong.
  public let message: String

  /// An error about `row` (nil: the whole table).
  public init(row: Int?, message: String) {
    self.row = row
    self.message = message
  }
}

/// A tabulated function y(x) with shape-preserving monotone cubic interpolation
/// (Fritsch–Carlson 1980): monotone data give a monotone curve without overshoot.
public struct InterpolationTable: Sendable, Equatable {
  /// Abscissae, strictly increasing.
  public let xs: [Double]
  /// Ordinates.
  public let ys: [Double]
  /// Behaviour outside [xs.first, xs.last].
  public let extrapolation: Extrapolation
  private let slopes: [Double]

  /// A table from points; `xs` must be strictly increasing and every value finite.
  public init(xs: [Double], ys: [Double], extrapolation: Extrapolation) throws(TableError) {
    guard xs.count == ys.count else {
      throw TableError(row: nil, message: "x and y columns have different lengths")
    }
    guard xs.count >= 2 else {
      throw TableError(row: nil, message: "a table needs at least 2 rows")
    }
    for index in xs.indices where !xs[index].isFinite || !ys[index].isFinite {
      throw TableError(row: index, message: "value is not a finite number")
    }
    for index in 1..<xs.count where xs[index] <= xs[index - 1] {
      throw TableError(
        row: index,
        message: "x must increase strictly (x = \(xs[index]) follows \(xs[index - 1]))")
    }
    self.xs = xs
    self.ys = ys
    self.extrapolation = extrapolation
    self.slopes = InterpolationTable.monotoneSlopes(xs: xs, ys: ys)
  }

  /// Whether the ordinates never increase (or never decrease) along x.
  public var isMonotone: Bool {
    let steps = zip(ys.dropFirst(), ys).map { $0 - $1 }
    return steps.allSatisfy { $0 >= 0 } || steps.allSatisfy { $0 <= 0 }
  }

  /// Fritsch–Carlson tangents: harmonic-type averages of secant slopes, limited so that
  /// each cubic piece stays monotone.
  private static func monotoneSlopes(xs: [Double], ys: [Double]) -> [Double] {
    let count = xs.count
    var secants = [Double](repeating: 0, count: count - 1)
    for index in 0..<(count - 1) {
      secants[index] = (ys[index + 1] - ys[index]) / (xs[index + 1] - xs[index])
    }
    var slopes = [Double](repeating: 0, count: count)
    slopes[0] = secants[0]
    slopes[count - 1] = secants[count - 2]
    for index in 1..<(count - 1) {
      let left = secants[index - 1]
      let right = secants[index]
      if left * right <= 0 {
        slopes[index] = 0
      } else {
        let leftWidth = xs[index] - xs[index - 1]
        let rightWidth = xs[index + 1] - xs[index]
        let w1 = 2 * rightWidth + leftWidth
        let w2 = rightWidth + 2 * leftWidth
        slopes[index] = (w1 + w2) / (w1 / left + w2 / right)
      }
    }
    return slopes
  }

  /// The derivative dy/dx of the interpolant at `x` (the end slope, or 0 when clamped,
  /// outside the table).
  public func slope(at x: Double) -> Double {
    guard let (low, width, t) = segment(containing: x) else {
      let end = x <= xs[0] ? 0 : xs.count - 1
      return extrapolation == .clamp ? 0 : slopes[end]
    }
    let high = low + 1
    let t2 = t * t
    // Derivatives of the cubic Hermite basis, divided by the width.
    return ((6 * t2 - 6 * t) * ys[low] + (-6 * t2 + 6 * t) * ys[high]) / width
      + (3 * t2 - 4 * t + 1) * slopes[low] + (3 * t2 - 2 * t) * slopes[high]
  }

  /// The interpolated value at `x`.
  public func value(at x: Double) -> Double {
    guard let (low, width, t) = segment(containing: x) else {
      let end = x <= xs[0] ? 0 : xs.count - 1
      return extrapolation == .clamp ? ys[end] : ys[end] + slopes[end] * (x - xs[end])
    }
    let high = low + 1
    let t2 = t * t
    let t3 = t2 * t
    // Cubic Hermite basis on [x_low, x_high].
    return (2 * t3 - 3 * t2 + 1) * ys[low] + (t3 - 2 * t2 + t) * width * slopes[low]
      + (-2 * t3 + 3 * t2) * ys[high] + (t3 - t2) * width * slopes[high]
  }

  /// The interval [x_low, x_low+1] holding `x`, its width and x's position in it (0…1); nil
  /// outside the table.
  private func segment(containing x: Double) -> (low: Int, width: Double, t: Double)? {
    let last = xs.count - 1
    guard x > xs[0], x < xs[last] else { return nil }
    var low = 0
    var high = last
    while high - low > 1 {
      let mid = (low + high) / 2
      if xs[mid] <= x { low = mid } else { high = mid }
    }
    let width = xs[high] - xs[low]
    return (low, width, (x - xs[low]) / width)
  }
}
