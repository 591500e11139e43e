import Analysis
import Foundation
import Planning
import Reports
import Review
import StudyLoader
import StudyModel

/// `cellbook build`: load, check, plan, simulate, analyse, draw, write and publish, each a
/// named step over one shared state; the site replaces the output folder only when every
/// step succeeded.
public final class SiteBuild {
  /// What the build produced.
  public struct Summary: Sendable, Equatable {
    /// The studies on the site.
    public let studies: [StudyEntry]
    /// The path of the site's front page.
    public let indexPath: String
    /// Simulations run in this build.
    public let simulated: Int
    /// Simulations reused from the cache.
    public let reused: Int
  }

  private let options: BuildOptions
  private let progressStyle: ProgressStyle
  private let log: (String) -> Void
  private var states: [StudyBuildState] = []
  /// Read once, by the check step, so a broken override stops the build before anything runs.
  private var loadedTemplates: SiteTemplates?
  private let output: OutputFolder

  /// A build with `options` that reports through `log` (simulation progress as `progress`).
  public init(
    options: BuildOptions, progress: ProgressStyle = .lines, log: @escaping (String) -> Void
  ) {
    self.options = options
    self.progressStyle = progress
    self.log = log
    output = OutputFolder(target: options.outputFolder)
  }

  /// Runs every step; on failure the output folder is left as it was.
  public func run() -> Result<Summary, BuildFailure> {
    for step in BuildStep.allCases {
      log("[\(step.rawValue + 1)/\(BuildStep.allCases.count)] \(step.title)")
      do {
        try perform(step)
      } catch let failure as BuildFailure {
        output.discard()
        return .failure(failure)
      } catch {
        output.discard()
        let at = SourceLocation(file: options.outputFolder)
        return .failure(
          BuildFailure(
            step: step.title,
            diagnostics: [Diagnostic(.error, at: at, "\(error.localizedDescription)")]))
      }
    }
    let reused = states.reduce(0) {
      $0 + ($1.runs?.records.filter { $0?.reused == true }.count ?? 0)
    }
    let total = states.reduce(0) { $0 + ($1.runs?.jobs.count ?? 0) }
    return .success(
      Summary(
        studies: states.map(\.entry), indexPath: "\(output.target)/index.html",
        simulated: total - reused, reused: reused))
  }

  private func perform(_ step: BuildStep) throws {
    switch step {
    case .load: try load()
    case .check: try check()
    case .fit: fit()
    case .plan: plan()
    case .simulate: simulate()
    case .analyse: analyse()
    case .draw: try draw()
    case .write: try write()
    case .publish: try publish()
    }
  }

  /// The project folder: the parent of the studies folder.
  private var projectFolder: String {
    (options.studiesRoot as NSString).deletingLastPathComponent
  }

  /// Where results are cached: `.cellbook/cache/` in the project folder.
  private var cacheFolder: String {
    (projectFolder.isEmpty ? "" : projectFolder + "/") + ".cellbook/cache"
  }

  private func failure(_ step: BuildStep, _ diagnostics: [Diagnostic]) -> BuildFailure {
    BuildFailure(step: step.title, diagnostics: diagnostics)
  }

  // MARK: - Steps

  private func load() throws {
    let folders =
      options.studyFolders.isEmpty
      ? StudyDiscovery.studyFolders(in: options.studiesRoot) : options.studyFolders
    var problems: [Diagnostic] = []
    for folder in folders {
      let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
      switch StudyFileLoader.load(folder: trimmed) {
      case .success(let study): states.append(StudyBuildState(study: study))
      case .failure(let list): problems += list.diagnostics
      }
    }
    guard problems.isEmpty else { throw failure(.load, problems) }
    log("  \(states.count) \(states.count == 1 ? "study" : "studies")")
  }

  private func check() throws {
    _ = try templates()
    var problems: [Diagnostic] = []
    for state in states {
      // The loader has checked the report's values; its placements and references need the
      // floats, whose placeholders carry the final labels (numbering depends on declarations
      // only).
      guard let report = state.study.report else { continue }
      let floats = FloatNumbering.labels(state.study).map {
        ReportFloat(id: $0, label: $1, html: "")
      }
      if case .failure(let list) = ReportAssembler.resolve(
        report.text, file: report.path, floats: floats)
      {
        problems += list.diagnostics
      }
    }
    guard problems.isEmpty else { throw failure(.check, problems) }
  }

