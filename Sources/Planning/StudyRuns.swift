import Analysis
import Engine
import Foundation
import StudyModel

/// A study's planned simulations and what became of each: reused from the cache or run now.
public struct StudyRuns: Sendable {
  /// The plan, in order.
  public let jobs: [PlannedJob]
  /// One record per job once it has a result (reused or run).
  public private(set) var records: [RunRecord?]
  /// The curves of the jobs that curve and profile figures draw, by job index.
  public private(set) var curves: [Int: RunCurves] = [:]
  /// The raw time series of every job, by job index.
  public private(set) var series: [Int: RunSeriesFile] = [:]
  /// Jobs that still need simulating, by index.
  public private(set) var pending: [Int] = []
  /// Why each pending job is recomputed ("not in the cache", "--no-cache").
  public private(set) var reasons: [Int: String] = [:]

  private let study: Study
  private let cache: CacheFolders

  /// Where each kind of cached result lives.
  public struct CacheFolders: Sendable {
    let root: String
    var records: ResultCache { ResultCache(folder: root + "/runs") }
    var curves: ResultCache { ResultCache(folder: root + "/curves") }
    var series: String { root + "/series" }
  }

  /// What the analysis reads of each run that has a result, in plan order.
  public var analysed: [StudyAnalysis.Run] {
    jobs.indices.compactMap { index in
      guard let record = records[index] else { return nil }
      let job = jobs[index]
      return StudyAnalysis.Run(
        simulation: job.simulation, id: record.id, coordinates: job.coordinateValues,
        row: record.refused ? nil : record.row, failure: record.failure, curves: curves[index])
    }
  }

  /// Looks up every job in the cache; what is missing is pending.
  public init(study: Study, jobs: [PlannedJob], cacheRoot: String, ignoreCache: Bool) {
    self.study = study
    self.jobs = jobs
    self.cache = CacheFolders(root: cacheRoot)
    records = Array(repeating: nil, count: jobs.count)
    for (index, job) in jobs.enumerated() {
      let wantsCurves = FigureSelection.needsCurves(job, figures: study.figures)
      guard !ignoreCache else {
        pending.append(index)
        reasons[index] = "--no-cache"
        continue
      }
      let record = cache.records.value(job.contentHash, as: RunRecord.self)
      let runCurves = wantsCurves ? cache.curves.value(job.contentHash, as: RunCurves.self) : nil
      let file = RunSeriesFile.cached(job.contentHash, in: cache.series)
      // A job the engine refused has no curves to keep; its record alone is the result.
      if var record, file != nil, !wantsCurves || runCurves != nil || record.refused {
        record.reused = true
        records[index] = record
        curves[index] = runCurves
        series[index] = file
      } else {
        pending.append(index)
        reasons[index] =
          record == nil ? "not in the cache" : "cached without the data a figure needs"
      }
    }
  }

  /// Runs the pending jobs (jobs of one mesh share a solver structure and run as one sweep),
  /// storing each result in the cache; `finished` hears of each job as it ends (from the
  /// worker threads), with whether it completed.
  public mutating func simulate(
    workers: Int, finished: (@Sendable (_ completed: Bool) -> Void)? = nil
  ) {
    let groups = Dictionary(grouping: pending) { jobs[$0].options }
    for (options, indices) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
      let planned = indices.map { jobs[$0] }
      let figures = study.figures
      let cache = cache
      // Records, curves and raw series are made and stored on the worker that ran the job.
      let outcomes = SweepRunner.run(
        planned.map(\.job), options: options, workers: workers
      ) { position, result, seconds in
        let outcome = RunOutcome(
          job: planned[position], result: result, seconds: seconds, figures: figures)
        outcome.store(in: cache)
        finished?(outcome.record.completed)
        return outcome
      }
      for (index, outcome) in zip(indices, outcomes) {
        records[index] = outcome.record
        curves[index] = outcome.curves
        series[index] = outcome.series
      }
    }
    pending = []
  }
}

/// What one finished job leaves: its record, the curves figures need and its raw series.
private struct RunOutcome: Sendable {
  let record: RunRecord
  let curves: RunCurves?
  let series: RunSeriesFile

  init(
    job: PlannedJob, result: Result<RunResult, SimulationError>, seconds: Double,
    figures: [FigureSpec]
  ) {
    switch result {
    case .success(let run):
      record = RunRecord(job: job, run: run, wallSeconds: seconds)
      curves =
        FigureSelection.needsCurves(job, figures: figures)
        ? RunCurves(run: run, cell: job.job.cell) : nil
      series =
        (try? RunSeriesFile(run: run))
        ?? RunSeriesFile(fileExtension: "csv", bytes: Data(TimeSeriesCSV.text(run).utf8))
    case .failure(let error):
      record = RunRecord(job: job, error: error)
      curves = nil
      series = RunSeriesFile(
        fileExtension: "csv",
        bytes: Data((TimeSeriesCSV.columns.joined(separator: ",") + "\n").utf8))
    }
  }

  /// Stores the outcome under the job's hash.
  ///
  /// Failures are kept too: the engine is deterministic, so the same inputs fail again;
  /// `--no-cache` retries them.
  func store(in cache: StudyRuns.CacheFolders) {
    let hash = record.hash
    if let curves { try? cache.curves.store(curves, hash: hash) }
    try? series.store(hash, in: cache.series)
    // The record goes last: a record in the cache means the rest is there too.
    try? cache.records.store(record, hash: hash)
  }
}
