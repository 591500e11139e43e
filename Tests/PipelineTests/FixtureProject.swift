import Foundation
import Pipeline
import TestSupport

/// A temporary project with a copy of the shared library and a small study of two cells:
/// `fitted` (OCP expressions) and `measured` (its negative OCP from a CSV table), one short
/// run each, with a figure, a table, claims and every generated section.
struct FixtureProject {
  let folder: TemporaryFolder
  var path: String { folder.path }

  init() throws {
    folder = try TemporaryFolder()
    try FileManager.default.copyItem(
      atPath: ProjectPaths.library, toPath: "\(folder.path)/studies/library")
    try folder.write(Self.study, to: "studies/pair/study.yaml")
    try folder.write(Self.report, to: "studies/pair/report.md")
  }

  /// Options building into `output` (or another folder of the project).
  func options(output: String = "output") -> BuildOptions {
    BuildOptions(
      studiesRoot: "\(path)/studies", outputFolder: "\(path)/\(output)",
      templatesFolder: "\(path)/templates")
  }

  /// Builds, returning the log lines.
  @discardableResult
  func build(_ options: BuildOptions) throws -> [String] {
    var log: [String] = []
    _ = try SiteBuild(options: options) { log.append($0) }.run().get()
    return log
  }

  func remove() { folder.remove() }

  /// The text of a file of the project.
  func read(_ relative: String) -> String? { folder.read(relative) }

  /// Every file under `relative`, with its bytes, by path relative to it.
  func tree(_ relative: String) -> [String: Data] {
    let root = "\(path)/\(relative)"
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    while let name = walker.nextObject() as? String {
      var folder: ObjCBool = false
      if FileManager.default.fileExists(atPath: "\(root)/\(name)", isDirectory: &folder),
        !folder.boolValue, let data = FileManager.default.contents(atPath: "\(root)/\(name)")
      {
        files[name] = data
      }
    }
    return files
  }

  static let study = """
    title: Fitted and measured OCP
    description: Two versions of one cell, one short charge and discharge each.
    cells:
      fitted: reference-seed-chen2020
      measured:
        base: reference-seed-chen2020
        negative:
          material: graphite-siox-lgm50-chen2020-measured
    simulations:
      fitted-run:
        cell: fitted
        protocol: [Charge at 2.8 mA/cm2 until 4.2 V, Discharge at 2.8 mA/cm2 until 2.5 V]
        mesh: [5, 3]
      measured-run:
        cell: measured
        protocol:
          - Charge at {current} until 4.2 V
          - Discharge at {current} until 2.5 V
        mesh: [5, 3]
        sweep:
          current: [2.8 mA/cm2]
    claims:
      - id: some-capacity
        text: The fitted cell delivers more than 1 mAh/cm2.
        source: a test
        threshold: {quantity: discharge.capacity, above: 1 mAh/cm2}
        simulation: fitted-run
    figures:
      - id: fig-voltage
        kind: curve
        caption: Voltage during discharge.
        panels:
          - {simulation: fitted-run, x: capacity, y: voltage, step: discharge}
    tables:
      - id: tab-capacity
        caption: Capacity of the measured-OCP cell.
        simulation: measured-run
        rows: current
        columns: [discharge.capacity]
    """

  static let report = """
    # Fitted and measured OCP

    The voltage is in @fig-voltage; capacities in @tab-capacity. The fitted cell delivers
    {{fitted-run: discharge.capacity}} and the measured one
    {{measured-run: discharge.capacity | current=2.8 mA/cm2}}.

    {{claims}}

    ## Parameters

    {{parameters}}

    ## Protocols

    {{protocols}}

    ## Provenance

    {{provenance}}

    """
}