  private func fit() {
    for state in states where !state.study.fits.isEmpty {
      state.fits = state.study.fits.map { fit in
        let result = FitRunner.run(
          fit, study: state.study, cacheRoot: cacheFolder, ignoreCache: options.ignoreCache,
          workers: options.workers)
        let how = result.reused ? "reused from the cache" : "\(result.evaluations) simulations"
        log(
          "  \(state.study.slug): fit \(fit.id): objective \(String(format: "%.3g", result.initialObjective)) → \(String(format: "%.3g", result.objective)) (\(how))"
        )
        return result
      }
      state.study = FitRunner.applying(state.fits, to: state.study)
    }
    if states.allSatisfy({ $0.study.fits.isEmpty }) { log("  nothing to fit") }
  }

  private func plan() {
    for state in states where !state.study.simulations.isEmpty {
      let jobs = StudyPlanner.plan(state.study)
      let runs = StudyRuns(
        study: state.study, jobs: jobs, cacheRoot: cacheFolder, ignoreCache: options.ignoreCache)
      state.runs = runs
      let reasons = Dictionary(grouping: runs.reasons.values, by: { $0 })
        .map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
      log(
        "  \(state.study.slug): \(jobs.count) runs, \(jobs.count - runs.pending.count) reused from the cache, \(runs.pending.count) to simulate\(reasons.isEmpty ? "" : " (\(reasons))")"
      )
    }
  }

  private func simulate() {
    let total = states.reduce(0) { $0 + ($1.runs?.pending.count ?? 0) }
    guard total > 0 else {
      log("  nothing to simulate")
      return
    }
    let progress = SweepProgress(total: total, style: progressStyle, log: log)
    for state in states {
      guard var runs = state.runs, !runs.pending.isEmpty else { continue }
      runs.simulate(workers: options.workers) { progress.finished(completed: $0) }
      state.runs = runs
    }
  }

  private func analyse() {
    for state in states {
      guard let runs = state.runs else { continue }
      let analysis = StudyAnalysis(study: state.study, runs: runs.analysed)
      state.analysis = analysis
      let passed = analysis.verdicts.values.filter { $0.outcome == .pass }.count
      if !state.study.claims.isEmpty {
        log("  \(state.study.slug): \(passed)/\(state.study.claims.count) claims pass")
      }
      for run in analysis.failedRuns { log("  warning: \(run.id): \(run.reason)") }
    }
  }

  private func draw() throws {
    try output.prepare()
    for state in states {
      var writer = StudyFloats(
        study: state.study, analysis: state.analysis, cacheFolder: cacheFolder + "/figures",
        ignoreCache: options.ignoreCache)
      state.floats = try writer.write(into: output)
      if !state.study.figures.isEmpty {
        log("  \(state.study.slug): \(writer.reused) figures reused, \(writer.drawn) drawn")
      }
    }
  }

  /// The site's templates, read on first use.
  private func templates() throws -> SiteTemplates {
    if let loadedTemplates { return loadedTemplates }
    do {
      let templates = try SiteTemplates(overrideFolder: options.templatesFolder)
      loadedTemplates = templates
      return templates
    } catch {
      throw failure(
        .check, [Diagnostic(.error, at: SourceLocation(file: error.path), error.message)])
    }
  }

