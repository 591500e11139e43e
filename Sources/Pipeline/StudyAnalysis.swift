import Engine
import Foundation
import StudyModel

/// A study's results: every planned simulation run (or reused), and the claims evaluated.
struct StudyAnalysis {
  /// Result rows by simulation name.
  let rows: [String: [ResultRow]]
  /// Verdicts by claim id.
  let verdicts: [String: ClaimVerdict]
  /// Jobs that did not complete, with the reason.
  let failures: [String]
  /// The curves of the runs that curve and profile figures plot, by simulation name.
  let curves: [String: [CurveRun]]
  /// Simulations run in this build (the rest were reused).
  let simulatedCount: Int
  /// Jobs planned.
  let jobCount: Int

  /// One run's curves with its sweep coordinates (SI).
  struct CurveRun {
    let coordinates: [String: Double]
    let curves: RunCurves
  }

  /// Plans, simulates (reusing cached rows) and evaluates the claims of `study`.
  static func run(
    _ study: Study, cacheRoot: String, ignoreCache: Bool = false, workers: Int,
    log: (String) -> Void
  ) -> Result<StudyAnalysis, DiagnosticList> {
    let jobs: [PlannedJob]
    switch StudyPlanner.plan(study) {
    case .success(let planned): jobs = planned
    case .failure(let list): return .failure(list)
    }
    let cache = ResultCache(folder: cacheRoot + "/rows")
    let curveCache = ResultCache(folder: cacheRoot + "/curves")
    var rows: [Int: ResultRow] = [:]
    var curves: [Int: RunCurves] = [:]
    var pending: [Int] = []
    for (index, job) in jobs.enumerated() {
      let wantsCurves = FigureSelection.needsCurves(job, figures: study.figures)
      let cachedCurves =
        wantsCurves ? curveCache.value(job.contentHash, as: RunCurves.self) : nil
      if !ignoreCache, let row = cache.row(job.contentHash), !wantsCurves || cachedCurves != nil {
        rows[index] = row
        curves[index] = cachedCurves
      } else {
        pending.append(index)
      }
    }
    var failures: [String] = []
    // Jobs of one mesh share a solver structure; run each group as one sweep.
    let groups = Dictionary(grouping: pending) { jobs[$0].options }
    for (options, indices) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
      log("  \(study.slug): running \(indices.count) simulation\(indices.count == 1 ? "" : "s")")
      let results = SweepRunner.run(
        indices.map { jobs[$0].job }, options: options, workers: workers)
      for (index, result) in zip(indices, results) {
        let job = jobs[index]
        switch result {
        case .success(let run):
          if !run.completed {
            failures.append("\(job.job.id): \(run.failure?.description ?? "incomplete")")
          }
          let row = ResultRowBuilder.row(
            coordinates: job.coordinateValues, run: run, cell: job.job.cell)
          rows[index] = row
          if run.completed { try? cache.store(row, hash: job.contentHash) }
          if FigureSelection.needsCurves(job, figures: study.figures) {
            let runCurves = RunCurves(run: run, cell: job.job.cell)
            curves[index] = runCurves
            if run.completed { try? curveCache.store(runCurves, hash: job.contentHash) }
          }
        case .failure(let error):
          failures.append("\(job.job.id): \(error.description)")
        }
      }
    }
    log(
      "  \(study.slug): \(jobs.count - pending.count) reused from the cache, \(pending.count) simulated"
    )
    var bySimulation: [String: [ResultRow]] = [:]
    var curvesBySimulation: [String: [CurveRun]] = [:]
    for (index, job) in jobs.enumerated() {
      if let row = rows[index] { bySimulation[job.simulation, default: []].append(row) }
      if let runCurves = curves[index] {
        curvesBySimulation[job.simulation, default: []].append(
          CurveRun(coordinates: job.coordinateValues, curves: runCurves))
      }
    }
    var verdicts: [String: ClaimVerdict] = [:]
    for claim in study.claims {
      verdicts[claim.id] = ClaimEvaluator.evaluate(
        claim, results: bySimulation, observations: study.observations)
    }
    return .success(
      StudyAnalysis(
        rows: bySimulation, verdicts: verdicts, failures: failures, curves: curvesBySimulation,
        simulatedCount: pending.count, jobCount: jobs.count))
  }
}
