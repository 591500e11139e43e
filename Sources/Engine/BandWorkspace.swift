/// A banded matrix factorised in place (LU with threshold partial pivoting), in raw memory
/// allocated once, for solvers that factorise and solve many matrices of one band structure:
/// the Newton systems' reduced block (`DFNLinearSolver`) and the algebraic block of consistent
/// initialisation.
///
/// Row r keeps columns r − lower … r + lower + upper (the extra `lower` columns hold the fill
/// of pivoting). It never allocates after creation, and its loops touch no Swift array, so
/// they carry neither copy-on-write nor exclusivity checks.
final class BandWorkspace {
  let size: Int
  let lower: Int
  let upper: Int
  private let width: Int
  private let values: UnsafeMutablePointer<Double>
  private let pivots: UnsafeMutablePointer<Int>
  private let inverseDiagonal: UnsafeMutablePointer<Double>
  /// Whether the last factorisation swapped any rows; without swaps there is no fill beyond
  /// the upper band, and the back substitution stops there.
  private var swapped = false
  /// A diagonal entry stays the pivot while it is at least this fraction of the largest entry
  /// below it (threshold partial pivoting): stable, and it keeps the band narrow.
  static let pivotThreshold = 0.1

  /// Storage for `size` unknowns with `lower` sub- and `upper` super-diagonals.
  init(size: Int, lower: Int, upper: Int) {
    self.size = size
    self.lower = lower
    self.upper = upper
    width = 2 * lower + upper + 1
    values = .allocate(capacity: size * width)
    values.initialize(repeating: 0, count: size * width)
    pivots = .allocate(capacity: size)
    pivots.initialize(repeating: 0, count: size)
    inverseDiagonal = .allocate(capacity: size)
    inverseDiagonal.initialize(repeating: 0, count: size)
  }

  deinit {
    values.deallocate()
    pivots.deallocate()
    inverseDiagonal.deallocate()
  }

  /// Sets every value to zero.
  func clear() { values.update(repeating: 0, count: size * width) }

  /// Where (row, column) is stored; the column must lie in the row's band.
  @inline(__always)
  func position(_ row: Int, _ column: Int) -> Int { row * width + column - row + lower }

  /// Adds `value` at (row, column).
  @inline(__always)
  func add(_ row: Int, _ column: Int, _ value: Double) { values[position(row, column)] += value }

  /// Factorises the matrix in place; false when it is singular.
  func factor() -> Bool {
    let a = values
    swapped = false
    let reach = lower + upper
    for column in 0..<size {
      let lastRow = min(column + lower, size - 1)
      let diagonal = abs(a[position(column, column)])
      var pivot = column
      var largest = diagonal
      if column < lastRow {
        for row in (column + 1)...lastRow where abs(a[position(row, column)]) > largest {
          largest = abs(a[position(row, column)])
          pivot = row
        }
      }
      guard largest > 0, largest.isFinite else { return false }
      if diagonal >= BandWorkspace.pivotThreshold * largest { pivot = column }
      pivots[column] = pivot
      if pivot != column {
        swapped = true
        for k in column...min(column + reach, size - 1) {
          swap(&a[position(column, k)], &a[position(pivot, k)])
        }
      }
      // Until a swap brings fill, rows end at the upper band.
      let lastColumn = min(column + (swapped ? reach : upper), size - 1)
      let inverse = 1 / a[position(column, column)]
      inverseDiagonal[column] = inverse
      guard column < lastRow else { continue }
      for row in (column + 1)...lastRow {
        let factor = a[position(row, column)] * inverse
        a[position(row, column)] = factor
        guard factor != 0, column < lastColumn else { continue }
        let target = a + position(row, 0)
        let source = a + position(column, 0)
        for k in (column + 1)...lastColumn { target[k] -= factor * source[k] }
      }
    }
    return true
  }

  /// Solves A x = b with the factorised matrix: `x` holds b on entry, the solution on return.
  func solve(inPlace x: UnsafeMutablePointer<Double>) {
    let a = values
    let reach = swapped ? lower + upper : upper
    // Forward: the step-j swap, then column j's multipliers.
    for column in 0..<size {
      let pivot = pivots[column]
      if pivot != column { swap(&x[column], &x[pivot]) }
      let value = x[column]
      let lastRow = min(column + lower, size - 1)
      guard column < lastRow, value != 0 else { continue }
      for row in (column + 1)...lastRow { x[row] -= a[position(row, column)] * value }
    }
    for row in stride(from: size - 1, through: 0, by: -1) {
      let entries = a + position(row, 0)
      var sum = x[row]
      let last = min(row + reach, size - 1)
      if row < last {
        for k in (row + 1)...last { sum -= entries[k] * x[k] }
      }
      x[row] = sum * inverseDiagonal[row]
    }
  }
}
