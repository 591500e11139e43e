/// A Jacobian dF/dy + cj dF/dy' by finite differences over column groups that share no row
/// (Curtis, Powell and Reid 1974), so a sparse n×n Jacobian costs a handful of residuals.
public final class ColoredJacobian {
  /// The pattern the values are written in.
  public let pattern: SparsityPattern
  /// Columns of each colour group.
  public let groups: [[Int]]
  private let typicalMagnitude: [Double]
  // Work buffers owned by this object (allocated once; no copy-on-write or exclusivity checks
  // in the inner loop).
  private let base: UnsafeMutableBufferPointer<Double>
  private let shifted: UnsafeMutableBufferPointer<Double>
  private let perturbedY: UnsafeMutableBufferPointer<Double>
  private let perturbedYP: UnsafeMutableBufferPointer<Double>
  private let increments: UnsafeMutableBufferPointer<Double>

  /// Colours `pattern` greedily; `typicalMagnitude` sets the smallest perturbation of each
  /// unknown (its scale when the value itself is near zero).
  public init(pattern: SparsityPattern, typicalMagnitude: [Double]) {
    precondition(typicalMagnitude.count == pattern.size, "one magnitude per unknown")
    self.pattern = pattern
    self.typicalMagnitude = typicalMagnitude
    self.groups = ColoredJacobian.color(pattern)
    let size = pattern.size
    func buffer() -> UnsafeMutableBufferPointer<Double> {
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: size)
      buffer.initialize(repeating: 0)
      return buffer
    }
    base = buffer()
    shifted = buffer()
    perturbedY = buffer()
    perturbedYP = buffer()
    increments = buffer()
  }

  deinit {
    for buffer in [base, shifted, perturbedY, perturbedYP, increments] { buffer.deallocate() }
  }

  /// Greedy colouring: each column takes the lowest colour none of its rows has used.
  private static func color(_ pattern: SparsityPattern) -> [[Int]] {
    var rowColors = [[Int]](repeating: [], count: pattern.size)
    var groups: [[Int]] = []
    for column in 0..<pattern.size {
      let rows = pattern.rowIndices[pattern.columnStarts[column]..<pattern.columnStarts[column + 1]]
      var taken = Set<Int>()
      for row in rows { taken.formUnion(rowColors[row]) }
      var color = 0
      while taken.contains(color) { color += 1 }
      if color == groups.count { groups.append([]) }
      groups[color].append(column)
      for row in rows { rowColors[row].append(color) }
    }
    return groups
  }

  /// Writes the Jacobian values in pattern order; returns false when a residual evaluation
  /// failed.
  public func evaluate(
    cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>,
    residual: (Span<Double>, Span<Double>, inout MutableSpan<Double>) -> Bool
  ) -> Bool {
    let size = pattern.size
    for index in 0..<size {
      perturbedY[index] = y[index]
      perturbedYP[index] = yp[index]
    }
    guard evaluateResidual(into: base, residual) else { return false }
    let root = Double.ulpOfOne.squareRoot()
    for group in groups {
      for column in group {
        let value = y[column]
        let step = root * max(abs(value), typicalMagnitude[column])
        let increment = (value + step) - value  // exactly representable
        increments[column] = increment
        perturbedY[column] = value + increment
        perturbedYP[column] = yp[column] + cj * increment
      }
      guard evaluateResidual(into: shifted, residual) else { return false }
      for column in group {
        let increment = increments[column]
        for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
          let row = pattern.rowIndices[position]
          values[position] = (shifted[row] - base[row]) / increment
        }
        perturbedY[column] = y[column]
        perturbedYP[column] = yp[column]
      }
    }
    return true
  }

  /// Evaluates the residual at the perturbed state into `output`.
  private func evaluateResidual(
    into output: UnsafeMutableBufferPointer<Double>,
    _ residual: (Span<Double>, Span<Double>, inout MutableSpan<Double>) -> Bool
  ) -> Bool {
    let y = Span(_unsafeElements: UnsafeBufferPointer(perturbedY))
    let yp = Span(_unsafeElements: UnsafeBufferPointer(perturbedYP))
    var target = MutableSpan(_unsafeElements: output)
    return residual(y, yp, &target)
  }
}
