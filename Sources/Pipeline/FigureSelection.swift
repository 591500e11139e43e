import StudyModel

/// Which runs a figure panel draws: the runs of its simulation at its fixed axis values, and,
/// when a series axis is named, at the series values it lists.
enum FigureSelection {
  /// Whether `coordinates` (SI, by axis) match the panel's selection and series values.
  static func matches(_ coordinates: [String: Double], panel: PanelSpec) -> Bool {
    guard matches(coordinates, fixed: panel.selection.fixed) else { return false }
    if let series = panel.series, let values = panel.seriesValues {
      guard let actual = coordinates[series], values.contains(where: { close($0, actual) }) else {
        return false
      }
    }
    return true
  }

  /// Whether `coordinates` take every fixed value of a selection.
  static func matches(_ coordinates: [String: Double], fixed: [String: Double]) -> Bool {
    fixed.allSatisfy { axis, value in coordinates[axis].map { close($0, value) } ?? false }
  }

  /// Whether a curve or profile figure draws `job`, so its curves must be kept.
  static func needsCurves(_ job: PlannedJob, figures: [FigureSpec]) -> Bool {
    figures.contains { figure in
      figure.kind != .sweep
        && figure.panels.contains {
          $0.selection.simulation == job.simulation
            && matches(job.coordinateValues, panel: $0)
        }
    }
  }

  /// Equality to nine significant digits: sweep values come from unit conversion.
  static func close(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)
  }
}
