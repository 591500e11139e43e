import CSundials
import Foundation
import Testing

/// The serial vector's own weighted norms: the fixed summation order (element i in partial sum
/// i mod 4, the tail in the first), and masked components kept out even when infinite.
@Suite struct VectorKernelTests {
  @Test(arguments: [3, 8, 11]) func weightedNormsFollowTheirFixedOrder(length: Int) {
    var context: SUNContext?
    #expect(SUNContext_Create(nil, &context) == 0)
    defer { SUNContext_Free(&context) }
    let x = CSundials_NewVector(sunindextype(length), context)!
    let w = CSundials_NewVector(sunindextype(length), context)!
    let id = CSundials_NewVector(sunindextype(length), context)!
    defer { for v in [x, w, id] { N_VDestroy(v) } }
    let xd = N_VGetArrayPointer(x)!
    let wd = N_VGetArrayPointer(w)!
    let idd = N_VGetArrayPointer(id)!
    for i in 0..<length {
      xd[i] = sin(Double(i) * 1.3) * 1e3
      wd[i] = 1 / (1 + Double(i))
      idd[i] = i % 3 == 1 ? 0 : 1
    }
    xd[1] = .infinity  // masked out
    var sums = [Double](repeating: 0, count: 4)
    var masked = sums
    for i in 0..<length {
      let p = xd[i] * wd[i]
      let lane = i < length / 4 * 4 ? i % 4 : 0
      sums[lane] += p * p
      if idd[i] > 0 { masked[lane] += p * p }
    }
    let expectedMasked = (((masked[0] + masked[1]) + (masked[2] + masked[3])) / Double(length))
      .squareRoot()
    #expect(N_VWrmsNormMask(x, w, id) == expectedMasked)
    #expect(N_VWrmsNorm(x, w).isInfinite)
    xd[1] = 0.5
    sums = [0, 0, 0, 0]
    for i in 0..<length {
      let p = xd[i] * wd[i]
      sums[i < length / 4 * 4 ? i % 4 : 0] += p * p
    }
    let expected = (((sums[0] + sums[1]) + (sums[2] + sums[3])) / Double(length)).squareRoot()
    #expect(N_VWrmsNorm(x, w) == expected)
  }
}
