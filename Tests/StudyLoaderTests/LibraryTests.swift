import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

@Suite struct LibraryTests {
  private let loader = CellFileLoader(libraryFolder: ProjectPaths.library)

  private func load(_ path: String) throws -> CellDefinition {
    switch loader.load(path: path) {
    case .success(let cell): return cell
    case .failure(let list):
      Issue.record("\(path): \(list.diagnostics.map(\.message))")
      throw list
    }
  }

  @Test func everyLibraryCellLoads() throws {
    let folder = "\(ProjectPaths.library)/cells"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".yaml")
    }
    #expect(names.count >= 2)
    for name in names { _ = try load("\(folder)/\(name)") }
  }

  /// Each library material and electrolyte, plugged into the seed cell by name, loads.
  @Test(arguments: ["materials", "electrolytes"])
  func everyLibraryEntryLoads(kind: String) throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: "\(ProjectPaths.library)/\(kind)"
    )
    .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    #expect(!names.isEmpty)
    let seed = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-lgm50-chen2020.yaml", encoding: .utf8
    )
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in names {
      let text =
        kind == "materials"
        ? seed.replacingOccurrences(
          of: "material: graphite-siox-lgm50-chen2020", with: "material: \(name)")
        : seed.replacingOccurrences(
          of: "electrolyte: lipf6-nyman2008", with: "electrolyte: \(name)")
      try folder.write(text, to: "\(name).yaml")
      let cell = try load("\(folder.path)/\(name).yaml")
      #expect(cell.parameters.negative.maxConcentrationMolM3 > 0)
    }
  }

  @Test func seedCellHasTheTable1Values() throws {
    let cell = try load("\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml").parameters
    #expect(abs(cell.negative.thicknessM - 86.7e-6) < 1e-15)
    #expect(abs(cell.negative.maxConcentrationMolM3 - 34705.27) < 0.01)
    #expect(abs(cell.positive.maxConcentrationMolM3 - 49982.23) < 0.01)
    #expect(cell.positive.bruggemanElectrolyte == 1.85)
    // The reference README's OCP formulas evaluated by hand at the initial stoichiometries.
    let un = cell.negative.openCircuitPotential.value(x: 0.02, temperature: 298.15)
    let up = cell.positive.openCircuitPotential.value(x: 0.95, temperature: 298.15)
    #expect(abs(un - 1.3047179) < 1e-6)
    #expect(abs(up - 3.5277500) < 1e-6)
  }

  @Test func measuredTablesInterpolateTheirData() throws {
    let folder = "\(ProjectPaths.library)/materials"
    let text = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-lgm50-chen2020.yaml", encoding: .utf8
    )
    .replacingOccurrences(
      of: "material: graphite-siox-lgm50-chen2020", with: "material: sigr-lgmj1-sturm2019")
    let temporary = try TemporaryFolder()
    defer { temporary.remove() }
    try temporary.write(text, to: "cell.yaml")
    let cell = try load("\(temporary.path)/cell.yaml")
    let ocp = cell.parameters.negative.openCircuitPotential
    // Points of the Sturm et al. (2019) composite curve, read from its published table.
    #expect(abs(ocp.value(x: 0.5, temperature: 298.15) - 0.0788) < 2e-3)
    #expect(abs(ocp.value(x: 0.2, temperature: 298.15) - 0.143) < 2e-3)
    #expect(cell.parameters.negative.practicalWindow == 0...0.865)
    #expect(FileManager.default.fileExists(atPath: "\(folder)/nmc811-lgmj1-sturm2019.yaml"))
  }

  @Test func valoenReimersMatchesPublishedValuesAtOneMolar() throws {
    let text = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-lgm50-chen2020.yaml", encoding: .utf8
    )
    .replacingOccurrences(
      of: "electrolyte: lipf6-nyman2008", with: "electrolyte: lipf6-valoen-reimers2005")
    let temporary = try TemporaryFolder()
    defer { temporary.remove() }
    try temporary.write(text, to: "cell.yaml")
    let electrolyte = try load("\(temporary.path)/cell.yaml").parameters.electrolyte
    // Valøen and Reimers (2005) at 1 M and 298.15 K: D = 3.22e-10 m2/s, κ = 1.194 S/m,
    // thermodynamic factor 2.13.
    #expect(abs(electrolyte.diffusivity.value(c: 1000, temperature: 298.15) - 3.22e-10) < 0.01e-10)
    #expect(abs(electrolyte.conductivity.value(c: 1000, temperature: 298.15) - 1.194) < 0.002)
    #expect(abs(electrolyte.thermodynamicFactor.value(c: 1000, temperature: 298.15) - 2.13) < 0.01)
  }
}
