import Analysis
import DAESolver
import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

/// The analytic Jacobian is the derivative of the residual: it agrees with coloured finite
/// differences entry by entry, on every kind of cell, state and control.
@Suite struct AnalyticJacobianTests {
  /// The cells: expression OCPs (seed), measured OCP tables with film resistance (Table 1
  /// cell), and asymmetric kinetics with a stoichiometry-dependent diffusivity.
  static func cells() throws -> [(name: String, cell: CellParameters)] {
    var asymmetric = ReferenceCells.seed(np: 1.2)
    asymmetric.negative.anodicTransferCoefficient = 0.3
    asymmetric.positive.anodicTransferCoefficient = 0.65
    asymmetric.negative.filmResistanceOhmM2 = 2e-3
    asymmetric.positive.diffusivity = .expression(
      CompiledExpression(try ExpressionParser.parse("5e-13 * (1 + 4 * x * x)", allowed: [.x])))
    return [
      ("seed", ReferenceCells.seed(np: 1.2)),
      ("table-1 measured", ReferenceCells.load("sigr-nmc811-mu-table1").parameters),
      ("asymmetric", asymmetric),
    ]
  }

  /// A state away from rest in every unknown: electrolyte gradients, interfacial currents,
  /// stoichiometry gradients inside the particles, a current.
  static func perturbedState(_ model: DFNModel, depleted: Bool) -> [Double] {
    let layout = model.layout
    var y = model.restingState()
    for k in 0..<layout.volumeCount {
      let phase = Double(k) * 0.37
      // Down to 3 % of c0 when depleted: below the 5 % where properties are evaluated directly.
      y[layout.electrolyteConcentration(k)] =
        depleted ? 0.03 + 0.02 * sin(phase) : 1 + 0.3 * sin(phase)
      y[layout.electrolytePotential(k)] += 0.02 * cos(phase)
      guard layout.regions[k] != .separator else { continue }
      y[layout.solidPotential(k)] += 0.05 + 0.01 * sin(2 * phase)
      y[layout.interfacialCurrent(k)] = 0.8 * sin(phase + 1)
      for shell in 0..<layout.mesh.particle {
        let index = layout.stoichiometry(k, shell: shell)
        y[index] = min(max(y[index] + 0.3 * Double(shell) / 10 * sin(phase), 0.01), 0.99)
      }
    }
    y[layout.current] = 28
    return y
  }

  @Test func analyticMatchesFiniteDifferencesEntryByEntry() throws {
    let mesh = DFNMesh(negative: 6, separator: 3, positive: 5, particle: 5)
    let layout = DFNLayout(mesh: mesh)
    let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
    let colored = ColoredJacobian(
      pattern: pattern, typicalMagnitude: Array(repeating: 1e-2, count: layout.size))
    for (name, cell) in try Self.cells() {
      let model = DFNModel(cell: cell, mesh: mesh)
      let slots = try model.jacobianWriteOrder.map { entry in
        try #require(pattern.position(row: entry.row, column: entry.column), "\(entry)")
      }
      for depleted in [false, true] {
        for control in [CellControl.current(28), .voltage(3.7)] {
          let y = Self.perturbedState(model, depleted: depleted)
          let yp = (0..<layout.size).map { 1e-3 * cos(Double($0)) }
          let cj = 250.0
          var analytic = [Double](repeating: .nan, count: pattern.nonzeroCount)
          var numeric = analytic
          var analyticSpan = analytic.mutableSpan
          #expect(
            model.jacobian(
              y: y.span, yp: yp.span, cj: cj, control: control, slots: slots,
              values: &analyticSpan))
          var numericSpan = numeric.mutableSpan
          #expect(
            colored.evaluate(cj: cj, y: y.span, yp: yp.span, values: &numericSpan) { y, yp, r in
              model.residual(y: y, yp: yp, control: control, residual: &r)
            })
          _ = consume analyticSpan
          _ = consume numericSpan
          var rowScale = [Double](repeating: 0, count: layout.size)
          for (position, row) in pattern.rowIndices.enumerated() {
            rowScale[row] = max(rowScale[row], abs(numeric[position]))
          }
          var worst = 0.0
          for (position, row) in pattern.rowIndices.enumerated() {
            // Finite differences carry about 1e-8 relative error; a missing term or a wrong
            // sign is of the order of the entry itself.
            let error = abs(analytic[position] - numeric[position])
            let allowed = 1e-5 * abs(numeric[position]) + 1e-7 * rowScale[row]
            worst = max(worst, error / allowed)
          }
          #expect(worst <= 1, "\(name), depleted \(depleted), \(control): worst \(worst)")
        }
      }
    }
  }

  @Test func writeOrderStaysInsideThePattern() {
    for mesh in [DFNMesh.coarse, .fine] {
      let layout = DFNLayout(mesh: mesh)
      let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
      let model = DFNModel(cell: ReferenceCells.seed(np: 1), mesh: mesh)
      let order = model.jacobianWriteOrder
      #expect(order.allSatisfy { pattern.position(row: $0.row, column: $0.column) != nil })
      // Every stored entry except structural zeros on the diagonal receives a value.
      let written = Set(order.map { $0.row * layout.size + $0.column })
      let missing = (0..<layout.size).flatMap { column in
        pattern.rowIndices[pattern.columnStarts[column]..<pattern.columnStarts[column + 1]]
          .filter { $0 != column && !written.contains($0 * layout.size + column) }
      }
      #expect(missing.isEmpty)
    }
  }

  @Test func runsAgreeWithEitherJacobian() throws {
    let cell = ReferenceCells.seed(np: 1.2)
    let steps = [
      ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "charge"),
      ProtocolStep(mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "discharge"),
    ]
    var capacities: [[Double]] = []
    for method in JacobianMethod.allCases {
      let run = try Simulator(options: SimulationOptions(mesh: .coarse, jacobian: method))
        .run(cell: cell, protocol: steps)
      #expect(run.completed)
      capacities.append(
        run.steps.map { StepMetrics(series: $0.series, cell: cell).capacityMAhCm2 })
    }
    for (analytic, numeric) in zip(capacities[0], capacities[1]) {
      #expect(abs(analytic - numeric) / numeric < 1e-4)
    }
  }
}
