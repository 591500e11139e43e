import Foundation
import StudyModel

/// A study's results: the rows of every run, the curves figures draw, and the claims
/// evaluated.
public struct StudyAnalysis: Sendable {
  /// What one run of a study left, as the analysis reads it.
  public struct Run: Sendable {
    /// The simulation it belongs to.
    public let simulation: String
    /// The run's identifier (`discharge[np=1.0, current=2.8 mA/cm2]`).
    public let id: String
    /// Its sweep coordinates, SI by axis name.
    public let coordinates: [String: Double]
    /// Its result row (nil when the engine refused the job: a gap, not a zero).
    public let row: ResultRow?
    /// Why it did not complete, if it did not.
    public let failure: String?
    /// The curves figures draw from it, when kept.
    public let curves: RunCurves?

    /// A run.
    public init(
      simulation: String, id: String, coordinates: [String: Double], row: ResultRow?,
      failure: String?, curves: RunCurves?
    ) {
      self.simulation = simulation
      self.id = id
      self.coordinates = coordinates
      self.row = row
      self.failure = failure
      self.curves = curves
    }
  }

  /// Result rows by simulation name.
  public let rows: [String: [ResultRow]]
  /// Verdicts by claim id.
  public let verdicts: [String: ClaimVerdict]
  /// The curves of the runs that curve and profile figures plot, by simulation name.
  public let curves: [String: [CurveRun]]
  /// The runs that did not complete, with where they sit in the sweep and why.
  public let failedRuns: [FailedRun]

  /// A run that did not complete.
  public struct FailedRun: Sendable {
    /// The run's identifier.
    public let id: String
    /// The simulation it belongs to.
    public let simulation: String
    /// Its sweep coordinates, SI by axis name.
    public let coordinates: [String: Double]
    /// Why it stopped.
    public let reason: String
  }

  /// One run's curves with its sweep coordinates (SI).
  public struct CurveRun: Sendable {
    /// The run's sweep coordinates.
    public let coordinates: [String: Double]
    /// Its curves.
    public let curves: RunCurves
  }

  /// Collects the results of `runs` (in plan order) and evaluates the claims of `study` on
  /// them.
  public init(study: Study, runs: [Run]) {
    var bySimulation: [String: [ResultRow]] = [:]
    var curvesBySimulation: [String: [CurveRun]] = [:]
    var failedRuns: [FailedRun] = []
    for run in runs {
      if let failure = run.failure {
        failedRuns.append(
          FailedRun(
            id: run.id, simulation: run.simulation, coordinates: run.coordinates, reason: failure))
      }
      if let row = run.row { bySimulation[run.simulation, default: []].append(row) }
      if let curves = run.curves {
        curvesBySimulation[run.simulation, default: []].append(
          CurveRun(coordinates: run.coordinates, curves: curves))
      }
    }
    var verdicts: [String: ClaimVerdict] = [:]
    for claim in study.claims {
      verdicts[claim.id] = ClaimEvaluator.evaluate(
        claim, results: bySimulation, observations: study.observations)
    }
    self.rows = bySimulation
    self.verdicts = verdicts
    self.curves = curvesBySimulation
    self.failedRuns = failedRuns
  }

  /// The rows of `simulation` that `selection`'s fixed values select.
  public func rows(of simulation: String, fixed: [String: Double]) -> [ResultRow] {
    (rows[simulation] ?? []).filter { ResultSelection.matches($0.coordinates, fixed: fixed) }
  }
}
