import Engine
import Foundation
import StudyModel

/// A study's results: the rows of every run, the curves figures draw, and the claims
/// evaluated.
struct StudyAnalysis {
  /// Result rows by simulation name.
  let rows: [String: [ResultRow]]
  /// Verdicts by claim id.
  let verdicts: [String: ClaimVerdict]
  /// The curves of the runs that curve and profile figures plot, by simulation name.
  let curves: [String: [CurveRun]]
  /// The runs that did not complete, with where they sit in the sweep and why.
  let failedRuns: [FailedRun]

  /// A run that did not complete.
  struct FailedRun {
    let id: String
    let simulation: String
    let coordinates: [String: Double]
    let reason: String
  }

  /// One run's curves with its sweep coordinates (SI).
  struct CurveRun {
    let coordinates: [String: Double]
    let curves: RunCurves
  }

  /// Collects the results of `runs` and evaluates the claims of `study` on them.
  init(study: Study, runs: StudyRuns) {
    var bySimulation: [String: [ResultRow]] = [:]
    var curvesBySimulation: [String: [CurveRun]] = [:]
    var failedRuns: [FailedRun] = []
    for (index, job) in runs.jobs.enumerated() {
      guard let record = runs.records[index] else { continue }
      if let failure = record.failure {
        failedRuns.append(
          FailedRun(
            id: record.id, simulation: job.simulation, coordinates: job.coordinateValues,
            reason: failure))
      }
      // A run the engine refused has no metrics: it leaves a gap instead of a zero.
      if !record.refused {
        bySimulation[job.simulation, default: []].append(record.row)
      }
      if let runCurves = runs.curves[index] {
        curvesBySimulation[job.simulation, default: []].append(
          CurveRun(coordinates: job.coordinateValues, curves: runCurves))
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
}
