/// A Jacobian dF/dy + cj dF/dy' by finite differences over column groups that share no row
/// (Curtis, Powell and Reid 1974), so a sparse n×n Jacobian costs a handful of residuals.
public final class ColoredJacobian {
  /// The pattern the values are written in.
  public let pattern: SparsityPattern
  /// Columns of each colour group.
  public let groups: [[Int]]
  private let typicalMagnitude: [Double]
  private var base: [Double]
  private var shifted: [Double]
  private var perturbedY: [Double]
  private var perturbedYP: [Double]
  private var increments: [Double]

  /// Colours `pattern` greedily; `typicalMagnitude` sets the smallest perturbation of each
  /// unknown (its scale when the value itself is near zero).
  public init(pattern: SparsityPattern, typicalMagnitude: [Double]) {
    precondition(typicalMagnitude.count == pattern.size, "one magnitude per unknown")
    self.pattern = pattern
    self.typicalMagnitude = typicalMagnitude
    self.groups = ColoredJacobian.color(pattern)
    let size = pattern.size
    base = Array(repeating: 0, count: size)
    shifted = Array(repeating: 0, count: size)
    perturbedY = Array(repeating: 0, count: size)
    perturbedYP = Array(repeating: 0, count: size)
    increments = Array(repeating: 0, count: size)
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
    guard evaluateResidual(into: &base, residual) else { return false }
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
      guard evaluateResidual(into: &shifted, residual) else { return false }
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

  /// Evaluates the residual at the perturbed state into `output`, each buffer accessed
  /// through its own scope.
  private func evaluateResidual(
    into output: inout [Double],
    _ residual: (Span<Double>, Span<Double>, inout MutableSpan<Double>) -> Bool
  ) -> Bool {
    let y = perturbedY
    let yp = perturbedYP
    var target = output.mutableSpan
    return residual(y.span, yp.span, &target)
  }
}
