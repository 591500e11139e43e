import Testing

@testable import Engine

@Suite struct BandedLUTests {
  @Test func solvesABandedSystemThatNeedsPivoting() throws {
    // Tridiagonal with a zero first diagonal entry: partial pivoting is required.
    let size = 6
    var matrix = [Double](repeating: 0, count: size * size)
    for i in 0..<size {
      matrix[i * size + i] = i == 0 ? 0 : 4
      if i > 0 { matrix[i * size + i - 1] = 1 }
      if i < size - 1 { matrix[i * size + i + 1] = 2 }
    }
    let expected: [Double] = [1, -2, 3, 0.5, -1, 2]
    var b = [Double](repeating: 0, count: size)
    for i in 0..<size {
      for j in 0..<size { b[i] += matrix[i * size + j] * expected[j] }
    }
    let lu = try #require(BandedLU(matrix: matrix, size: size, lower: 1, upper: 1))
    let x = lu.solve(b)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-12) }
  }

  @Test func refusesASingularMatrix() {
    let matrix: [Double] = [1, 2, 2, 4]
    #expect(BandedLU(matrix: matrix, size: 2, lower: 1, upper: 1) == nil)
  }
}

@Suite struct BandedLUPivotingTests {
  /// A wider band where several pivots move rows: compared with the known solution.
  @Test func matchesTheSolutionWithRepeatedRowSwaps() throws {
    let size = 12
    var matrix = [Double](repeating: 0, count: size * size)
    var state: UInt64 = 7
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 33) / Double(1 << 31) - 0.5
    }
    for i in 0..<size {
      for j in max(0, i - 2)...min(size - 1, i + 1) { matrix[i * size + j] = next() }
      matrix[i * size + i] *= 0.01  // small diagonal: pivoting is needed almost everywhere
    }
    let expected = (0..<size).map { Double($0) - 5.5 }
    var b = [Double](repeating: 0, count: size)
    for i in 0..<size {
      for j in 0..<size { b[i] += matrix[i * size + j] * expected[j] }
    }
    let lu = try #require(BandedLU(matrix: matrix, size: size, lower: 2, upper: 1))
    let x = lu.solve(b)
    for i in 0..<size { #expect(abs(x[i] - expected[i]) < 1e-9) }
  }
}
