/// What a callback tells the integrator about the values it was given.
public enum CallbackStatus: Sendable {
  /// The values were computed.
  case ok
  /// The values could not be computed here (for example a state out of its physical range);
  /// the integrator should retry with a smaller step.
  case recoverable
  /// The values cannot be computed; the integration stops.
  case unrecoverable
}

/// A differential-algebraic system F(t, y, y') = 0 with an analytic sparse Jacobian and
/// optional root functions, as IDA integrates it.
public protocol DAESystem: AnyObject {
  /// Writes F(t, y, y') into `residual`.
  func residual(
    t: Double, y: Span<Double>, yp: Span<Double>, residual: inout MutableSpan<Double>
  ) -> CallbackStatus

  /// Writes dF/dy + cj·dF/dy' into `values`, in the order of the problem's `SparsityPattern`.
  func jacobian(
    t: Double, cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>
  ) -> CallbackStatus

  /// Writes the root functions g(t, y, y'); the integrator stops where one changes sign.
  func roots(t: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>)
}
