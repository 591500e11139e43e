import Analysis
import Testing

/// The simplex search finds minima inside the unit box, stops on its boundary when the
/// minimum lies beyond it, and is deterministic.
@Suite struct NelderMeadTests {
  /// A narrow curved valley (Rosenbrock's, scaled into the box) with its minimum at (0.6, 0.36).
  private func valley(_ x: [Double]) -> Double {
    let a = x[0] - 0.6
    let b = x[1] - x[0] * x[0]
    return a * a + 100 * b * b
  }

  @Test func findsAMinimumInsideTheBox() {
    let outcome = NelderMead(maxEvaluations: 2000, objectiveTolerance: 1e-14, pointTolerance: 1e-7)
      .minimize(from: [0.1, 0.9], valley)
    #expect(outcome.converged)
    #expect(
      abs(outcome.point[0] - 0.6) < 1e-3 && abs(outcome.point[1] - 0.36) < 1e-3, "\(outcome.point)")
    #expect(outcome.evaluations <= 2000)
  }

  @Test func stopsOnTheBoundaryWhenTheMinimumLiesBeyond() {
    var asked: [[Double]] = []
    let outcome = NelderMead(maxEvaluations: 300).minimize(from: [0.5, 0.5]) { x in
      asked.append(x)
      return (x[0] - 1.7) * (x[0] - 1.7) + (x[1] - 0.25) * (x[1] - 0.25)
    }
    #expect(asked.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
    #expect(
      abs(outcome.point[0] - 1) < 1e-3 && abs(outcome.point[1] - 0.25) < 1e-2, "\(outcome.point)")
  }

  @Test func runsOutOfEvaluationsHonestly() {
    let outcome = NelderMead(maxEvaluations: 10).minimize(from: [0.1, 0.9], valley)
    #expect(!outcome.converged)
    #expect(outcome.evaluations >= 10 && outcome.evaluations <= 12)
  }

  @Test func isDeterministic() {
    let search = NelderMead(maxEvaluations: 200)
    #expect(
      search.minimize(from: [0.2, 0.3], valley) == search.minimize(from: [0.2, 0.3], valley))
  }
}
