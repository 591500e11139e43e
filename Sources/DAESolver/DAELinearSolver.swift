/// A direct solver for the Newton systems (dF/dy + cj dF/dy′) x = b of one `DAEProblem`,
/// used by `IDASolver` instead of KLU when a problem's structure allows a faster one.
public protocol DAELinearSolver: AnyObject {
  /// Factorises the matrix whose values are `values`, in the problem's pattern order; false
  /// when it is singular.
  func factor(values: UnsafePointer<Double>) -> Bool

  /// Replaces `x`, a right-hand side of the problem's size, by the solution for the matrix
  /// last factorised; false when there is none.
  func solve(_ x: UnsafeMutablePointer<Double>) -> Bool
}

/// Holds a linear solver for the C callbacks (an existential cannot be passed as a pointer).
final class LinearSolverBox {
  let solver: any DAELinearSolver

  init(_ solver: any DAELinearSolver) { self.solver = solver }

  /// Runs `body` with the box behind `pointer` (kept alive by the IDA solver), without
  /// reference counting.
  @inline(__always)
  static func with<Result>(
    _ pointer: UnsafeMutableRawPointer?, _ body: (LinearSolverBox) -> Result
  ) -> Result {
    guard let pointer else { preconditionFailure("linear solver called without its content") }
    return Unmanaged<LinearSolverBox>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
  }
}

func linearFactorEntry(_ content: UnsafeMutableRawPointer?, _ values: UnsafePointer<Double>?)
  -> Int32
{
  guard let values else { return -1 }
  return LinearSolverBox.with(content) { $0.solver.factor(values: values) ? 0 : 1 }
}

func linearSolveEntry(_ content: UnsafeMutableRawPointer?, _ x: UnsafeMutablePointer<Double>?)
  -> Int32
{
  guard let x else { return -1 }
  return LinearSolverBox.with(content) { $0.solver.solve(x) ? 0 : 1 }
}
