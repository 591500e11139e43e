import Foundation
import Reports
import StudyModel

/// What the build knows of one study as the steps go: each step fills in its part.
final class StudyBuildState {
  /// The study as loaded.
  let study: Study
  /// Its folder.
  let folder: String
  /// Its `report.md` path, and the text when the file exists.
  let reportPath: String
  let reportText: String?
  /// The plan and the runs (reused or simulated).
  var runs: StudyRuns?
  /// Results and verdicts.
  var analysis: StudyAnalysis?
  /// Figures and tables, numbered.
  var floats: [ReportFloat] = []

  init(study: Study) {
    self.study = study
    folder = (study.path as NSString).deletingLastPathComponent
    reportPath = "\(folder)/report.md"
    reportText = FileManager.default.contents(atPath: reportPath).map {
      String(decoding: $0, as: UTF8.self)
    }
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
}
