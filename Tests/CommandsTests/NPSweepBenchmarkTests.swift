import Commands
import Foundation
import StudyLoader
import TestSupport
import Testing

/// `cellbook bench np-sweep` reports the whole workload, its failures and the solver's work.
@Suite struct NPSweepBenchmarkTests {
  @Test func reportsEverySimulationAndTheSolversWork() throws {
    let path = "\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml"
    let cell = try CellFileLoader(libraryFolder: ProjectPaths.library).load(path: path).get()
    let measurement = NPSweepBenchmark.run(cell: cell.parameters, mesh: .coarse, workers: 2)
    #expect(measurement.simulations == 38)
    #expect(measurement.failures == 0)
    #expect(measurement.points.count == 38)
    // Every point charges and discharges; capacity rises with N/P at a given current.
    for density in NPSweepBenchmark.densities {
      let charges = measurement.points.filter { $0.milliampsPerCm2 == density }.map(\.charge)
      #expect(charges.count == 19)
      #expect(zip(charges, charges.dropFirst()).allSatisfy { $0 < $1 })
    }
    #expect(measurement.points.allSatisfy { $0.discharge > 0.5 * $0.charge })
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(measurement.json.utf8)) as? [String: Any])
    for key in [
      "simulations", "failures", "wall_s", "median_ms", "steps", "newton_iterations", "jacobians",
      "rejected_steps", "capacities",
    ] {
      #expect(json[key] != nil, "missing \(key)")
    }
    let steps = try #require(json["steps"] as? Int)
    let iterations = try #require(json["newton_iterations"] as? Int)
    // At least one Newton iteration per step, and a few hundred steps per simulation.
    #expect(iterations >= steps && steps > 38 * 100)
  }
}
