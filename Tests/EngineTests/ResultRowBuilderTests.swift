import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// A run becomes a row of every catalogued quantity of every step.
@Suite struct ResultRowBuilderTests {
  @Test func aRealRunGivesNamedQuantities() throws {
    let reference = ReferenceCase.all[0]
    let run = try Simulator(options: SimulationOptions(mesh: .coarse)).run(
      cell: reference.cell, protocol: reference.steps)
    let row = ResultRowBuilder.row(coordinates: ["np": 1.2], run: run, cell: reference.cell)
    let capacity = try #require(row[ResultQuantity("discharge.capacity")!])
    #expect(abs(capacity / 36000 - 3.8177) < 2e-3)  // mAh/cm² from the summary snapshot
    #expect(row[ResultQuantity("step2.capacity")!] == capacity)
    #expect(row[ResultQuantity("charge.plating_onset")!] == nil)
    // Every metric of the catalogue is named for each step, and the first charge and discharge.
    let named = Set(
      row.quantities.keys.compactMap { quantity -> Metric? in
        guard case .step(_, let metric) = quantity else { return nil }
        return metric
      })
    #expect(row.quantities.keys.allSatisfy { if case .step = $0 { true } else { false } })
    #expect(named == Set(Metric.allCases).subtracting([.platingOnset]))
  }
}
