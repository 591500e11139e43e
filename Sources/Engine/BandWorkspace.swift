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
  /// The last column of U in each row: the upper band, or further where a swap brought fill.
  private let rowEnd: UnsafeMutablePointer<Int>
  /// The power of two each row was multiplied by before elimination (row equilibration).
  private let rowScale: UnsafeMutablePointer<Double>
  /// The first and the last column whose pivot was swapped in (`size` and −1 for none):
  /// outside them the forward substitution needs no permutation.
  private var firstSwap = 0
  private var lastSwap = -1
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
    rowEnd = .allocate(capacity: size)
    rowEnd.initialize(repeating: 0, count: size)
    rowScale = .allocate(capacity: size)
    rowScale.initialize(repeating: 1, count: size)
  }

  deinit {
    values.deallocate()
    pivots.deallocate()
    inverseDiagonal.deallocate()
    rowEnd.deallocate()
    rowScale.deallocate()
  }

  /// Sets every value to zero.
  func clear() { values.update(repeating: 0, count: size * width) }

  /// Where (row, column) is stored; the column must lie in the row's band.
  @inline(__always)
  func position(_ row: Int, _ column: Int) -> Int { row * width + column - row + lower }

  /// Adds `value` at (row, column).
  @inline(__always)
  func add(_ row: Int, _ column: Int, _ value: Double) { values[position(row, column)] += value }

  /// Adds `value` to the value stored at `position` (from `position(_:_:)`).
  @inline(__always)
  func add(at position: Int, _ value: Double) { values[position] += value }

  /// Sets the value stored at `position` (from `position(_:_:)`), for callers that fill the
  /// same entries many times and find their positions once.
  @inline(__always)
  func set(at position: Int, _ value: Double) { values[position] = value }

  /// Scales each row by the power of two that brings its largest entry into [1, 2).
  ///
  /// Exact, and the pivot test then compares rows on one footing. The residual's rows come in
  /// different units (a salt balance per second, a charge balance in A/m²), and without this the
  /// threshold test swapped rows in the first column of nearly every Newton system for the
  /// units' sake alone. False when a row is zero or not finite.
  private func equilibrateRows() -> Bool {
    // A row's storage is contiguous and holds zeros outside its band before factorisation, so
    // each row is one straight pass over `width` values.
    let width = self.width
    for row in 0..<size {
      let entries = values + row &* width
      // Two running maxima, so that the comparisons form two independent chains.
      var even = 0.0
      var odd = 0.0
      var k = 0
      while k &+ 1 < width {
        let a0 = abs(entries[k])
        let a1 = abs(entries[k &+ 1])
        even = a0 > even ? a0 : even
        odd = a1 > odd ? a1 : odd
        k &+= 2
      }
      if k < width {
        let a0 = abs(entries[k])
        even = a0 > even ? a0 : even
      }
      let largest = even > odd ? even : odd
      guard largest > 0, largest.isFinite else { return false }
      let scale = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
      rowScale[row] = scale
      for k in 0..<width { entries[k] *= scale }
    }
    return true
  }

  /// Factorises the matrix in place; false when it is singular.
  func factor() -> Bool {
    // Locals and wrapping index arithmetic: the loops then hold no reloads of the class's
    // fields and no overflow checks (every index lies inside the allocation by construction).
    let a = values
    let n = size
    let lower = self.lower
    let width = self.width
    let threshold = BandWorkspace.pivotThreshold
    let reach = lower &+ upper
    for row in 0..<n { rowEnd[row] = min(row &+ upper, n &- 1) }
    guard equilibrateRows() else { return false }
    firstSwap = n
    lastSwap = -1
    for column in 0..<n {
      // Row r's entry in column c sits at r·width + c − r + lower.
      let diagonalAt = column &* width &+ lower
      let lastRow = min(column &+ lower, n &- 1)
      let diagonal = abs(a[diagonalAt])
      var pivot = column
      var largest = diagonal
      var row = column &+ 1
      while row <= lastRow {
        let magnitude = abs(a[row &* width &+ column &- row &+ lower])
        if magnitude > largest {
          largest = magnitude
          pivot = row
        }
        row &+= 1
      }
      guard largest > 0, largest.isFinite else { return false }
      if diagonal >= threshold * largest { pivot = column }
      pivots[column] = pivot
      if pivot != column {
        firstSwap = min(firstSwap, column)
        lastSwap = column
        let last = min(column &+ reach, n &- 1)
        var k = column
        while k <= last {
          let p = column &* width &+ k &- column &+ lower
          let q = pivot &* width &+ k &- pivot &+ lower
          let held = a[p]
          a[p] = a[q]
          a[q] = held
          k &+= 1
        }
        let end = rowEnd[column]
        rowEnd[column] = rowEnd[pivot]
        rowEnd[pivot] = end
      }
      // Each row's U part ends where its own band or the fill of a swapped row ends.
      let lastColumn = rowEnd[column]
      let inverse = 1 / a[diagonalAt]
      inverseDiagonal[column] = inverse
      let source = a + (column &* width &- column &+ lower)
      row = column &+ 1
      while row <= lastRow {
        let target = a + (row &* width &- row &+ lower)
        let factor = target[column] * inverse
        target[column] = factor
        if factor != 0 {
          var k = column &+ 1
          while k <= lastColumn {
            target[k] -= factor * source[k]
            k &+= 1
          }
          rowEnd[row] = max(rowEnd[row], lastColumn)
        }
        row &+= 1
      }
    }
    return true
  }

  /// The plain forward substitution (L unit lower triangular, no permutation) over `rows`,
  /// counting only the columns from `firstColumn` on; earlier ones were applied already.
  @inline(__always)
  private func forwardByRows(
    _ x: UnsafeMutablePointer<Double>, rows: Range<Int>, firstColumn: Int
  ) {
    for row in rows {
      let entries = values + (row &* width &- row &+ lower)
      var sum = x[row]
      var k = max(firstColumn, row &- lower)
      while k < row {
        sum -= entries[k] * x[k]
        k &+= 1
      }
      x[row] = sum
    }
  }

  /// Solves A x = b with the factorised matrix: `x` holds b on entry, the solution on return.
  func solve(inPlace x: UnsafeMutablePointer<Double>) {
    let a = values
    let n = size
    let lower = self.lower
    let width = self.width
    for row in 0..<n { x[row] *= rowScale[row] }
    // Forward. Before the first swap and after the last, L is plain unit lower triangular and
    // each row is one short dot product with values already final (nothing stored and
    // reloaded inside the loop); between them, column by column: the step-j swap, then column
    // j's multipliers, starting `lower` columns early for the rows the dot products left.
    forwardByRows(x, rows: 0..<firstSwap, firstColumn: 0)
    var column = max(0, firstSwap &- lower)
    while column <= lastSwap {
      let pivot = pivots[column]
      if pivot != column { swap(&x[column], &x[pivot]) }
      let value = x[column]
      let lastRow = min(column &+ lower, n &- 1)
      if value != 0 {
        var row = max(column &+ 1, firstSwap)
        while row <= lastRow {
          x[row] -= a[row &* width &+ column &- row &+ lower] * value
          row &+= 1
        }
      }
      column &+= 1
    }
    forwardByRows(x, rows: max(lastSwap &+ 1, firstSwap)..<n, firstColumn: lastSwap &+ 1)
    var row = n &- 1
    while row >= 0 {
      let entries = a + (row &* width &- row &+ lower)
      // The newest value, x[row + 1], enters last: the rest of the sum does not wait for it.
      var sum = x[row]
      var k = rowEnd[row]
      while k > row {
        sum -= entries[k] * x[k]
        k &-= 1
      }
      x[row] = sum * inverseDiagonal[row]
      row &-= 1
    }
  }
}
