import Analysis
import Electrochem
import Engine
import Foundation
import StudyLoader
import StudyModel

/// The N/P-sweep workload of the PyBaMM reference (np_sweep_dfn.jsonl): N/P 0.4 to 2.2 by 0.1
/// at 0.75 and 2.8 mA/cm², charge to 4.2 V then discharge to 2.5 V, on the seed cell.
public enum NPSweepBenchmark {
  /// One workload's measurements.
  public struct Measurement: Sendable {
    /// Name of the workload ("np-sweep coarse").
    public let workload: String
    /// The mesh.
    public let mesh: DFNMesh
    /// Simulations run.
    public let simulations: Int
    /// Simulations that did not complete.
    public let failures: Int
    /// Wall time of the whole sweep, s.
    public let wallSeconds: Double
    /// Median wall time of one simulation, ms.
    public let medianMilliseconds: Double
    /// The solver's work summed over every simulation (steps, Newton iterations, Jacobians,
    /// rejected steps): deterministic, so it compares runs on machines whose speed varies.
    public let work: (steps: Int, newtonIterations: Int, jacobians: Int, rejectedSteps: Int)
    /// Charge and discharge capacity of each point, mAh/cm².
    public let points: [(np: Double, milliampsPerCm2: Double, charge: Double, discharge: Double)]

    /// One JSON line with the measurements.
    public var json: String {
      let capacities = points.map { point in
        "{\"np\":\(NumberText.fixed(point.np, 1)),\"i_mA_cm2\":\(NumberText.fixed(point.milliampsPerCm2, 2)),"
          + "\"charge_mAh_cm2\":\(NumberText.fixed(point.charge, 5)),\"discharge_mAh_cm2\":\(NumberText.fixed(point.discharge, 5))}"
      }
      return "{\"workload\":\"\(workload)\",\"mesh\":[\(mesh.negative),\(mesh.particle)],"
        + "\"simulations\":\(simulations),\"failures\":\(failures),"
        + "\"wall_s\":\(NumberText.fixed(wallSeconds, 4)),"
        + "\"median_ms\":\(NumberText.fixed(medianMilliseconds, 3)),"
        + "\"steps\":\(work.steps),\"newton_iterations\":\(work.newtonIterations),"
        + "\"jacobians\":\(work.jacobians),\"rejected_steps\":\(work.rejectedSteps),"
        + "\"capacities\":[\(capacities.joined(separator: ","))]}"
    }
  }

  /// The ratios and current densities of the workload.
  public static let ratios = (4...22).map { Double($0) / 10 }
  /// Current densities, mA/cm².
  public static let densities = [0.75, 2.8]

  /// Runs the workload on `cell` with `mesh` and `workers` threads, with the engine's defaults
  /// or, for comparison, the finite-difference Jacobian or KLU.
  public static func run(
    cell: CellParameters, mesh: DFNMesh, workers: Int, finiteDifferenceJacobian: Bool = false,
    klu: Bool = false
  ) -> Measurement {
    let options = SimulationOptions(
      mesh: mesh, jacobian: finiteDifferenceJacobian ? .finiteDifference : .analytic,
      linearSolver: klu ? .klu : .particleElimination)
    var jobs: [SimulationJob] = []
    var keys: [(Double, Double)] = []
    for density in densities {
      for ratio in ratios {
        let sized = CellDesign.withNegativeThickness(for: ratio, basis: .theoretical, cell: cell)
        let steps = [
          ProtocolStep(
            mode: .charge(.density(density * 10)), limits: [.voltage(4.2)], text: "charge"),
          ProtocolStep(
            mode: .discharge(.density(density * 10)), limits: [.voltage(2.5)], text: "discharge"),
        ]
        jobs.append(SimulationJob(id: "np=\(ratio) i=\(density)", cell: sized, steps: steps))
        keys.append((ratio, density))
      }
    }
    let durations = DurationLog(count: jobs.count)
    let start = Date()
    let results = SweepRunner.run(jobs, options: options, workers: workers) {
      index, seconds, _ in durations.record(index, seconds)
    }
    let wall = Date().timeIntervalSince(start)
    var points: [(np: Double, milliampsPerCm2: Double, charge: Double, discharge: Double)] = []
    var failures = 0
    var work = (steps: 0, newtonIterations: 0, jacobians: 0, rejectedSteps: 0)
    for (key, result) in zip(keys, results) {
      if case .success(let run) = result {
        work.steps += run.statistics.steps
        work.newtonIterations += run.statistics.nonlinearIterations
        work.jacobians += run.statistics.jacobianEvaluations
        work.rejectedSteps += run.statistics.failures
      }
      guard case .success(let run) = result, run.completed else {
        failures += 1
        continue
      }
      let capacities = run.steps.map { StepMetrics(series: $0.series, cell: cell).capacityMAhCm2 }
      points.append((key.0, key.1, capacities[0], capacities.count > 1 ? capacities[1] : 0))
    }
    let sorted = durations.values.sorted()
    let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2] * 1000
    return Measurement(
      workload: "np-sweep", mesh: options.mesh, simulations: jobs.count, failures: failures,
      wallSeconds: wall,
      medianMilliseconds: median, work: work, points: points)
  }
}

/// Per-job wall times collected from the sweep's workers.
private final class DurationLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Double]

  init(count: Int) { stored = Array(repeating: 0, count: count) }

  func record(_ index: Int, _ seconds: Double) {
    lock.lock()
    stored[index] = seconds
    lock.unlock()
  }

  var values: [Double] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
