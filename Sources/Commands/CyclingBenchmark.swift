import Analysis
import Electrochem
import Engine
import Foundation
import Planning
import StudyModel

/// The cycling workloads: one cell cycled 100 times (the run PyBaMM is timed on), and a
/// study's cycling simulations (the seed study's sweep of its third figure).
public enum CyclingBenchmark {
  /// One workload's measurements.
  public struct Measurement: Sendable {
    /// Name of the workload.
    public let workload: String
    /// Simulations run.
    public let simulations: Int
    /// Cycles run, summed over the simulations.
    public let cycles: Int
    /// Simulations that did not complete.
    public let failures: Int
    /// Wall time, s.
    public let wallSeconds: Double
    /// Integrator steps, summed.
    public let steps: Int
    /// The process's peak resident memory so far, MB.
    public let peakMemoryMB: Double
    /// Retention after the last cycle of each simulation, by its id.
    public let retention: [(id: String, value: Double)]

    /// One JSON line with the measurements.
    public var json: String {
      let retentions = retention.map {
        "{\"id\":\"\($0.id)\",\"retention\":\(NumberText.fixed($0.value, 5))}"
      }
      return "{\"workload\":\"\(workload)\",\"simulations\":\(simulations),"
        + "\"cycles\":\(cycles),\"failures\":\(failures),"
        + "\"wall_s\":\(NumberText.fixed(wallSeconds, 3)),\"steps\":\(steps),"
        + "\"peak_memory_mb\":\(NumberText.fixed(peakMemoryMB, 1)),"
        + "\"last_retention\":[\(retentions.joined(separator: ","))]}"
    }
  }

  /// The single run: `cell` (the seed cell with SEI and partially reversible plating) at
  /// N/P 1.2 (theoretical), charged and discharged at 2.8 mA/cm² between 4.2 and 2.5 V,
  /// 100 times, on the coarse mesh.
  public static func singleRun(cell: CellParameters, cycles: Int = 100) -> Measurement {
    let sized = CellDesign.withNegativeThickness(for: 1.2, basis: .theoretical, cell: cell)
    let cycle = [
      ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "charge"),
      ProtocolStep(mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "discharge"),
    ]
    let job = SimulationJob(
      id: "np=1.2 i=2.8 x\(cycles)", cell: sized,
      steps: Array([[ProtocolStep]](repeating: cycle, count: cycles).joined()),
      cycling: CyclePlan(stepsPerCycle: cycle.count))
    return measure("cycling-\(cycles)", jobs: [job], options: SimulationOptions(mesh: .coarse))
  }

  /// Every job of `study`'s simulations that run several cycles, as a build would run them
  /// (without the cache of runs), on `workers` threads, on its cells with their fitted values
  /// (from the fits' cache under `cacheRoot`, or fitted first, which is not timed).
  public static func study(_ study: Study, cacheRoot: String, workers: Int) -> Measurement? {
    let results = study.fits.map {
      FitRunner.run($0, study: study, cacheRoot: cacheRoot, ignoreCache: false, workers: workers)
    }
    let study = FitRunner.applying(results, to: study)
    let cycling = Set(study.simulations.filter { $0.cycles > 1 }.map(\.name))
    let planned = StudyPlanner.plan(study).filter { cycling.contains($0.simulation) }
    guard !planned.isEmpty else { return nil }
    let start = Date()
    var outcomes: [Outcome] = []
    // Jobs of one mesh share a solver structure and run as one sweep, as in a build.
    let groups = Dictionary(grouping: planned.indices) { planned[$0].options }
    for (options, indices) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
      outcomes += run(indices.map { planned[$0].job }, options: options, workers: workers)
    }
    return measurement(
      "\(study.slug) cycling", outcomes: outcomes, wallSeconds: Date().timeIntervalSince(start))
  }

  /// What the benchmark keeps of one run: its summaries, not its series.
  private struct Outcome: Sendable {
    let id: String
    let completed: Bool
    let steps: Int
    let cycles: [CycleSummary]
  }

  private static func measure(
    _ name: String, jobs: [SimulationJob], options: SimulationOptions, workers: Int = 1
  ) -> Measurement {
    let start = Date()
    let outcomes = run(jobs, options: options, workers: workers)
    return measurement(name, outcomes: outcomes, wallSeconds: Date().timeIntervalSince(start))
  }

  private static func run(_ jobs: [SimulationJob], options: SimulationOptions, workers: Int)
    -> [Outcome]
  {
    SweepRunner.run(jobs, options: options, workers: workers) { index, result, _ in
      guard case .success(let run) = result else {
        return Outcome(id: jobs[index].id, completed: false, steps: 0, cycles: [])
      }
      return Outcome(
        id: jobs[index].id, completed: run.completed, steps: run.statistics.steps,
        cycles: CycleSummary.cycles(of: run))
    }
  }

  private static func measurement(_ name: String, outcomes: [Outcome], wallSeconds: Double)
    -> Measurement
  {
    let retention = outcomes.compactMap { outcome -> (id: String, value: Double)? in
      guard let first = outcome.cycles.first, let last = outcome.cycles.last,
        let value = last.value(.retention, first: first)
      else { return nil }
      return (outcome.id, value)
    }
    return Measurement(
      workload: name, simulations: outcomes.count,
      cycles: outcomes.map(\.cycles.count).reduce(0, +),
      failures: outcomes.filter { !$0.completed }.count, wallSeconds: wallSeconds,
      steps: outcomes.map(\.steps).reduce(0, +), peakMemoryMB: peakMemoryMB(),
      retention: retention)
  }

  /// The process's peak resident set, MB (Linux reports ru_maxrss in KiB).
  private static func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
