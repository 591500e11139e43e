import Dispatch
import Electrochem
import Foundation
import StudyModel

/// One simulation of a sweep: a cell, a protocol and an identifier.
public struct SimulationJob: Sendable {
  /// Identifies the job in the results (for example "np=1.2, i=2.8 mA/cm2").
  public let id: String
  /// The cell.
  public let cell: CellParameters
  /// The protocol.
  public let steps: [ProtocolStep]
  /// The capacity C-rates refer to, Ah.
  public let nominalCapacityAh: Double?
  /// How the steps group into cycles (nil: one protocol).
  public let cycling: CyclePlan?

  /// A job.
  public init(
    id: String, cell: CellParameters, steps: [ProtocolStep], nominalCapacityAh: Double? = nil,
    cycling: CyclePlan? = nil
  ) {
    self.id = id
    self.cell = cell
    self.steps = steps
    self.nominalCapacityAh = nominalCapacityAh
    self.cycling = cycling
  }
}

/// Runs many simulations in parallel, one simulator (and solver) per worker; a failed member
/// never stops the others.
public enum SweepRunner {
  /// Runs `jobs` on `workers` threads; results come back in the order of `jobs`.
  ///
  /// `finished` is called from the worker threads as each job ends, with its wall time and
  /// whether it completed (for progress reports and timing).
  public static func run(
    _ jobs: [SimulationJob], options: SimulationOptions,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    finished: (@Sendable (_ index: Int, _ seconds: Double, _ completed: Bool) -> Void)? = nil
  ) -> [Result<RunResult, SimulationError>] {
    run(jobs, options: options, workers: workers) { index, result, seconds in
      finished?(index, seconds, (try? result.get())?.completed ?? false)
      return result
    }
  }

  /// Runs `jobs` on `workers` threads and passes each result, with its wall time in seconds,
  /// through `process` on the same worker, so post-processing runs in parallel too and a
  /// run's full data can be released as soon as it is processed.
  public static func run<Output: Sendable>(
    _ jobs: [SimulationJob], options: SimulationOptions,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    process:
      @Sendable (_ index: Int, _ result: Result<RunResult, SimulationError>, _ seconds: Double)
      -> Output
  ) -> [Output] {
    let board = ResultBoard<Output>(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, jobs.count))) { _ in
      let simulator = Simulator(options: options)
      while let index = board.nextIndex() {
        let job = jobs[index]
        let started = DispatchTime.now().uptimeNanoseconds
        let result = Result { () throws(SimulationError) -> RunResult in
          try simulator.run(
            cell: job.cell, protocol: job.steps, nominalCapacityAh: job.nominalCapacityAh,
            cycling: job.cycling)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        board.store(process(index, result, seconds), at: index)
      }
    }
    return board.results()
  }
}

/// The shared state of a sweep: the next job to take and the outputs so far.
private final class ResultBoard<Output>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var stored: [Output?]

  init(count: Int) {
    stored = Array(repeating: nil, count: count)
  }

  func nextIndex() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < stored.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ output: Output, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    stored[index] = output
  }

  /// Every output; each index is stored exactly once by the time the workers return.
  func results() -> [Output] {
    lock.lock()
    defer { lock.unlock() }
    return stored.compactMap { $0 }
  }
}
