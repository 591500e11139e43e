import Analysis
import Electrochem
import Engine
import StudyModel
import Testing

/// The seed paper's Table 1 cell with the Sturm 2019 gap-fill (library cell
/// sigr-nmc811-mu-table1, film resistance off) against PyBaMM 26.10's DFN on the same cell
/// and gap-fill: 2.8 mA/cm², practical N/P, 20 shells per particle.
@Suite struct SturmGapFillCrossCheckTests {
  /// (practical N/P, charge and discharge capacity in mAh/cm², anode stoichiometry at the end
  /// of charge) from those PyBaMM runs.
  static let pybamm: [(np: Double, charge: Double, discharge: Double, anode: Double)] = [
    (0.5, 1.994, 1.952, 0.981), (1.0, 3.824, 3.779, 0.940), (2.0, 4.490, 4.441, 0.553),
  ]

  @Test func capacitiesAgreeWithTheBriefsPyBaMMRuns() throws {
    var cell = ReferenceCells.load("sigr-nmc811-mu-table1").parameters
    cell.negative.filmResistanceOhmM2 = 0  // the PyBaMM runs have no film
    let steps = [
      ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "Charge"),
      ProtocolStep(mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "Discharge"),
    ]
    let simulator = Simulator(
      options: SimulationOptions(mesh: DFNMesh(perRegion: 20, particle: 20)))
    for point in Self.pybamm {
      let sized = CellDesign.withNegativeThickness(for: point.np, basis: .practical, cell: cell)
      let run = try simulator.run(cell: sized, protocol: steps)
      #expect(run.completed)
      let charge = StepMetrics(series: run.steps[0].series, cell: sized)
      let discharge = StepMetrics(series: run.steps[1].series, cell: sized)
      #expect(
        abs(charge.capacityMAhCm2 / point.charge - 1) < 0.005,
        "N/P \(point.np): charge \(charge.capacityMAhCm2)")
      #expect(
        abs(discharge.capacityMAhCm2 / point.discharge - 1) < 0.005,
        "N/P \(point.np): discharge \(discharge.capacityMAhCm2)")
      let anode = try #require(run.steps[0].series.observations.last).negativeStoichiometry
      #expect(abs(anode - point.anode) < 0.01, "N/P \(point.np): anode end stoichiometry \(anode)")
    }
  }
}
