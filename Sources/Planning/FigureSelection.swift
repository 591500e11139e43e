import StudyModel

/// Which jobs curve and profile figures draw, so that their curves are kept.
enum FigureSelection {
  /// Whether a curve or profile figure draws `job` (sweep and cycle figures read result rows).
  static func needsCurves(_ job: PlannedJob, figures: [FigureSpec]) -> Bool {
    figures.contains { figure in
      figure.kind == .curve
        || figure.kind == .profile
          && figure.panels.contains {
            $0.selection.simulation == job.simulation && $0.selects(job.coordinateValues)
          }
    }
  }
}
