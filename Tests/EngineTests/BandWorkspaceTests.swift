import Foundation
import Testing

@testable import Engine

/// The banded LU behind consistent initialisation and particle elimination.
@Suite struct BandWorkspaceTests {
  /// The workspace holding the band of the row-major dense `matrix`.
  static func workspace(_ matrix: [Double], size: Int, lower: Int, upper: Int) -> BandWorkspace {
    let band = BandWorkspace(size: size, lower: lower, upper: upper)
    fill(band, matrix, size: size, lower: lower, upper: upper)
    return band
  }

  /// Adds the band of the row-major dense `matrix` to `band`.
  static func fill(_ band: BandWorkspace, _ matrix: [Double], size: Int, lower: Int, upper: Int) {
    for row in 0..<size {
      for column in max(0, row - lower)...min(size - 1, row + upper) {
        band.add(row, column, matrix[row * size + column])
      }
    }
  }

  /// A dense row-major matrix whose band holds pseudo-random entries in [−0.5, 0.5) from
  /// `seed` (row by row), with each diagonal entry then replaced by `diagonal(i, entry)`.
  static func randomBand(
    size: Int, lower: Int, upper: Int, seed: UInt64, diagonal: (Int, Double) -> Double
  ) -> [Double] {
    var matrix = [Double](repeating: 0, count: size * size)
    var state = seed
    for i in 0..<size {
      for j in max(0, i - lower)...min(size - 1, i + upper) {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        matrix[i * size + j] = Double(state >> 33) / Double(1 << 31) - 0.5
      }
      matrix[i * size + i] = diagonal(i, matrix[i * size + i])
    }
    return matrix
  }

  /// Solves with the factorised `band` for the right-hand side matrix · expected.
  static func solve(
    _ band: BandWorkspace, _ matrix: [Double], size: Int, expected: [Double]
  ) -> [Double] {
    var x = [Double](repeating: 0, count: size)
    for i in 0..<size {
      for j in 0..<size { x[i] += matrix[i * size + j] * expected[j] }
    }
    x.withUnsafeMutableBufferPointer { buffer in
      if let start = buffer.baseAddress { band.solve(inPlace: start) }
    }
    return x
  }

  /// Factorises `matrix` and solves for the right-hand side matrix · expected.
  static func solved(
    _ matrix: [Double], size: Int, lower: Int, upper: Int, expected: [Double]
  ) throws -> [Double] {
    let band = workspace(matrix, size: size, lower: lower, upper: upper)
    try #require(band.factor())
    return solve(band, matrix, size: size, expected: expected)
  }

  @Test func solvesABandedSystemThatNeedsPivoting() throws {
    // Tridiagonal with a zero first diagonal entry: pivoting is required.
    let size = 6
    var matrix = [Double](repeating: 0, count: size * size)
    for i in 0..<size {
      matrix[i * size + i] = i == 0 ? 0 : 4
      if i > 0 { matrix[i * size + i - 1] = 1 }
      if i < size - 1 { matrix[i * size + i + 1] = 2 }
    }
    let expected: [Double] = [1, -2, 3, 0.5, -1, 2]
    let x = try Self.solved(matrix, size: size, lower: 1, upper: 1, expected: expected)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-12) }
  }

  @Test func refusesASingularMatrix() {
    let band = Self.workspace([1, 2, 2, 4], size: 2, lower: 1, upper: 1)
    #expect(!band.factor())
  }

  /// A wider band where several pivots move rows, and a dominant diagonal where none does.
  @Test(arguments: [true, false])
  func matchesTheKnownSolution(weakDiagonal: Bool) throws {
    let size = 12
    // A small diagonal needs pivoting almost everywhere; a large one never.
    let matrix = Self.randomBand(size: size, lower: 2, upper: 1, seed: 7) { _, entry in
      weakDiagonal ? 0.01 * entry : 10
    }
    let expected = (0..<size).map { Double($0) - 5.5 }
    let x = try Self.solved(matrix, size: size, lower: 2, upper: 1, expected: expected)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-9) }
  }

  /// Swaps in a few columns only (as in the Newton systems, where the first column usually
  /// swaps and the rest do not): the forward substitution switches from the permuted to the
  /// plain form after the last swap, and each row's back substitution reaches its fill.
  @Test(arguments: [[], [0], [0, 9], [5], [13]])
  func solvesWithSwapsInSomeColumns(weakColumns: [Int]) throws {
    let size = 16
    let lower = 3
    let upper = 2
    let matrix = Self.randomBand(size: size, lower: lower, upper: upper, seed: 11) { i, _ in
      weakColumns.contains(i) ? 1e-3 : 5
    }
    let expected = (0..<size).map { 1 + Double($0 % 5) - 0.25 * Double($0) }
    // The same workspace factorises twice: nothing of the first factorisation may leak into
    // the second (it holds one more swap than the matrix would give alone).
    let band = Self.workspace(matrix, size: size, lower: lower, upper: upper)
    band.add(size / 2, size / 2, -5 + 1e-3)
    try #require(band.factor())
    band.clear()
    Self.fill(band, matrix, size: size, lower: lower, upper: upper)
    try #require(band.factor())
    let x = Self.solve(band, matrix, size: size, expected: expected)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-9, "unknown \(i)") }
  }

  /// Bands at the register windows' limits (four rows below, eight columns right with the
  /// fill) and beyond them, where the substitutions on the band storage run instead: both give
  /// the solution, with pivoting in most columns.
  @Test(arguments: [(4, 4), (4, 1), (5, 2), (2, 7)])
  func solvesAtAndBeyondTheRegisterWindows(lower: Int, upper: Int) throws {
    let size = 40
    let matrix = Self.randomBand(size: size, lower: lower, upper: upper, seed: 3) { i, entry in
      i % 3 == 0 ? 5 : 0.01 * entry
    }
    let expected = (0..<size).map { sin(Double($0)) + 0.5 }
    let x = try Self.solved(matrix, size: size, lower: lower, upper: upper, expected: expected)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-8, "unknown \(i)") }
  }

  /// A first swap well past the start: the rows before it are solved by dot products, then the
  /// permuted form takes over `lower` columns early for the rows the dot products left.
  @Test(arguments: [4, 9, 14])
  func solvesWithTheFirstSwapLate(swapColumn: Int) throws {
    let size = 16
    let lower = 3
    let upper = 2
    var matrix = Self.randomBand(size: size, lower: lower, upper: upper, seed: 5) { _, _ in 5 }
    // Column `swapColumn` is untouched by the elimination before it (its row has nothing left
    // of the diagonal, its column nothing above), so its weak diagonal meets a strong entry
    // below and the pivot test must swap there, and nowhere before.
    let s = swapColumn
    for j in max(0, s - lower)..<s { matrix[s * size + j] = 0 }
    for i in max(0, s - upper)..<s { matrix[i * size + s] = 0 }
    matrix[s * size + s] = 1e-3
    matrix[(s + 1) * size + s] = 1
    let expected = (0..<size).map { 2 - 0.3 * Double($0) }
    let x = try Self.solved(matrix, size: size, lower: lower, upper: upper, expected: expected)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-9, "unknown \(i)") }
  }
}
