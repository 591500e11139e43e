/// The Nelder–Mead simplex search (Nelder and Mead, 1965) on the unit box: deterministic,
/// derivative-free, for objectives that cost a simulation each.
///
/// Points outside [0, 1]ⁿ are clamped onto it, so the search never asks for a value outside
/// the bounds it was given.
public struct NelderMead: Sendable {
  /// The most objective evaluations.
  public var maxEvaluations: Int
  /// Stop when the simplex's objective values agree to this (absolute).
  public var objectiveTolerance: Double
  /// Stop when every vertex lies within this of the best one, in each coordinate.
  public var pointTolerance: Double
  /// The initial simplex's step from the start, per coordinate.
  public var initialStep: Double

  /// The search's settings.
  public init(
    maxEvaluations: Int, objectiveTolerance: Double = 1e-10, pointTolerance: Double = 1e-4,
    initialStep: Double = 0.1
  ) {
    self.maxEvaluations = maxEvaluations
    self.objectiveTolerance = objectiveTolerance
    self.pointTolerance = pointTolerance
    self.initialStep = initialStep
  }

  /// The search's outcome.
  public struct Outcome: Sendable, Equatable {
    /// The best point found.
    public let point: [Double]
    /// Its objective.
    public let value: Double
    /// Objective evaluations made.
    public let evaluations: Int
    /// Whether the simplex shrank within the tolerances (false: the evaluations ran out).
    public let converged: Bool
  }

  /// Minimises `objective` from `start` (each coordinate in [0, 1]).
  ///
  /// A simplex pressed against a bound flattens and may stop short; the search restarts
  /// once from its best point with a fresh simplex, and ends when a restart gains nothing.
  public func minimize(from start: [Double], _ objective: ([Double]) -> Double) -> Outcome {
    var evaluations = 0
    var outcome = search(from: start, objective, evaluations: &evaluations)
    // A restart that runs out of evaluations leaves the search converged: it only polishes.
    let converged = outcome.converged
    while outcome.converged, evaluations < maxEvaluations {
      let again = search(from: outcome.point, objective, evaluations: &evaluations)
      let gained = outcome.value - again.value > objectiveTolerance
      if again.value <= outcome.value { outcome = again }
      if !gained { break }
    }
    return Outcome(
      point: outcome.point, value: outcome.value, evaluations: evaluations,
      converged: converged)
  }

  private func search(
    from start: [Double], _ objective: ([Double]) -> Double, evaluations: inout Int
  ) -> Outcome {
    let n = start.count
    func clamp(_ x: [Double]) -> [Double] { x.map { min(max($0, 0), 1) } }
    func f(_ x: [Double]) -> Double {
      evaluations += 1
      let value = objective(x)
      return value.isFinite ? value : .greatestFiniteMagnitude
    }
    var simplex = [clamp(start)]
    for i in 0..<n {
      var vertex = simplex[0]
      // Step inwards from an upper bound, so that the vertex differs from the start.
      vertex[i] += vertex[i] + initialStep <= 1 ? initialStep : -initialStep
      simplex.append(vertex)
    }
    var values = simplex.map(f)
    func converged() -> Bool {
      let best = simplex[0]
      let spread = (values.max() ?? 0) - (values.min() ?? 0)
      let size =
        simplex.dropFirst().map { vertex in
          zip(vertex, best).map { abs($0 - $1) }.max() ?? 0
        }.max() ?? 0
      return spread <= objectiveTolerance || size <= pointTolerance
    }
    while true {
      // Order, best first (ties by index, for determinism).
      let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      if converged() {
        return Outcome(
          point: simplex[0], value: values[0], evaluations: evaluations, converged: true)
      }
      guard evaluations < maxEvaluations else {
        return Outcome(
          point: simplex[0], value: values[0], evaluations: evaluations, converged: false)
      }
      let centroid = (0..<n).map { i in simplex.dropLast().map { $0[i] }.reduce(0, +) / Double(n) }
      func along(_ t: Double) -> [Double] {
        clamp(zip(centroid, simplex[n]).map { $0 + t * ($0 - $1) })
      }
      let reflected = along(1)
      let reflectedValue = f(reflected)
      if reflectedValue < values[0] {
        let expanded = along(2)
        let expandedValue = f(expanded)
        if expandedValue < reflectedValue {
          (simplex[n], values[n]) = (expanded, expandedValue)
        } else {
          (simplex[n], values[n]) = (reflected, reflectedValue)
        }
      } else if reflectedValue < values[n - 1] {
        (simplex[n], values[n]) = (reflected, reflectedValue)
      } else {
        let outside = reflectedValue < values[n]
        let contracted = along(outside ? 0.5 : -0.5)
        let contractedValue = f(contracted)
        if contractedValue < min(reflectedValue, values[n]) {
          (simplex[n], values[n]) = (contracted, contractedValue)
        } else {
          // Shrink towards the best vertex.
          for i in 1...n {
            simplex[i] = zip(simplex[0], simplex[i]).map { $0 + 0.5 * ($1 - $0) }
            values[i] = f(simplex[i])
          }
        }
      }
    }
  }
}
