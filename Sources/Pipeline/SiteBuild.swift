import Foundation
import Reports
import StudyLoader
import StudyModel

/// `cellbook build`: load the studies, write their pages, publish the site atomically.
public struct SiteBuild {
  /// What the build produced.
  public struct Summary: Sendable, Equatable {
    /// The studies on the site.
    public let studies: [StudyEntry]
    /// The path of the site's front page.
    public let indexPath: String
  }

  private let options: BuildOptions
  private let log: (String) -> Void

  /// A build with `options` that reports progress through `log`.
  public init(options: BuildOptions, log: @escaping (String) -> Void) {
    self.options = options
    self.log = log
  }

  private static let steps = [
    "load studies", "simulate and check claims", "draw figures and write pages", "publish",
  ]

  private func announce(_ index: Int) {
    log("[\(index + 1)/\(SiteBuild.steps.count)] \(SiteBuild.steps[index])")
  }

  /// Runs the build; on failure the output folder is left as it was.
  public func run() -> Result<Summary, BuildFailure> {
    announce(0)
    let loaded: [Study]
    switch loadStudies() {
    case .success(let studies): loaded = studies
    case .failure(let list):
      return .failure(BuildFailure(step: SiteBuild.steps[0], diagnostics: list.diagnostics))
    }
    let studies = loaded.map {
      StudyEntry(
        slug: $0.slug, title: $0.title, folder: ($0.path as NSString).deletingLastPathComponent)
    }
    announce(1)
    var analyses: [String: StudyAnalysis] = [:]
    for study in loaded where !study.simulations.isEmpty {
      let analysis = StudyAnalysis.run(
        study, cacheRoot: cacheFolder, ignoreCache: options.ignoreCache,
        workers: options.workers, log: log)
      switch analysis {
      case .success(let analysis):
        analyses[study.slug] = analysis
        for failure in analysis.failures { log("  warning: \(failure)") }
      case .failure(let list):
        return .failure(BuildFailure(step: SiteBuild.steps[1], diagnostics: list.diagnostics))
      }
    }
    let output = OutputFolder(target: options.outputFolder)
    do {
      announce(2)
      try writePages(studies: loaded, analyses: analyses, into: output)
      announce(3)
      try output.publish()
    } catch let failure as BuildFailure {
      output.discard()
      return .failure(failure)
    } catch {
      output.discard()
      let at = SourceLocation(file: options.outputFolder)
      return .failure(
        BuildFailure(
          step: "publish",
          diagnostics: [Diagnostic(.error, at: at, "\(error.localizedDescription)")]))
    }
    return .success(Summary(studies: studies, indexPath: "\(output.target)/index.html"))
  }

  /// Where results are cached: `.cellbook/cache/{rows,curves}` beside the studies folder.
  private var cacheFolder: String {
    let project = (options.studiesRoot as NSString).deletingLastPathComponent
    return (project.isEmpty ? "" : project + "/") + ".cellbook/cache"
  }

  private func loadStudies() -> Result<[Study], DiagnosticList> {
    let folders =
      options.studyFolders.isEmpty
      ? StudyDiscovery.studyFolders(in: options.studiesRoot) : options.studyFolders
    var studies: [Study] = []
    var problems: [Diagnostic] = []
    for folder in folders {
      switch StudyFileLoader.load(folder: trimmed(folder)) {
      case .success(let study): studies.append(study)
      case .failure(let list): problems += list.diagnostics
      }
    }
    return problems.isEmpty ? .success(studies) : .failure(DiagnosticList(problems))
  }

  private func trimmed(_ folder: String) -> String {
    folder.hasSuffix("/") ? String(folder.dropLast()) : folder
  }

  private func writePages(
    studies: [Study], analyses: [String: StudyAnalysis], into output: OutputFolder
  )
    throws
  {
    let entries = studies.map {
      StudyEntry(
        slug: $0.slug, title: $0.title, folder: ($0.path as NSString).deletingLastPathComponent)
    }
    let templates: SiteTemplates
    do {
      templates = try SiteTemplates(overrideFolder: options.templatesFolder)
    } catch {
      throw BuildFailure(
        step: SiteBuild.steps[1],
        diagnostics: [Diagnostic(.error, at: SourceLocation(file: error.path), error.message)])
    }
    try output.prepare()
    try output.write(IndexPage.html(studies: entries, templates: templates), to: "index.html")
    try output.write(templates.stylesheet, to: "style.css")
    try output.write(OutputReadme.text, to: "README.md")
    for (study, entry) in zip(studies, entries) {
      var floatWriter = StudyFloats(
        study: study, analysis: analyses[study.slug], cacheFolder: cacheFolder + "/figures",
        ignoreCache: options.ignoreCache)
      let floats = try floatWriter.write(into: output)
      if !study.figures.isEmpty {
        log("  \(study.slug): \(floatWriter.reused) figures reused, \(floatWriter.drawn) drawn")
      }
      let reportPath = "\(entry.folder)/report.md"
      var report = FileManager.default.contents(atPath: reportPath)
        .map { String(decoding: $0, as: UTF8.self) }
      if let text = report {
        switch ReportAssembler.resolve(text, file: reportPath, floats: floats) {
        case .success(let resolved): report = resolved
        case .failure(let list):
          throw BuildFailure(step: SiteBuild.steps[2], diagnostics: list.diagnostics)
        }
      }
      // Generated sections the author places in the prose.
      let verdicts = analyses[study.slug]?.verdicts ?? [:]
      report = report?.replacingOccurrences(
        of: "{{claims}}", with: ClaimsSection.markdown(claims: study.claims, verdicts: verdicts))
      let html = try StudyPage.html(
        study: entry, report: report, floats: floats, templates: templates)
      try output.write(html, to: "\(study.slug)/index.html")
    }
  }
}

/// The note every generated site carries, so the folder explains itself.
enum OutputReadme {
  static let text = """
    # output/

    This folder is generated by `cellbook build` from the studies in `studies/`.
    Do not edit it: every build replaces it whole. Open `index.html` in a browser.

    """
}