  private func write() throws {
    let templates = try templates()
    let manifests = ManifestBuilder(
      projectFolder: projectFolder, environment: ProcessInfo.processInfo.environment)
    let archived =
      options.archiveLabel != nil
      || FileManager.default.fileExists(atPath: "\(output.target)/archive/index.html")
    try output.write(
      IndexPage.html(cards: states.map(card), archive: archived, templates: templates),
      to: "index.html")
    try output.write(templates.stylesheet, to: "style.css")
    try output.write(OutputReadme.text, to: "README.md")
    for state in states {
      let slug = state.study.slug
      let seriesPaths = state.seriesPaths
      let cyclePaths = state.cyclePaths
      let manifest = manifests.manifest(
        study: state.study, reportPath: state.study.report?.path,
        runs: state.runs, analysis: state.analysis, seriesPaths: seriesPaths,
        cyclePaths: cyclePaths, fits: state.fits)
      try output.write(try manifest.json(), to: "\(slug)/manifest.json")
      for (index, path) in seriesPaths {
        if let file = state.runs?.series[index] {
          try output.write(file.bytes, to: "\(slug)/\(path)")
        }
      }
      for (index, path) in cyclePaths {
        if let cycles = state.runs?.records[index]?.cycles {
          let from = state.runs?.jobs[index].job.cycling?.retentionFrom ?? 1
          try output.write(
            CycleTableCSV.text(cycles, retentionFrom: from), to: "\(slug)/\(path)")
        }
      }
      var report: String?
      if let loaded = state.study.report {
        // Values first, while lines and columns are still the author's.
        let valued: String
        switch InlineValues.resolve(loaded, analysis: state.analysis) {
        case .success(let resolved): valued = resolved
        case .failure(let list): throw failure(.write, list.diagnostics)
        }
        switch ReportAssembler.resolve(
          valued, file: loaded.path, floats: state.floats,
          sections: sections(state, manifest: manifest))
        {
        case .success(let resolved): report = resolved
        case .failure(let list): throw failure(.write, list.diagnostics)
        }
      }
      let html = try StudyPage.html(
        study: state.entry, report: report, floats: state.floats, templates: templates)
      try output.write(html, to: "\(slug)/index.html")
    }
  }

  /// The generated sections a report places with `{{name}}`, made when placed.
  private func sections(_ state: StudyBuildState, manifest: StudyManifest) -> [String: () -> String]
  {
    let study = state.study
    let analysis = state.analysis
    return [
      "claims": {
        ClaimsSection.markdown(claims: study.claims, verdicts: analysis?.verdicts ?? [:])
      },
      "comparison": { ComparisonSection.markdown(study: study, analysis: analysis) },
      "fits": { FitsSection.markdown(fits: study.fits, results: state.fits) },
      "parameters": { ParameterSection.markdown(study: study) },
      "protocols": { ProtocolSection.markdown(study: study) },
      "provenance": { ProvenanceSection.markdown(manifest) },
    ]
  }

  private func card(_ state: StudyBuildState) -> IndexPage.Card {
    let figure = state.study.figures.first { !$0.supplementary }
    // The thumbnail is the figure's PNG, when the draw step wrote one.
    let drawn = figure.flatMap { spec in
      FileManager.default.fileExists(
        atPath: "\(output.staging)/\(state.study.slug)/figures/\(spec.id).png")
        ? state.floats.first { $0.id == spec.id } : nil
    }
    let verdicts = state.analysis?.verdicts.values.filter { $0.outcome == .pass }.count ?? 0
    return IndexPage.Card(
      slug: state.study.slug, title: state.study.title, summary: state.study.summary,
      claimsPassed: verdicts, claimsTotal: state.study.claims.count,
      thumbnail: drawn.map { "\(state.study.slug)/figures/\($0.id).png" },
      thumbnailAlt: figure.map { "\(drawn?.label ?? "Figure"): \($0.caption)" } ?? "")
  }

  private func publish() throws {
    let archive = SiteArchive(target: output.target, staging: output.staging)
    try archive.carryOver()
    if let label = options.archiveLabel {
      let templates = try templates()
      for state in states {
        try archive.freeze(study: state.study.slug, title: state.study.title, label: label)
      }
      try archive.writeIndexes(templates: templates)
      log("  archived as '\(label)' under \(output.target)/archive/")
    }
    try output.publish()
  }
}

/// The note every generated site carries, so the folder explains itself.
enum OutputReadme {
  static let text = """
    # output/

    This folder is generated by `cellbook build` from the studies in `studies/`.
    Do not edit it: every build replaces it whole (except `archive/`, which each build
    carries over). Open `index.html` in a browser.

    """
}
