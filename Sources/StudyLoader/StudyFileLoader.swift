import Foundation
import StudyModel
import Yams

/// Reads a study folder's `study.yaml` into a `Study`, reporting every problem with its place.
public enum StudyFileLoader {
  /// Loads the study in `folder`, resolving cell names in `libraryFolder` (by default the
  /// `library` folder beside the study).
  public static func load(folder: String, libraryFolder: String? = nil) -> Result<
    Study, DiagnosticList
  > {
    let (result, files) = InputFiles.recording {
      loadRecorded(folder: folder, libraryFolder: libraryFolder)
    }
    return result.map { study in
      var study = study
      study.inputFiles = files
      return study
    }
  }

  private static func loadRecorded(folder: String, libraryFolder: String?) -> Result<
    Study, DiagnosticList
  > {
    let path = "\(folder)/\(StudyDiscovery.studyFileName)"
    let cells = CellFileLoader(libraryFolder: libraryFolder ?? CellFileLoader.library(for: path))
    let sink = cells.diagnosticSink
    guard let document = YAMLDocument.load(path: path, sink: sink),
      let root = MappingReader(document.root, file: path, sink: sink, path: "")
    else { return .failure(DiagnosticList(sink.diagnostics)) }
    let title = root.string("title", example: "<the study's title>")
    let summary = root.string("description", required: false) ?? ""
    let definitions = readCells(root, loader: cells)
    let declared = root.lookup("cells")?.node.mapping?.keys.compactMap(\.string) ?? []
    let simulations = readSimulations(root, cells: definitions, declared: declared, sink: sink)
    let claimReader = ClaimReader(root: root, simulations: simulations, sink: sink)
    let observations = claimReader.observations()
    let claims = claimReader.claims(observations: observations)
    let datasets = DatasetReader(root: root, claims: claimReader, sink: sink).datasets()
    let figureReader = FigureReader(
      root: root, claims: claimReader, simulations: simulations, datasets: datasets, sink: sink)
    let figures = figureReader.figures()
    let tables = figureReader.tables()
    let fits = FitReader(
      root: root, cells: definitions, simulations: simulations, observations: observations,
      sink: sink
    ).fits()
    root.finish()
    let report = ReportReader.read(folder: folder, simulations: simulations, sink: sink)
    guard let title, !sink.hasErrors else { return .failure(DiagnosticList(sink.diagnostics)) }
    var study = Study(
      slug: (folder as NSString).lastPathComponent, title: title, path: path, cells: definitions,
      simulations: simulations, observations: observations, claims: claims, datasets: datasets,
      figures: figures, tables: tables)
    study.fits = fits
    study.summary = summary
    study.report = report
    return .success(study)
  }

  private static func readCells(_ root: MappingReader, loader: CellFileLoader) -> [String:
    CellDefinition]
  {
    guard let cells = root.mapping("cells", required: false) else { return [:] }
    defer { cells.finish() }
    var result: [String: CellDefinition] = [:]
    for name in keys(of: cells) {
      if let cell = loader.studyCell(cells, key: name) { result[name] = cell }
    }
    return result
  }

  private static func keys(of reader: MappingReader) -> [String] {
    reader.node.mapping?.keys.compactMap(\.string) ?? []
  }

  private static func readSimulations(
    _ root: MappingReader, cells: [String: CellDefinition], declared: [String], sink: DiagnosticSink
  ) -> [SimulationSpec] {
    guard let simulations = root.mapping("simulations", required: false) else { return [] }
    defer { simulations.finish() }
    var result: [SimulationSpec] = []
    for name in keys(of: simulations) {
      guard let reader = simulations.mapping(name) else { continue }
      let simulation = SimulationReader(
        reader: reader, name: name, declaredCells: declared, sink: sink)
      if let spec = simulation.read() {
        if let cell = cells[spec.cell] {
          for case .parameter(let path, _) in spec.sweeps where !path.exists(in: cell.parameters) {
            sink.error(
              "simulation '\(name)' sweeps '\(path.name)', which cell '\(spec.cell)' does not have",
              at: reader.location(of: "sweep"),
              hint: "turn the submodel on in the cell, or sweep another parameter")
          }
        }
        result.append(spec)
      }
      reader.finish()
    }
    return result
  }
}
