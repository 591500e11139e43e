import DAESolver
import Foundation
import Testing

/// An index-1 test DAE with a known solution and one root.
///
/// y1' = −y1 + y2, 0 = y2 − sin t, so y1 = 1.5 e^(−t) + (sin t − cos t)/2 from y1(0) = 1;
/// the root function is y1 − 0.5.
private final class ForcedDecay: DAESystem {
  var failResidual = false

  func residual(
    t: Double, y: Span<Double>, yp: Span<Double>, residual: inout MutableSpan<Double>
  ) -> CallbackStatus {
    if failResidual { return .unrecoverable }
    residual[0] = yp[0] + y[0] - y[1]
    residual[1] = y[1] - sin(t)
    return .ok
  }

  func jacobian(
    t: Double, cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>
  ) -> CallbackStatus {
    // Pattern (column-major): (0,0), (0,1), (1,1).
    values[0] = cj + 1
    values[1] = -1
    values[2] = 1
    return .ok
  }

  func roots(t: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>) {
    values[0] = y[0] - 0.5
  }

  static func exact(_ t: Double) -> Double { 1.5 * exp(-t) + (sin(t) - cos(t)) / 2 }

  static let problem = DAEProblem(
    size: 2,
    pattern: SparsityPattern(size: 2, entries: [(0, 0), (0, 1), (1, 1)]),
    isDifferential: [true, false], rootCount: 1)
}

private func exactRootTime() -> Double {
  // y1 dips to 0.69 near t = 0.8 and first crosses 0.5 between 3 and 3.5.
  var low = 3.0
  var high = 3.5
  for _ in 0..<200 {
    let mid = (low + high) / 2
    if ForcedDecay.exact(mid) > 0.5 { low = mid } else { high = mid }
  }
  return low
}

@Suite struct IDASolverSmokeTests {
  private let options = IDAOptions(relativeTolerance: 1e-9, absoluteTolerance: 1e-11)

  @Test func patternStoresDiagonalAndSortsRows() {
    let pattern = SparsityPattern(size: 3, entries: [(2, 0), (0, 0), (2, 0), (1, 2)])
    #expect(pattern.columnStarts == [0, 2, 3, 5])
    #expect(pattern.rowIndices == [0, 2, 1, 1, 2])
    #expect(pattern.position(row: 2, column: 0) == 1)
    #expect(pattern.position(row: 0, column: 1) == nil)
  }

  @Test func solvesIndexOneDAEAndFindsRoot() throws {
    let system = ForcedDecay()
    let solver = try IDASolver(problem: ForcedDecay.problem, system: system, options: options)
    // Inconsistent start: y2 and both derivatives are wrong; IDACalcIC must repair them.
    try solver.reset(time: 0, state: [1, 0.3], derivative: [0, 0])
    try solver.correctInitialConditions(nextTime: 0.1)
    #expect(abs(solver.state[1] - 0) < 1e-9)
    #expect(abs(solver.derivative[0] - -1) < 1e-7)

    let outcome = solver.advance(to: 6)
    guard case .root(let time, let directions) = outcome else {
      Issue.record("expected a root, got \(outcome)")
      return
    }
    #expect(directions == [-1])
    #expect(abs(time - exactRootTime()) < 1e-6)
    #expect(abs(solver.state[0] - 0.5) < 1e-6)

    // Continue past the root to the output time and compare with the exact solution.
    let final = solver.advance(to: 4)
    #expect(final == .reached(time: 4))
    #expect(abs(solver.state[0] - ForcedDecay.exact(4)) < 1e-6)
    #expect(abs(solver.state[1] - sin(4)) < 1e-6)
    #expect(solver.statistics.steps > 0)
    #expect(solver.statistics.jacobianEvaluations > 0)
  }

  @Test func resetReusesTheSolverForASecondRun() throws {
    let solver = try IDASolver(
      problem: ForcedDecay.problem, system: ForcedDecay(), options: options)
    for _ in 0..<2 {
      try solver.reset(time: 0, state: [1, 0], derivative: [-1, 1])
      #expect(solver.advance(to: 0.2) == .reached(time: 0.2))
      #expect(abs(solver.state[0] - ForcedDecay.exact(0.2)) < 1e-6)
    }
  }

  @Test func failingResidualIsReportedAsTypedError() throws {
    let system = ForcedDecay()
    let solver = try IDASolver(problem: ForcedDecay.problem, system: system, options: options)
    try solver.reset(time: 0, state: [1, 0], derivative: [-1, 1])
    system.failResidual = true
    guard case .failed(let error) = solver.advance(to: 1) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.call == "IDASolve")
    #expect(error.name == "IDA_RES_FAIL")
    #expect(error.isNumerical)
    #expect(error.description.contains("residual function failed"))
  }

  @Test func misuseIsThrownWithTheCallNamed() throws {
    var bad = IDAOptions()
    bad.relativeTolerance = -1
    let solver = try IDASolver(problem: ForcedDecay.problem, system: ForcedDecay(), options: bad)
    #expect(throws: DAEError.self) {
      try solver.reset(time: 0, state: [1, 0], derivative: [-1, 1])
    }
    do {
      try solver.reset(time: 0, state: [1, 0], derivative: [-1, 1])
    } catch {
      #expect(error.name == "IDA_ILL_INPUT")
      #expect(!error.isNumerical)
    }
  }
}
