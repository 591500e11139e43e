import DAESolver
import Electrochem
import Foundation
import StudyModel
import Testing

@testable import Engine

/// The local-block elimination solves the Newton systems of cells with side states exactly,
/// and runs with it agree with runs on KLU.
@Suite struct LocalBlockEliminationSolverTests {
  /// The degradation cells, and those with a current-driven loss again without it.
  static func cells() -> [(name: String, cell: CellParameters)] {
    DegradationJacobianTests.cells().flatMap { name, cell -> [(String, CellParameters)] in
      guard cell.negative.degradation.activeMaterialLoss != nil else { return [(name, cell)] }
      var withoutCurrent = cell
      withoutCurrent.negative.degradation.activeMaterialLoss?.perCurrentM2PerAS = 0
      withoutCurrent.positive.degradation.activeMaterialLoss?.perCurrentM2PerAS = 0
      return [(name, cell), (name + " (not current-driven)", withoutCurrent)]
    }
  }

  @Test(arguments: cells().map(\.name))
  func solvesTheNewtonSystemsOfEveryDegradationCell(_ name: String) throws {
    let cell = try #require(Self.cells().first { $0.name == name }).cell
    for mesh in [DFNMesh.coarse, DFNMesh(negative: 7, separator: 3, positive: 5, particle: 3)] {
      let model = DFNModel(cell: cell, mesh: mesh)
      let layout = model.layout
      let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
      let solver = LocalBlockEliminationSolver(blocks: layout.particleBlocks, pattern: pattern)
      // A current-driven loss reads the applied current in every electrode volume: its
      // elimination would fill the whole band's width, and KLU serves instead.
      let currentDriven = [cell.negative, cell.positive].contains {
        ($0.degradation.activeMaterialLoss?.perCurrentM2PerAS ?? 0) > 0
      }
      guard !currentDriven else {
        #expect(solver == nil, "\(name)")
        continue
      }
      guard let solver else {
        Issue.record("\(name): declined")
        continue
      }
      let slots = try model.jacobianWriteOrder.map { entry in
        try #require(pattern.position(row: entry.row, column: entry.column))
      }
      for (saturated, control) in [
        (false, CellControl.current(28)), (false, .voltage(3.7)), (true, .current(-28)),
      ] {
        let y = DegradationJacobianTests.perturbedState(model, saturated: saturated)
        let yp = [Double](repeating: 0, count: layout.size)
        for cj in [1e-3, 1.0, 1e4] {
          let error = ParticleEliminationSolverTests.newtonBackwardError(
            solver, model: model, pattern: pattern, slots: slots, y: y, yp: yp, control: control,
            cj: cj)
          #expect(error < 1e-9, "\(name), \(control), cj \(cj): backward error \(error)")
        }
      }
    }
  }

  @Test func lossOfActiveMaterialRunsAgreeWithKLU() throws {
    let cell = AgingCase.all[2].cell
    let steps = Array([[ProtocolStep]](repeating: AgingCase.cycle, count: 3).joined())
    var capacities: [[Double]] = []
    for method in LinearSolverMethod.allCases {
      let simulator = Simulator(options: SimulationOptions(mesh: .coarse, linearSolver: method))
      let run = try simulator.run(
        cell: cell, protocol: steps, cycling: CyclePlan(stepsPerCycle: AgingCase.cycle.count))
      #expect(run.completed)
      #expect(
        simulator.linearSolver == (method == .klu ? .klu : .particleElimination), "\(method)")
      capacities.append(run.steps.compactMap { $0.ends?.chargeMAhCm2 })
    }
    for (eliminated, klu) in zip(capacities[0], capacities[1]) {
      #expect(abs(eliminated - klu) / klu < 1e-4, "\(eliminated) vs \(klu)")
    }
  }
}
