import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// The anode's utilization counts the lithium plated on it: above 1 only where lithium
/// plated, and the change of its stoichiometry alone where none did.
@Suite struct PlatedUtilizationTests {
  private func charge(_ cell: CellParameters) throws -> StepMetrics {
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: cell, protocol: [AgingCase.cycle[0]])
    #expect(run.completed)
    return StepMetrics(series: run.steps[0].series, cell: cell)
  }

  @Test func anAnodeThatPlatesIsUsedBeyondItsCapacity() throws {
    // The Si-Gr cell whose anode potential falls below 0 V once it is full (its measured OCP
    // table ends flat), with plating alone, at half the cathode's practical capacity.
    var cell = CellDesign.withNegativeThickness(
      for: 0.5, basis: .practical,
      cell: ReferenceCells.load("sigr-nmc811-mu-table1-aging").parameters)
    cell.negative.degradation.sei = nil
    cell.negative.degradation.activeMaterialLoss = nil
    let metrics = try charge(cell)
    // The lithium the anode cannot hold plates on it.
    #expect(metrics.negativeUtilization > 1.3, "\(metrics.negativeUtilization)")
    let capacity = CellDesign.arealCapacity(cell.negative, basis: .theoretical)
    // Everything the charge passed went into the anode, as lithium in it or on it.
    #expect(
      abs(metrics.negativeUtilization * capacity - metrics.capacityMAhCm2) < 0.01
        * metrics.capacityMAhCm2)
  }

  @Test func anAnodeThatDoesNotPlateStaysWithinIt() throws {
    let metrics = try charge(ReferenceCells.seed(np: 1.5))
    #expect(metrics.negativeUtilization < 1)
    #expect(metrics.negativeUtilization > 0.3)
  }
}
