/// LU factorisation with partial pivoting of a banded matrix.
///
/// It serves the consistent-initialisation Newton's algebraic block, whose unknowns are
/// ordered along the cell so that every row touches only its neighbours. Cost
/// O(n · kl · (kl + ku)) instead of O(n³).
struct BandedLU {
  private var matrix: [Double]
  /// The row swapped with row j at step j (LAPACK's ipiv): earlier multipliers are not moved,
  /// so the solve applies the swaps one step at a time.
  private var pivots: [Int]
  let size: Int
  /// Sub- and super-diagonals of the original matrix; pivoting widens the upper band by `lower`.
  let lower: Int
  let upper: Int

  /// Factorises the row-major `matrix`; nil when it is singular.
  init?(matrix: [Double], size: Int, lower: Int, upper: Int) {
    self.matrix = matrix
    self.size = size
    self.lower = lower
    self.upper = upper
    pivots = Array(0..<size)
    let reach = lower + upper
    for column in 0..<size {
      let lastRow = min(column + lower, size - 1)
      var pivot = column
      var largest = abs(self.matrix[column * size + column])
      if column < lastRow {
        for row in (column + 1)...lastRow where abs(self.matrix[row * size + column]) > largest {
          largest = abs(self.matrix[row * size + column])
          pivot = row
        }
      }
      guard largest > 0, largest.isFinite else { return nil }
      let lastColumn = min(column + reach, size - 1)
      pivots[column] = pivot
      if pivot != column {
        for k in column...lastColumn { self.matrix.swapAt(column * size + k, pivot * size + k) }
      }
      let diagonal = self.matrix[column * size + column]
      guard column < lastRow else { continue }
      for row in (column + 1)...lastRow {
        let factor = self.matrix[row * size + column] / diagonal
        guard factor != 0 else { continue }
        self.matrix[row * size + column] = factor
        if column < lastColumn {
          for k in (column + 1)...lastColumn {
            self.matrix[row * size + k] -= factor * self.matrix[column * size + k]
          }
        }
      }
    }
  }

  /// Solves A x = b.
  func solve(_ b: [Double]) -> [Double] {
    var x = b
    // Forward: the step-j swap, then column j's multipliers.
    for column in 0..<size {
      x.swapAt(column, pivots[column])
      let lastRow = min(column + lower, size - 1)
      guard column < lastRow else { continue }
      for row in (column + 1)...lastRow { x[row] -= matrix[row * size + column] * x[column] }
    }
    let reach = lower + upper
    for row in stride(from: size - 1, through: 0, by: -1) {
      var sum = x[row]
      let last = min(row + reach, size - 1)
      if row < last {
        for k in (row + 1)...last { sum -= matrix[row * size + k] * x[k] }
      }
      x[row] = sum / matrix[row * size + row]
    }
    return x
  }
}
