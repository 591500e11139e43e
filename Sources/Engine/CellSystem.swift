import DAESolver
import Electrochem
import StudyModel

/// Presents a cell model under a given control to IDA: residual, Jacobian (analytic, or
/// coloured finite differences) and the step's termination roots.
final class CellSystem: DAESystem {
  /// Number of root slots; IDA's root count is fixed when the solver is created.
  static let rootSlots = 8

  var model: any CellModel
  /// The structure every model this system meets shares.
  let structure: ModelStructure
  /// Where the applied current and the charge counter sit (read on every root evaluation and
  /// recorded step, so kept apart from the structure's arrays).
  let currentIndex: Int
  let chargeIndex: Int
  var control: CellControl = .current(0)
  var conditions: [RootCondition] = Array(repeating: .inactive, count: rootSlots)
  let method: JacobianMethod
  let jacobianEvaluator: ColoredJacobian
  /// For each value the analytic Jacobian writes, its position in the pattern.
  ///
  /// The write order depends on the structure only, so one list serves every cell a solver
  /// meets.
  let jacobianSlots: [Int]

  init(
    model: any CellModel, structure: ModelStructure, pattern: SparsityPattern,
    method: JacobianMethod = .analytic
  ) {
    self.model = model
    self.structure = structure
    currentIndex = structure.current
    chargeIndex = structure.charge
    self.method = method
    self.jacobianEvaluator = ColoredJacobian(
      pattern: pattern, typicalMagnitude: structure.typicalMagnitudes)
    self.jacobianSlots = model.jacobianWriteOrder.map { entry in
      guard let position = pattern.position(row: entry.row, column: entry.column) else {
        preconditionFailure("analytic Jacobian entry \(entry) is outside the sparsity pattern")
      }
      return position
    }
  }

  func residual(
    t: Double, y: Span<Double>, yp: Span<Double>, residual: inout MutableSpan<Double>
  ) -> CallbackStatus {
    model.residual(y: y, yp: yp, control: control, residual: &residual) ? .ok : .recoverable
  }

  func jacobian(
    t: Double, cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>
  ) -> CallbackStatus {
    evaluateJacobian(cj: cj, y: y, yp: yp, values: &values) ? .ok : .recoverable
  }

  /// dF/dy + cj dF/dy′ in pattern order by the chosen method; false outside the physical
  /// domain.
  func evaluateJacobian(
    cj: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>
  ) -> Bool {
    let model = self.model
    let control = self.control
    switch method {
    case .analytic:
      return model.jacobian(
        y: y, yp: yp, cj: cj, control: control, slots: jacobianSlots, values: &values)
    case .finiteDifference:
      return jacobianEvaluator.evaluate(cj: cj, y: y, yp: yp, values: &values) {
        y, yp, r in model.residual(y: y, yp: yp, control: control, residual: &r)
      }
    }
  }

  func roots(t: Double, y: Span<Double>, yp: Span<Double>, values: inout MutableSpan<Double>) {
    let inputs = RootCondition.Inputs(
      model: model, current: currentIndex, charge: chargeIndex, y: y)
    for (slot, condition) in conditions.enumerated() {
      values[slot] = condition.value(inputs)
    }
  }
}
