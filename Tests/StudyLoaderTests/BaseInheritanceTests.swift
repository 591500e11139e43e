import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

/// `base:` lets a library entry, or an inline mapping, override another field by field.
@Suite struct BaseInheritanceTests {
  private func project(material: String, extra: [String: String] = [:]) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let seed = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-lgm50-chen2020.yaml", encoding: .utf8
    )
    try folder.write(
      seed.replacingOccurrences(
        of: "material: graphite-siox-lgm50-chen2020", with: "material: \(material)"),
      to: "library/cells/cell.yaml")
    for name in ["graphite-siox-lgm50-chen2020", "nmc811-lgm50-chen2020"] {
      let text = try String(
        contentsOfFile: "\(ProjectPaths.library)/materials/\(name).yaml", encoding: .utf8)
      try folder.write(text, to: "library/materials/\(name).yaml")
    }
    let electrolyte = try String(
      contentsOfFile: "\(ProjectPaths.library)/electrolytes/lipf6-nyman2008.yaml", encoding: .utf8)
    try folder.write(electrolyte, to: "library/electrolytes/lipf6-nyman2008.yaml")
    for (path, text) in extra { try folder.write(text, to: path) }
    return folder
  }

  private func load(_ folder: TemporaryFolder) -> Result<CellDefinition, DiagnosticList> {
    CellFileLoader(libraryFolder: "\(folder.path)/library").load(
      path: "\(folder.path)/library/cells/cell.yaml")
  }

  @Test func overridesReplaceOnlyWhatTheyName() throws {
    let folder = try project(
      material: "faster",
      extra: [
        "library/materials/faster.yaml":
          "name: faster\nsource: test\nbase: graphite-siox-lgm50-chen2020\ndiffusivity: 1e-13 m2/s\nsite_density: 2e28 1/m3\n"
      ])
    defer { folder.remove() }
    let negative = try load(folder).get().parameters.negative
    #expect(negative.diffusivity == .constant(1e-13))
    #expect(abs(negative.maxConcentrationMolM3 - 2e28 / 6.02214076e23) < 1e-6)
    #expect(negative.rateConstant == 6.48e-7)  // inherited
    // The Chen2020 graphite fit at x = 0.5, evaluated by hand: 0.133086 V.
    #expect(abs(negative.openCircuitPotential.value(x: 0.5, temperature: 298.15) - 0.133086) < 1e-6)
  }

  @Test func aProblemInAnInheritedValuePointsIntoTheBaseFile() throws {
    let folder = try project(
      material: "child",
      extra: [
        "library/materials/parent.yaml":
          "name: parent\nsource: test\nbase: graphite-siox-lgm50-chen2020\ndiffusivity: 3 furlongs\n",
        "library/materials/child.yaml":
          "name: child\nsource: test\nbase: parent\ndensity: 2 g/cm3\n",
      ])
    defer { folder.remove() }
    guard case .failure(let list) = load(folder) else {
      Issue.record("the bad unit in the base must be reported")
      return
    }
    let problem = try #require(list.diagnostics.first)
    #expect(problem.location.file.hasSuffix("library/materials/parent.yaml"))
    #expect(problem.location.line == 4)
  }

  @Test func aCycleOfBasesIsReported() throws {
    let folder = try project(
      material: "loop-a",
      extra: [
        "library/materials/loop-a.yaml": "name: loop-a\nsource: test\nbase: loop-b\n",
        "library/materials/loop-b.yaml": "name: loop-b\nsource: test\nbase: loop-a\n",
      ])
    defer { folder.remove() }
    guard case .failure(let list) = load(folder) else {
      Issue.record("a cycle must be reported")
      return
    }
    #expect(list.diagnostics.contains { $0.message.contains("a cycle?") })
  }

  @Test func anArealLoadingGivesTheThickness() throws {
    let folder = try project(material: "graphite-siox-lgm50-chen2020")
    defer { folder.remove() }
    let path = "\(folder.path)/library/cells/cell.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "  thickness: 85.2 um\n", with: "  loading: 10.59 mg/cm2\n")
    try folder.write(text, to: "library/cells/cell.yaml")
    let negative = try load(folder).get().parameters.negative
    // 10.59 mg/cm² of graphite (1657 kg/m³) at active fraction 0.75: 85.2 µm.
    #expect(abs(negative.thicknessM - 0.1059 / (0.75 * 1657)) < 1e-12)
    #expect(abs(negative.thicknessM - 85.2e-6) < 0.1e-6)
  }
}
