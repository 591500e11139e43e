/// A banded matrix in compact storage: row r keeps columns r − lower … r + lower + upper (the
/// extra `lower` columns hold the fill that partial pivoting brings).
struct BandMatrix {
  let size: Int
  /// Sub-diagonals of the matrix.
  let lower: Int
  /// Super-diagonals of the matrix.
  let upper: Int
  /// Stored values per row.
  let width: Int
  var values: [Double]

  /// A zero matrix.
  init(size: Int, lower: Int, upper: Int) {
    self.size = size
    self.lower = lower
    self.upper = upper
    width = 2 * lower + upper + 1
    values = [Double](repeating: 0, count: size * width)
  }

  /// Sets every value to zero, keeping the storage.
  mutating func clear() {
    values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  /// The position of (row, column) in `values`; the column must lie in the row's band.
  @inline(__always)
  func position(_ row: Int, _ column: Int) -> Int { row * width + column - row + lower }

  /// The value at (row, column), which must lie within the band.
  subscript(row: Int, column: Int) -> Double {
    get { values[position(row, column)] }
    set { values[position(row, column)] = newValue }
  }
}

/// LU factorisation with partial pivoting of a banded matrix.
///
/// It serves the consistent-initialisation Newton's algebraic block, whose unknowns are
/// ordered along the cell so that every row touches only its neighbours. Cost
/// O(n · kl · (kl + ku)) in time and O(n · (2 kl + ku)) in memory.
struct BandedLU {
  private var band: BandMatrix
  /// The row swapped with row j at step j (LAPACK's ipiv): earlier multipliers are not moved,
  /// so the solve applies the swaps one step at a time.
  private var pivots: [Int]
  var size: Int { band.size }

  /// Factorises `matrix`; nil when it is singular.
  init?(_ matrix: BandMatrix) {
    band = matrix
    let size = matrix.size
    pivots = Array(0..<size)
    let lower = matrix.lower
    let reach = matrix.lower + matrix.upper
    let factored = band.values.withUnsafeMutableBufferPointer { a -> Bool in
      let width = matrix.width
      @inline(__always) func at(_ row: Int, _ column: Int) -> Int {
        row * width + column - row + lower
      }
      for column in 0..<size {
        let lastRow = min(column + lower, size - 1)
        var pivot = column
        var largest = abs(a[at(column, column)])
        if column < lastRow {
          for row in (column + 1)...lastRow where abs(a[at(row, column)]) > largest {
            largest = abs(a[at(row, column)])
            pivot = row
          }
        }
        guard largest > 0, largest.isFinite else { return false }
        let lastColumn = min(column + reach, size - 1)
        pivots[column] = pivot
        if pivot != column {
          for k in column...lastColumn { a.swapAt(at(column, k), at(pivot, k)) }
        }
        let diagonal = a[at(column, column)]
        guard column < lastRow else { continue }
        for row in (column + 1)...lastRow {
          let factor = a[at(row, column)] / diagonal
          guard factor != 0 else { continue }
          a[at(row, column)] = factor
          if column < lastColumn {
            for k in (column + 1)...lastColumn { a[at(row, k)] -= factor * a[at(column, k)] }
          }
        }
      }
      return true
    }
    guard factored else { return nil }
  }

  /// Factorises the row-major dense `matrix` with `lower` sub- and `upper` super-diagonals.
  init?(matrix: [Double], size: Int, lower: Int, upper: Int) {
    var band = BandMatrix(size: size, lower: lower, upper: upper)
    for row in 0..<size {
      for column in max(0, row - lower)...min(size - 1, row + upper) {
        band[row, column] = matrix[row * size + column]
      }
    }
    self.init(band)
  }

  /// Solves A x = b.
  func solve(_ b: [Double]) -> [Double] {
    var x = b
    let size = band.size
    let lower = band.lower
    let reach = band.lower + band.upper
    // Forward: the step-j swap, then column j's multipliers.
    for column in 0..<size {
      x.swapAt(column, pivots[column])
      let lastRow = min(column + lower, size - 1)
      guard column < lastRow else { continue }
      for row in (column + 1)...lastRow { x[row] -= band[row, column] * x[column] }
    }
    for row in stride(from: size - 1, through: 0, by: -1) {
      var sum = x[row]
      let last = min(row + reach, size - 1)
      if row < last {
        for k in (row + 1)...last { sum -= band[row, k] * x[k] }
      }
      x[row] = sum / band[row, row]
    }
    return x
  }
}
