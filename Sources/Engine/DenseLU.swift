/// LU factorisation with partial pivoting of a small dense matrix, for the consistent
/// initialisation's Newton steps.
struct DenseLU {
  private var matrix: [Double]
  private var pivots: [Int]
  let size: Int

  /// Factorises the row-major `matrix` of `size`×`size`; nil when it is singular.
  init?(matrix: [Double], size: Int) {
    self.matrix = matrix
    self.size = size
    self.pivots = Array(0..<size)
    for column in 0..<size {
      var pivot = column
      var largest = abs(self.matrix[column * size + column])
      for row in (column + 1)..<size where abs(self.matrix[row * size + column]) > largest {
        largest = abs(self.matrix[row * size + column])
        pivot = row
      }
      guard largest > 0, largest.isFinite else { return nil }
      if pivot != column {
        for k in 0..<size { self.matrix.swapAt(column * size + k, pivot * size + k) }
        pivots.swapAt(column, pivot)
      }
      let diagonal = self.matrix[column * size + column]
      for row in (column + 1)..<size {
        let factor = self.matrix[row * size + column] / diagonal
        guard factor != 0 else { continue }
        self.matrix[row * size + column] = factor
        for k in (column + 1)..<size {
          self.matrix[row * size + k] -= factor * self.matrix[column * size + k]
        }
      }
    }
  }

  /// Solves A x = b.
  func solve(_ b: [Double]) -> [Double] {
    var x = pivots.map { b[$0] }
    for row in 0..<size {
      var sum = x[row]
      for k in 0..<row { sum -= matrix[row * size + k] * x[k] }
      x[row] = sum
    }
    for row in stride(from: size - 1, through: 0, by: -1) {
      var sum = x[row]
      for k in (row + 1)..<size { sum -= matrix[row * size + k] * x[k] }
      x[row] = sum / matrix[row * size + row]
    }
    return x
  }
}
