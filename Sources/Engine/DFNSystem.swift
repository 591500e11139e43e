import DAESolver
import Electrochem
import StudyModel

/// Presents a `DFNModel` under a given control to IDA: residual, a coloured
/// finite-difference Jacobian and the step's termination roots.
final class DFNSystem: DAESystem {
  /// Number of root slots; IDA's root count is fixed when the solver is created.
  static let rootSlots = 8

  var model: DFNModel
  var control: CellControl = .current(0)
  var conditions: [RootCondition] = Array(repeating: .inactive, count: rootSlots)
  let jacobianEvaluator: ColoredJacobian

  init(model: DFNModel, pattern: SparsityPattern) {
    self.model = model
    self.jacobianEvaluator = ColoredJacobian(
      pattern: pattern, typicalMagnitude: DFNSystem.typicalMagnitudes(model.layout))
  }

  /// Scales below which perturbations do not shrink: potentials in V, currents in A/m²,
  /// concentrations and stoichiometries as fractions.
  static func typicalMagnitudes(_ layout: DFNLayout) -> [Double] {
    var scales = [Double](repeating: 1e-2, count: layout.size)
    scales[layout.current] = 1e-1
    scales[layout.charge] = 1e-3
    return scales
  }

  func residual(
    t: Double, y: Span<Double>, yp: Span<Double>, residual: inout MutableSpan<Double>
  ) -> CallbackStatus {
    model.residual(y: y, yp: yp, control: control, residual: &residual) ? .ok : .recoverable
  }

  func jacobian(
    t: Double, cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>
  ) -> CallbackStatus {
    let model = self.model
    let control = self.control
    let succeeded = jacobianEvaluator.evaluate(cj: cj, y: y, yp: yp, values: &values) {
      y, yp, r in model.residual(y: y, yp: yp, control: control, residual: &r)
    }
    return succeeded ? .ok : .recoverable
  }

  func roots(t: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>) {
    for (slot, condition) in conditions.enumerated() {
      values[slot] = condition.value(model: model, y: y)
    }
  }
}
