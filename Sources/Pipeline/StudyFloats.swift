import Analysis
import Figures
import Foundation
import Planning
import Reports
import StudyModel

/// Draws a study's figures and fills its tables into the staged site, numbered in the order
/// they are declared (supplementary ones as S1, S2, …), and returns them as report floats.
struct StudyFloats {
  let study: Study
  let analysis: StudyAnalysis?
  /// Where drawn figures are cached by the hash of what they show.
  let cacheFolder: String
  let ignoreCache: Bool

  /// Figures drawn and figures reused in this build.
  private(set) var drawn = 0
  private(set) var reused = 0

  /// Changes whenever figure drawing changes, so cached figures are redrawn.
  static let figureVersion = "cellbook-figures-1 DejaVu Sans"

  mutating func write(into output: OutputFolder) throws -> [ReportFloat] {
    let labels = FloatNumbering.labels(study)
    var floats: [ReportFloat] = []
    for spec in study.figures {
      floats.append(try figure(spec, label: labels[spec.id] ?? spec.id, output: output))
    }
    for spec in study.tables {
      floats.append(try table(spec, label: labels[spec.id] ?? spec.id, output: output))
    }
    return floats
  }

  private mutating func figure(_ spec: FigureSpec, label: String, output: OutputFolder) throws
    -> ReportFloat
  {
    guard let analysis else {
      return .missingFigure(
        id: spec.id, label: label, caption: spec.caption, reason: "the study has no results")
    }
    let figure: Figure
    switch StudyFigures.figure(spec, analysis: analysis, datasets: study.datasets) {
    case .success(let built): figure = built
    case .failure(let gap):
      return .missingFigure(id: spec.id, label: label, caption: spec.caption, reason: gap.reason)
    }
    var downloads: [ReportFloat.Download] = []
    for (name, bytes) in try files(of: figure, name: spec.id) {
      let folder = name.hasSuffix(".csv") ? "data" : "figures"
      try output.write(Data(bytes), to: "\(study.slug)/\(folder)/\(name)")
      guard !name.hasSuffix(".svg") else { continue }
      var title = String(name.split(separator: ".").last ?? "").uppercased()
      if name.hasSuffix(".csv") {
        // Per-panel data files end in -a, -b, …
        let stem = name.dropLast(4)
        title = stem.count > spec.id.count ? "data (\(stem.suffix(1)))" : "data"
      }
      downloads.append(ReportFloat.Download(title: title, path: "\(folder)/\(name)"))
    }
    return .figure(
      id: spec.id, label: label, caption: spec.caption, image: "figures/\(spec.id).svg",
      widthPixels: Int(figure.width.points * 1.5), downloads: downloads,
      gaps: gaps(of: spec, analysis: analysis))
  }

  /// The failed runs a figure's panels select: shown under the figure with their reasons.
  private func gaps(of spec: FigureSpec, analysis: StudyAnalysis) -> [String] {
    analysis.failedRuns.filter { run in
      spec.panels.contains { panel in
        panel.selection.simulation == run.simulation
          && panel.selects(run.coordinates)
      }
    }.map { "\($0.id) (\($0.reason))" }
  }

  /// The files of `figure`, from the figure cache when the same figure was drawn before.
  private mutating func files(of figure: Figure, name: String) throws -> [(String, [UInt8])] {
    let hash = ContentHash.of(Self.figureVersion + name + String(describing: figure))
    let folder = "\(cacheFolder)/\(hash)"
    let manager = FileManager.default
    if !ignoreCache, let names = try? manager.contentsOfDirectory(atPath: folder), !names.isEmpty {
      let files = names.sorted().compactMap { file in
        manager.contents(atPath: "\(folder)/\(file)").map { (file, [UInt8]($0)) }
      }
      if files.count == names.count {
        reused += 1
        return files
      }
    }
    let files = try FigureFiles().files(figure, name: name)
    drawn += 1
    let staging = "\(folder).partial-\(ProcessInfo.processInfo.processIdentifier)"
    try? manager.removeItem(atPath: staging)
    try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
    for (file, bytes) in files {
      try Data(bytes).write(to: URL(fileURLWithPath: "\(staging)/\(file)"))
    }
    try? manager.removeItem(atPath: folder)
    try manager.moveItem(atPath: staging, toPath: folder)
    return files.sorted { $0.0 < $1.0 }
  }

  private func table(_ spec: TableSpec, label: String, output: OutputFolder) throws -> ReportFloat {
    let rows = (analysis?.rows(of: spec.selection.simulation, fixed: spec.selection.fixed) ?? [])
      .sorted { ($0.coordinates[spec.rows] ?? 0) < ($1.coordinates[spec.rows] ?? 0) }
    let rowLabel = FigureLabels.axis(spec.rows)
    let labels = spec.columns.map(FigureLabels.quantity)
    let headers = ([rowLabel] + labels).map(\.header)
    var csv = [headers.map(Self.csvField).joined(separator: ",")]
    var body: [[String]] = []
    for row in rows {
      let first = (row.coordinates[spec.rows] ?? .nan) * rowLabel.scale
      let values = zip(spec.columns, labels).map { ($0.1.scale) * (row[$0.0] ?? .nan) }
      csv.append(([first] + values).map(FigureData.number).joined(separator: ","))
      body.append(([first] + values).map(Self.display))
    }
    try output.write(csv.joined(separator: "\n") + "\n", to: "\(study.slug)/data/\(spec.id).csv")
    return .table(
      id: spec.id, label: label, caption: spec.caption,
      header: headers, rows: body,
      downloads: [ReportFloat.Download(title: "data", path: "data/\(spec.id).csv")])
  }

  /// Four significant digits for tables.
  static func display(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.4g", value)
  }

  private static func csvField(_ text: String) -> String {
    text.contains(",") ? "\"\(text)\"" : text
  }
}
