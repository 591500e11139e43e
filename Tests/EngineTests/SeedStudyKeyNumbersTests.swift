import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// The seed study's key results (studies/sigr-nmc811-np-ratio at 2.8 mA/cm²), pinned loosely
/// enough to survive mesh refinement and tightly enough to catch a broken engine: where the
/// global SOC at the cut-off is lowest, and the sign of each trend the paper states.
@Suite struct SeedStudyKeyNumbersTests {
  static let npValues = [0.5, 0.8, 0.9, 1.0, 1.1, 1.35, 2.0]

  struct Point {
    let np: Double
    let soc: Double
    let discharge: Double
    let anodeUtilization: Double
    let cathodeUtilization: Double
  }

  static func sweep(mesh: DFNMesh) throws -> [Point] {
    let cell = ReferenceCells.load("sigr-nmc811-mu-table1").parameters
    let steps = [
      ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "Charge"),
      ProtocolStep(mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "Discharge"),
    ]
    let simulator = Simulator(options: SimulationOptions(mesh: mesh))
    return try npValues.map { np in
      let sized = CellDesign.withNegativeThickness(for: np, basis: .practical, cell: cell)
      let run = try simulator.run(cell: sized, protocol: steps)
      #expect(run.completed, "N/P \(np) did not complete")
      let charge = StepMetrics(series: run.steps[0].series, cell: sized)
      let discharge = StepMetrics(series: run.steps[1].series, cell: sized)
      return Point(
        np: np, soc: charge.stateOfCharge, discharge: discharge.capacityMAhCm2,
        anodeUtilization: charge.negativeUtilization,
        cathodeUtilization: charge.positiveUtilization)
    }
  }

  @Test(arguments: [DFNMesh(perRegion: 8, particle: 8), DFNMesh(perRegion: 16, particle: 12)])
  func socIsLowestAtNPOneAndTheTrendsHaveThePapersSigns(mesh: DFNMesh) throws {
    let points = try Self.sweep(mesh: mesh)
    let lowest = try #require(points.min { $0.soc < $1.soc })
    #expect(lowest.np >= 0.9 && lowest.np <= 1.1, "SOC lowest at N/P \(lowest.np)")
    // Among 0.8, 1.0 and 1.35, N/P 1.0 reaches 4.2 V at the lowest global SOC.
    let byNP = Dictionary(uniqueKeysWithValues: points.map { ($0.np, $0) })
    let (low, one, high) = try (#require(byNP[0.8]), #require(byNP[1.0]), #require(byNP[1.35]))
    #expect(one.soc < low.soc && one.soc < high.soc)
    // Global SOC near 100 % below N/P 1 (the anode fills), well above 100 % at N/P 2.
    #expect(low.soc > 0.9 && low.soc < 1.05, "SOC at N/P 0.8: \(low.soc)")
    for (a, b) in zip(points, points.dropFirst()) {
      #expect(b.discharge > a.discharge, "capacity falls from N/P \(a.np) to \(b.np)")
      #expect(b.cathodeUtilization > a.cathodeUtilization, "cathode use falls at N/P \(b.np)")
      if a.np >= 0.8 {
        #expect(b.anodeUtilization < a.anodeUtilization, "anode use rises at N/P \(b.np)")
      }
    }
  }
}
