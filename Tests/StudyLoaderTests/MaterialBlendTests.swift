import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

/// `blend:` makes one material of several whose particles stay in equilibrium with each other.
@Suite struct MaterialBlendTests {
  /// A copy of the library with the LG M50 cell's negative material replaced by `material`.
  private func project(material: String) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: ProjectPaths.library, toPath: folder.path)
    let cell = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-lgm50-chen2020.yaml", encoding: .utf8
    )
    try folder.write(
      cell.replacingOccurrences(
        of: "  material: graphite-siox-lgm50-chen2020", with: "  material:\n\(material)"),
      to: "cells/cell.yaml")
    return folder
  }

  private func load(_ folder: TemporaryFolder) -> Result<CellDefinition, DiagnosticList> {
    CellFileLoader(libraryFolder: folder.path).load(path: "\(folder.path)/cells/cell.yaml")
  }

  @Test func aMaterialBlendedWithItselfIsUnchanged() throws {
    let folder = try project(
      material: """
            blend:
              - {material: graphite-siox-lgm50-chen2020, volume_fraction: 0.3}
              - {material: graphite-siox-lgm50-chen2020, volume_fraction: 0.7}
        """)
    defer { folder.remove() }
    let negative = try load(folder).get().parameters.negative
    #expect(abs(negative.maxConcentrationMolM3 - 33133) < 1e-6)
    let plain = try project(material: "    base: graphite-siox-lgm50-chen2020")
    defer { plain.remove() }
    let fit = try load(plain).get().parameters.negative.openCircuitPotential
    for x in stride(from: 0.05, through: 0.95, by: 0.05) {
      let blended = negative.openCircuitPotential.value(x: x, temperature: 298.15)
      let own = fit.value(x: x, temperature: 298.15)
      #expect(abs(blended - own) < 1e-3, "x = \(x): \(blended) against \(own)")
    }
    #expect(negative.diffusivity == .constant(3.3e-14))
  }

  @Test func twoMaterialsShareOnePotentialAndAddTheirSites() throws {
    // The LG M50 graphite fit and the LG MJ1 measured Si-Gr curve, by mass.
    let folder = try project(
      material: """
            blend:
              - {material: graphite-siox-lgm50-chen2020, mass_fraction: 0.8}
              - {material: sigr-lgmj1-sturm2019, mass_fraction: 0.2}
        """)
    defer { folder.remove() }
    let negative = try load(folder).get().parameters.negative
    // Volume shares from the densities 1657 and 2240 kg/m³.
    let v1 = 0.8 / 1657
    let v2 = 0.2 / 2240
    let phi1 = v1 / (v1 + v2)
    let phi2 = v2 / (v1 + v2)
    #expect(abs(negative.maxConcentrationMolM3 - (phi1 * 33133 + phi2 * 34684)) < 1e-6)
    #expect(abs(negative.activeDensityKgM3 - (phi1 * 1657 + phi2 * 2240)) < 1e-9)
    // At every stoichiometry the shared potential lies between the two components' curves:
    // were it above both, both would hold less lithium than the blend, and so on.
    let graphiteFolder = try project(material: "    base: graphite-siox-lgm50-chen2020")
    let sigrFolder = try project(material: "    base: sigr-lgmj1-sturm2019")
    defer {
      graphiteFolder.remove()
      sigrFolder.remove()
    }
    let graphite = try load(graphiteFolder).get().parameters.negative.openCircuitPotential
    let sigr = try load(sigrFolder).get().parameters.negative.openCircuitPotential
    var previous = Double.infinity
    for x in stride(from: 0.02, through: 0.98, by: 0.02) {
      let u = negative.openCircuitPotential.value(x: x, temperature: 298.15)
      let a = graphite.value(x: x, temperature: 298.15)
      let b = sigr.value(x: x, temperature: 298.15)
      #expect(u >= min(a, b) - 2e-3 && u <= max(a, b) + 2e-3, "x = \(x): \(u) outside \(a)…\(b)")
      #expect(u <= previous + 1e-12, "the blend's OCP must not rise with x")
      previous = u
    }
  }

  @Test func fractionsThatDoNotAddUpAreAnErrorAtTheBlend() throws {
    let folder = try project(
      material: """
            blend:
              - {material: graphite-siox-lgm50-chen2020, mass_fraction: 0.8}
              - {material: sigr-lgmj1-sturm2019, mass_fraction: 0.3}
        """)
    defer { folder.remove() }
    guard case .failure(let list) = load(folder) else {
      Issue.record("fractions adding up to 1.1 must be refused")
      return
    }
    let diagnostic = try #require(list.diagnostics.first)
    #expect(diagnostic.message == "the fractions of 'negative.material.blend' add up to 1.1, not 1")
    #expect(diagnostic.location.file.hasSuffix("cells/cell.yaml"))
    #expect(diagnostic.location.line > 0)
  }
}
