/// A banded matrix factorised in place (LU with threshold partial pivoting), in raw memory
/// allocated once, for solvers that factorise and solve many matrices of one band structure:
/// the Newton systems' reduced block (`ParticleEliminationSolver`) and the algebraic block of consistent
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
  /// The factors again, laid out for the substitutions that keep the nearest values in registers.
  ///
  /// Per column, L's multipliers for the `lowerWindow` rows below it and the distance to the
  /// row its pivot came from; per row, U's entries for the `upperWindow` columns to its right,
  /// divided by the row's diagonal (so that no division waits at the end of each row).
  /// Zero where a row or column has fewer.
  private let lowerColumns: UnsafeMutablePointer<Double>
  private let pivotOffsets: UnsafeMutablePointer<Int>
  private let upperRows: UnsafeMutablePointer<Double>
  /// Whether the band fits the windows (else the general substitutions run).
  private let fitsWindows: Bool
  /// How many rows below the diagonal the forward substitution keeps in registers.
  static let lowerWindow = 4
  /// How many columns right of the diagonal the back substitution keeps in registers.
  static let upperWindow = 8
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
    lowerColumns = .allocate(capacity: size * BandWorkspace.lowerWindow)
    lowerColumns.initialize(repeating: 0, count: size * BandWorkspace.lowerWindow)
    pivotOffsets = .allocate(capacity: size)
    pivotOffsets.initialize(repeating: 0, count: size)
    upperRows = .allocate(capacity: size * BandWorkspace.upperWindow)
    upperRows.initialize(repeating: 0, count: size * BandWorkspace.upperWindow)
    // U reaches `lower + upper` columns right of the diagonal at most (fill from the swaps).
    fitsWindows = lower <= BandWorkspace.lowerWindow && lower + upper <= BandWorkspace.upperWindow
  }

  deinit {
    values.deallocate()
    pivots.deallocate()
    inverseDiagonal.deallocate()
    rowEnd.deallocate()
    rowScale.deallocate()
    lowerColumns.deallocate()
    pivotOffsets.deallocate()
    upperRows.deallocate()
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

  /// The row whose entry in `column` becomes the pivot: the diagonal while it is at least
  /// `pivotThreshold` of the largest entry below it, else that largest; nil when the column is
  /// zero or not finite there.
  @inline(__always)
  private func pivotRow(_ column: Int) -> Int? {
    let a = values
    let width = self.width
    let lower = self.lower
    let diagonal = abs(a[column &* width &+ lower])
    let lastRow = min(column &+ lower, size &- 1)
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
    guard largest > 0, largest.isFinite else { return nil }
    return diagonal >= BandWorkspace.pivotThreshold * largest ? column : pivot
  }

  /// Factorises the matrix in place; false when it is singular.
  func factor() -> Bool {
    if fitsWindows { return factorInWindows() }
    // Locals and wrapping index arithmetic: the loops then hold no reloads of the class's
    // fields and no overflow checks (every index lies inside the allocation by construction).
    let a = values
    let n = size
    let lower = self.lower
    let width = self.width
    let reach = lower &+ upper
    for row in 0..<n { rowEnd[row] = min(row &+ upper, n &- 1) }
    guard equilibrateRows() else { return false }
    firstSwap = n
    lastSwap = -1
    for column in 0..<n {
      // Row r's entry in column c sits at r·width + c − r + lower.
      let diagonalAt = column &* width &+ lower
      let lastRow = min(column &+ lower, n &- 1)
      guard let pivot = pivotRow(column) else { return false }
      pivots[column] = pivot
      var row: Int
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

  /// `factor` for bands that fit the substitutions' windows, with loops of fixed length.
  ///
  /// Every row below the pivot is updated over the pivot row's whole reach (lower + upper
  /// columns), zeros included, so that no loop ends where the fill happens to end. Subtracting
  /// a multiple of zero leaves a value as it was: the factors are those of the general form.
  private func factorInWindows() -> Bool {
    let a = values
    let n = size
    let lower = self.lower
    let width = self.width
    let reach = lower &+ upper
    guard equilibrateRows() else { return false }
    for column in 0..<n {
      let diagonalAt = column &* width &+ lower
      let lastRow = min(column &+ lower, n &- 1)
      guard let pivot = pivotRow(column) else { return false }
      pivots[column] = pivot
      var row: Int
      // Row r's storage holds columns r − lower … r + lower + upper, so both rows hold the
      // pivot row's reach (columns past the last one are zeros that stay zero).
      let source = a + (column &* width &- column &+ lower)
      if pivot != column {
        let other = a + (pivot &* width &- pivot &+ lower)
        for k in column...(column &+ reach) {
          let held = source[k]
          source[k] = other[k]
          other[k] = held
        }
      }
      let inverse = 1 / a[diagonalAt]
      inverseDiagonal[column] = inverse
      pivotOffsets[column] = pivot &- column
      // The pivot row is final now: its U entries go to the back substitution's window.
      let upperWindow = upperRows + column &* BandWorkspace.upperWindow
      for k in 0..<BandWorkspace.upperWindow {
        upperWindow[k] = k < reach ? source[column &+ 1 &+ k] * inverse : 0
      }
      let multipliers = lowerColumns + column &* BandWorkspace.lowerWindow
      for d in 0..<BandWorkspace.lowerWindow { multipliers[d] = 0 }
      row = column &+ 1
      while row <= lastRow {
        let target = a + (row &* width &- row &+ lower)
        let factor = target[column] * inverse
        target[column] = factor
        multipliers[row &- column &- 1] = factor
        for k in (column &+ 1)...(column &+ reach) { target[k] -= factor * source[k] }
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
    if fitsWindows {
      solveInWindows(x)
    } else {
      solveByBand(x)
    }
  }

  /// The substitutions with the nearest values in registers.
  ///
  /// Each value enters the next rows' sums without a trip through memory, which made the
  /// general form's rows wait on one another. Forward, the same products subtracted in the same
  /// order as `solveByBand`; back, each row starts from its right-hand side over the diagonal
  /// and subtracts U's entries over the diagonal, which takes the multiplication by the
  /// inverse diagonal off the chain from row to row.
  private func solveInWindows(_ x: UnsafeMutablePointer<Double>) {
    let n = size
    for row in 0..<n { x[row] *= rowScale[row] }
    // Forward, column by column: v0 … v4 hold rows j … j + 4 as elimination has left them.
    // Column j's swap exchanges v0 with the row its pivot came from (selects, not branches:
    // the swaps follow no pattern the processor could learn), then v0 is final and the rows
    // below lose their multiples of it.
    @inline(__always) func load(_ row: Int) -> Double { row < n ? x[row] : 0 }
    var v0 = load(0)
    var v1 = load(1)
    var v2 = load(2)
    var v3 = load(3)
    var v4 = load(4)
    for column in 0..<n {
      let offset = pivotOffsets[column]
      let value = offset == 0 ? v0 : offset == 1 ? v1 : offset == 2 ? v2 : offset == 3 ? v3 : v4
      v1 = offset == 1 ? v0 : v1
      v2 = offset == 2 ? v0 : v2
      v3 = offset == 3 ? v0 : v3
      v4 = offset == 4 ? v0 : v4
      x[column] = value
      let m = UnsafePointer(lowerColumns + column &* BandWorkspace.lowerWindow)
      v0 = v1 - m[0] * value
      v1 = v2 - m[1] * value
      v2 = v3 - m[2] * value
      v3 = v4 - m[3] * value
      v4 = load(column &+ 5)
    }
    // Back: x0 … x7 hold the values of rows r + 1 … r + 8 (zero past the last row).
    var x0 = 0.0
    var x1 = 0.0
    var x2 = 0.0
    var x3 = 0.0
    var x4 = 0.0
    var x5 = 0.0
    var x6 = 0.0
    var x7 = 0.0
    var row = n &- 1
    while row >= 0 {
      let u = UnsafePointer(upperRows + row &* BandWorkspace.upperWindow)
      var sum = x[row] * inverseDiagonal[row]
      sum -= u[7] * x7
      sum -= u[6] * x6
      sum -= u[5] * x5
      sum -= u[4] * x4
      sum -= u[3] * x3
      sum -= u[2] * x2
      sum -= u[1] * x1
      sum -= u[0] * x0
      let value = sum
      x[row] = value
      x7 = x6
      x6 = x5
      x5 = x4
      x4 = x3
      x3 = x2
      x2 = x1
      x1 = x0
      x0 = value
      row &-= 1
    }
  }

  /// The substitutions on the band storage, for factors wider than the windows.
  private func solveByBand(_ x: UnsafeMutablePointer<Double>) {
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
