/// LU factorisation with partial pivoting of small dense row-major blocks, in place: the
/// local blocks of `LocalBlockEliminationSolver`, a few unknowns each.
enum SmallDenseLU {
  /// LU with partial pivoting of the n × n row-major `a`, in place.
  static func factor(
    _ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int>
  ) -> Bool {
    for k in 0..<n {
      var pivot = k
      var i = k + 1
      while i < n {
        if abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
        i += 1
      }
      pivots[k] = pivot
      if pivot != k {
        for j in 0..<n { swap(&a[k * n + j], &a[pivot * n + j]) }
      }
      let diagonal = a[k * n + k]
      guard diagonal != 0, diagonal.isFinite else { return false }
      let inverse = 1 / diagonal
      i = k + 1
      while i < n {
        let factor = a[i * n + k] * inverse
        a[i * n + k] = factor
        var j = k + 1
        while j < n {
          a[i * n + j] -= factor * a[k * n + j]
          j += 1
        }
        i += 1
      }
    }
    return true
  }

  /// b ← M⁻¹ b with `factor`'s factors.
  @inline(__always)
  static func solve(
    _ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int>,
    _ b: UnsafeMutablePointer<Double>
  ) {
    for k in 0..<n where pivots[k] != k { swap(&b[k], &b[pivots[k]]) }
    for i in 0..<n {
      var sum = b[i]
      for j in 0..<i { sum -= a[i * n + j] * b[j] }
      b[i] = sum
    }
    var i = n - 1
    while i >= 0 {
      var sum = b[i]
      var j = i + 1
      while j < n {
        sum -= a[i * n + j] * b[j]
        j += 1
      }
      b[i] = sum / a[i * n + i]
      i -= 1
    }
  }
}
