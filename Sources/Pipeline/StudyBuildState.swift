import Analysis
import Foundation
import Planning
import Reports
import StudyModel

/// What the build knows of one study as the steps go: each step fills in its part.
final class StudyBuildState {
  /// The study as loaded, with fitted values in its cells once the fit step ran.
  var study: Study
  /// Each fit's result, in the order declared.
  var fits: [FitResult] = []
  /// Its folder.
  let folder: String
  /// The plan and the runs (reused or simulated).
  var runs: StudyRuns?
  /// Results and verdicts.
  var analysis: StudyAnalysis?
  /// Figures and tables, numbered.
  var floats: [ReportFloat] = []

  init(study: Study) {
    self.study = study
    folder = (study.path as NSString).deletingLastPathComponent
  }

  /// The entry the site lists.
  var entry: StudyEntry { StudyEntry(slug: study.slug, title: study.title, folder: folder) }

  /// Where each run's time series goes in the site, relative to the study page.
  var seriesPaths: [Int: String] {
    guard let runs else { return [:] }
    var paths: [Int: String] = [:]
    for (index, job) in runs.jobs.enumerated() {
      guard let file = runs.series[index] else { continue }
      let number = String(format: "%03d", index + 1)
      paths[index] = "data/runs/\(number)-\(job.simulation).\(file.fileExtension)"
    }
    return paths
  }

  /// Where each run in cycles has its per-cycle table in the site, relative to the study page.
  var cyclePaths: [Int: String] {
    guard let runs else { return [:] }
    var paths: [Int: String] = [:]
    for (index, job) in runs.jobs.enumerated() where !(runs.records[index]?.cycles.isEmpty ?? true)
    {
      let number = String(format: "%03d", index + 1)
      paths[index] = "data/runs/\(number)-\(job.simulation).cycles.csv"
    }
    return paths
  }
}
