import Analysis
import DAESolver
import Electrochem
import Foundation
import StudyModel
import Testing

@testable import Engine

/// The particle-elimination solver solves the DFN Newton systems exactly, and runs with it
/// agree with runs on KLU.
@Suite struct ParticleEliminationSolverTests {
  /// The componentwise backward error max_i |A x − b|_i / (|A| |x| + |b|)_i for the CSC matrix
  /// with `values` on `pattern`: near the rounding unit for a stable solver, whatever the
  /// scaling of the rows (the DFN's span eleven orders of magnitude).
  static func backwardError(
    pattern: SparsityPattern, values: [Double], x: [Double], b: [Double]
  ) -> Double {
    var product = [Double](repeating: 0, count: pattern.size)
    var scale = b.map(abs)
    for column in 0..<pattern.size {
      for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = pattern.rowIndices[position]
        product[row] += values[position] * x[column]
        scale[row] += abs(values[position] * x[column])
      }
    }
    return (0..<pattern.size).map { abs(product[$0] - b[$0]) / scale[$0] }.max() ?? 0
  }

  /// The backward error of `solver` on the Newton system of `model` at state `y`, `yp`
  /// under `control` with coefficient `cj`, for a fixed right-hand side (infinity when the
  /// Jacobian, the factorisation or the solve fails).
  static func newtonBackwardError(
    _ solver: any DAELinearSolver, model: any CellModel, pattern: SparsityPattern, slots: [Int],
    y: [Double], yp: [Double], control: CellControl, cj: Double
  ) -> Double {
    var values = [Double](repeating: 0, count: pattern.nonzeroCount)
    var span = values.mutableSpan
    let assembled = model.jacobian(
      y: y.span, yp: yp.span, cj: cj, control: control, slots: slots, values: &span)
    _ = consume span
    let b = (0..<pattern.size).map { sin(Double($0) * 0.77) + 0.1 }
    var x = b
    guard assembled,
      values.withUnsafeBufferPointer({ $0.baseAddress.map { solver.factor(values: $0) } ?? false }),
      x.withUnsafeMutableBufferPointer({ $0.baseAddress.map { solver.solve($0) } ?? false })
    else { return .infinity }
    return backwardError(pattern: pattern, values: values, x: x, b: b)
  }

  @Test func solvesTheNewtonSystemsOfEveryCellStateAndControl() throws {
    for mesh in [DFNMesh.coarse, DFNMesh(negative: 7, separator: 3, positive: 5, particle: 2)] {
      let layout = DFNLayout(mesh: mesh)
      let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
      let solver = try #require(
        ParticleEliminationSolver(blocks: layout.particleBlocks, pattern: pattern))
      for (name, cell) in try AnalyticJacobianTests.cells() {
        let model = DFNModel(cell: cell, mesh: mesh)
        let slots = try model.jacobianWriteOrder.map { entry in
          try #require(pattern.position(row: entry.row, column: entry.column))
        }
        for (depleted, control) in [
          (false, CellControl.current(28)), (false, .voltage(3.7)), (true, .current(-28)),
        ] {
          let y = AnalyticJacobianTests.perturbedState(model, depleted: depleted)
          let yp = [Double](repeating: 0, count: layout.size)
          // A small cj (long step) is the hardest case: the shells' diagonals are weakest.
          for cj in [1e-3, 1.0, 1e4] {
            // IDA's Newton iterations stop at a weighted error of a third of the tolerance
            // (1e-4); a backward error five orders of magnitude below that cannot be seen.
            // Banded LU with partial pivoting of the whole matrix reaches 1e-14 to 1e-11 on
            // these systems, block elimination within two orders of magnitude of it.
            let error = Self.newtonBackwardError(
              solver, model: model, pattern: pattern, slots: slots, y: y, yp: yp,
              control: control, cj: cj)
            #expect(error < 1e-9, "\(name), \(control), cj \(cj): backward error \(error)")
          }
        }
      }
    }
  }

  @Test func declinesAPatternThatCouplesAParticleOrACurrentToAnotherUnknown() {
    let layout = DFNLayout(mesh: .coarse)
    var entries = layout.jacobianEntries
    // A shell row reading the electrolyte: no longer a block that touches only its own j.
    entries.append((layout.stoichiometry(3, shell: 2), layout.electrolyteConcentration(3)))
    let pattern = SparsityPattern(size: layout.size, entries: entries)
    #expect(ParticleEliminationSolver(blocks: layout.particleBlocks, pattern: pattern) == nil)
    // A j reading the next volume's electrolyte: its elimination would fill outside the band's
    // volume blocks. A j whose row reads the applied current: the same.
    for column in [layout.electrolyteConcentration(4), layout.current] {
      let coupled = SparsityPattern(
        size: layout.size,
        entries: layout.jacobianEntries + [(layout.interfacialCurrent(3), column)])
      #expect(ParticleEliminationSolver(blocks: layout.particleBlocks, pattern: coupled) == nil)
    }
    // The unchanged pattern is accepted.
    #expect(
      ParticleEliminationSolver(
        blocks: layout.particleBlocks,
        pattern: SparsityPattern(size: layout.size, entries: layout.jacobianEntries)) != nil)
    let single = DFNLayout(mesh: DFNMesh(perRegion: 5, particle: 1))
    #expect(
      ParticleEliminationSolver(
        blocks: single.particleBlocks,
        pattern: SparsityPattern(size: single.size, entries: single.jacobianEntries)) == nil)
  }

  @Test func runsAgreeWithKLU() throws {
    for (np, density) in [(0.5, 28.0), (1.2, 54.8), (2.0, 28.0)] {
      let cell = ReferenceCells.seed(np: np)
      let steps = [
        ProtocolStep(mode: .charge(.density(density)), limits: [.voltage(4.2)], text: "charge"),
        ProtocolStep(
          mode: .discharge(.density(density)), limits: [.voltage(2.5)], text: "discharge"),
      ]
      var capacities: [[Double]] = []
      for method in LinearSolverMethod.allCases {
        let run = try Simulator(options: SimulationOptions(mesh: .coarse, linearSolver: method))
          .run(cell: cell, protocol: steps)
        #expect(run.completed, "N/P \(np), \(method)")
        capacities.append(
          run.steps.map { StepMetrics(series: $0.series, cell: cell).capacityMAhCm2 })
      }
      for (eliminated, klu) in zip(capacities[0], capacities[1]) {
        // Rounding alone separates the two; they agree within the integrator's tolerance.
        #expect(abs(eliminated - klu) / klu < 1e-4, "N/P \(np): \(eliminated) vs \(klu)")
      }
    }
  }
}
