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

  /// A job.
  public init(
    id: String, cell: CellParameters, steps: [ProtocolStep], nominalCapacityAh: Double? = nil
  ) {
    self.id = id
    self.cell = cell
    self.steps = steps
    self.nominalCapacityAh = nominalCapacityAh
  }
}

/// Runs many simulations in parallel, one simulator (and solver) per worker; a failed member
/// never stops the others.
public enum SweepRunner {
  /// Runs `jobs` on `workers` threads; results come back in the order of `jobs`.
  public static func run(
    _ jobs: [SimulationJob], options: SimulationOptions,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    timing: (@Sendable (_ index: Int, _ seconds: Double) -> Void)? = nil
  ) -> [Result<RunResult, SimulationError>] {
    let board = ResultBoard(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, jobs.count))) { _ in
      let simulator = Simulator(options: options)
      while let index = board.nextIndex() {
        let job = jobs[index]
        let started = DispatchTime.now().uptimeNanoseconds
        let result = Result { () throws(SimulationError) -> RunResult in
          try simulator.run(
            cell: job.cell, protocol: job.steps, nominalCapacityAh: job.nominalCapacityAh)
        }
        timing?(index, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        _ = board.store(result, at: index)
      }
    }
    return board.results()
  }
}

/// The shared state of a sweep: the next job to take and the results so far.
private final class ResultBoard: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var finished = 0
  private var stored: [Result<RunResult, SimulationError>?]

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

  func store(_ result: Result<RunResult, SimulationError>, at index: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    stored[index] = result
    finished += 1
    return finished
  }

  func results() -> [Result<RunResult, SimulationError>] {
    lock.lock()
    defer { lock.unlock() }
    return stored.map {
      $0 ?? .failure(SimulationError(subject: "sweep", message: "job did not run"))
    }
  }
}
