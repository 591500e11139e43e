import Analysis
import Foundation
import Planning
import Reports
import StudyLoader
import StudyModel

/// Assembles a study's manifest from what the build loaded, ran and evaluated.
struct ManifestBuilder {
  /// The project folder that input paths are written relative to ("" for the current one).
  let projectFolder: String
  /// The tool's provenance (same for every study of a build).
  let tool: StudyManifest.Tool
  /// The build date, when `SOURCE_DATE_EPOCH` sets one.
  let builtAt: String?

  /// A builder for the project in `projectFolder`, reading git and the environment once.
  init(projectFolder: String, environment: [String: String]) {
    self.projectFolder = projectFolder
    let git = GitState.read(in: projectFolder.isEmpty ? "." : projectFolder)
    tool = StudyManifest.Tool(
      version: CellbookVersion.string, engine: StudyPlanner.engineVersion,
      figures: StudyFloats.figureVersion, gitCommit: git?.commit, gitClean: git?.clean)
    builtAt = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map { seconds in
      let formatter = ISO8601DateFormatter()
      formatter.timeZone = TimeZone(identifier: "UTC")
      return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
  }

  /// The manifest of `study` with its runs (series files named by `seriesPaths`, by job).
  func manifest(
    study: Study, reportPath: String?, runs: StudyRuns?, analysis: StudyAnalysis?,
    seriesPaths: [Int: String], cyclePaths: [Int: String], fits: [FitResult]
  ) -> StudyManifest {
    var files = study.inputFiles
    if let reportPath { files.append(InputFileNames.normalized(reportPath)) }
    let inputs = Set(files).sorted().map { path in
      StudyManifest.Input(path: relative(path), sha256: ContentHash.file(path) ?? "unreadable")
    }
    var cells: [String: StudyManifest.Cell] = [:]
    for (name, cell) in study.cells {
      var parameters: [String: String] = [:]
      for line in CanonicalText.cell(cell.parameters).split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { parameters[parts[0]] = parts[1] }
      }
      cells[name] = StudyManifest.Cell(source: cell.source, parameters: parameters)
    }
    let solver = study.simulations.map { simulation in
      let numerics = simulation.numerics
      return StudyManifest.Solver(
        simulation: simulation.name, volumesPerRegion: numerics.volumesPerRegion,
        shellsPerParticle: numerics.shellsPerParticle,
        relativeTolerance: numerics.relativeTolerance,
        absoluteTolerance: numerics.absoluteTolerance)
    }
    var manifestRuns: [StudyManifest.Run] = []
    if let runs {
      for (index, record) in runs.records.enumerated() {
        guard let record else { continue }
        manifestRuns.append(
          StudyManifest.Run(
            id: record.id, hash: record.hash, status: record.completed ? "completed" : "failed",
            reason: record.failure, wallSeconds: (record.wallSeconds * 1000).rounded() / 1000,
            solverSteps: record.solverSteps, series: seriesPaths[index] ?? "",
            cycles: cyclePaths[index], metrics: metrics(record.row)))
      }
    }
    let claims = study.claims.map { claim in
      let verdict = analysis?.verdicts[claim.id]
      return StudyManifest.ClaimResult(
        id: claim.id, text: claim.text, verdict: verdict?.outcome.rawValue ?? "undetermined",
        evidence: verdict?.evidence ?? "not evaluated")
    }
    var manifest = StudyManifest(
      study: study.slug, title: study.title, builtAt: builtAt, tool: tool, inputs: inputs,
      cells: cells, solver: solver, runs: manifestRuns, claims: claims)
    manifest.fits = fits.isEmpty ? nil : fits
    return manifest
  }

  /// The run's metrics in display units, keyed by "quantity [unit]", at six significant digits.
  private func metrics(_ row: ResultRow) -> [String: Double] {
    var result: [String: Double] = [:]
    for (quantity, value) in row.quantities where value.isFinite {
      let unit = quantity.display
      let key = unit.text.isEmpty ? quantity.name : "\(quantity.name) [\(unit.text)]"
      result[key] = Double(String(format: "%.6g", value * unit.perSI)) ?? value
    }
    return result
  }

  private func relative(_ path: String) -> String {
    guard !projectFolder.isEmpty else { return path }
    let prefix = InputFileNames.normalized(projectFolder) + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}

/// The git commit of a checkout and whether its tracked files are unchanged.
struct GitState {
  let commit: String
  let clean: Bool

  /// The state of the checkout containing `folder`, or nil when git or the checkout is absent.
  static func read(in folder: String) -> GitState? {
    guard let commit = run(["rev-parse", "HEAD"], in: folder), !commit.isEmpty,
      let status = run(["status", "--porcelain", "--untracked-files=no"], in: folder)
    else { return nil }
    return GitState(commit: commit, clean: status.isEmpty)
  }

  private static func run(_ arguments: [String], in folder: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
