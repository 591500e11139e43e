import Analysis
import Engine
import Foundation
import StudyModel

/// What one simulation of a build produced, as the cache keeps it: the result row, how the
/// run ended, and what it cost when it was computed.
///
/// The wall time is that of the run that produced the result and travels with it, so a
/// build that reuses the cache writes the same manifest byte for byte.
public struct RunRecord: Codable, Equatable, Sendable {
  /// The job's identifier, for example `discharge[np=1.0, current=2.8 mA/cm2]`.
  public let id: String
  /// The job's content hash.
  public let hash: String
  /// The metrics of every step.
  public let row: ResultRow
  /// Whether every step ran and ended by a termination.
  public let completed: Bool
  /// Why the run stopped early, when it did.
  public let failure: String?
  /// Wall time of the simulation, s.
  public let wallSeconds: Double
  /// Internal integrator steps.
  public let solverSteps: Int
  /// Every cycle's summary, for a run in cycles (empty otherwise).
  public let cycles: [CycleSummary]
  /// Whether this build reused it from the cache (never stored).
  public var reused = false

  /// Whether the engine refused the job before solving (it has no metrics and no curves).
  public var refused: Bool { row.quantities.isEmpty }

  private enum CodingKeys: String, CodingKey {
    case id, hash, row, completed, failure, wallSeconds, solverSteps, cycles
  }

  /// The record of a run that ended (completed or not).
  init(job: PlannedJob, run: RunResult, wallSeconds: Double) {
    id = job.job.id
    hash = job.contentHash
    row = ResultRowBuilder.row(coordinates: job.coordinateValues, run: run, cell: job.job.cell)
    completed = run.completed
    failure = run.completed ? nil : (run.failure?.description ?? "incomplete")
    self.wallSeconds = wallSeconds
    solverSteps = run.statistics.steps
    cycles = run.cycling != nil ? CycleSummary.cycles(of: run) : []
  }

  /// The record of a job the engine refused (invalid cell or protocol).
  init(job: PlannedJob, error: SimulationError) {
    id = job.job.id
    hash = job.contentHash
    row = ResultRow(coordinates: job.coordinateValues, quantities: [:])
    completed = false
    failure = error.description
    wallSeconds = 0
    solverSteps = 0
    cycles = []
  }
}
