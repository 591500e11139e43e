import Foundation
import Pipeline
import StudyModel
import TestSupport
import Testing

/// A study's fit: it recovers a parameter from an observation made with a known value, the
/// simulations run on the fitted cell, the report and the manifest show the result, a second
/// build reuses it, and a mistaken fit is an error at its place.
@Suite struct FitStudyTests {
  /// The SEI lithium of cycle 5 of the SEI cell with twice its solvent diffusivity
  /// (5e-22 m²/s), simulated by this build: the fit must find the doubled value again.
  static let study = """
    title: Fit
    description: Fit an SEI rate to the SEI lithium it gives.
    cells:
      aging: reference-seed-chen2020-sei
    simulations:
      cycling:
        cell: aging
        protocol:
          - Charge at 2.8 mA/cm2 until 4.2 V
          - Discharge at 2.8 mA/cm2 until 2.5 V
        cycles: 5
        mesh: [5, 3]
        sweep:
          np: {basis: theoretical, values: [1.2]}
    observations:
      sei-lithium:
        quantity: cycle5.lithium_lost_to_sei
        value: 0.001304445 mAh/cm2
        simulation: cycling
        at: {np: 1.2}
        source: the same cell with a solvent diffusivity of 5e-22 m2/s
    fits:
      sei-rate:
        text: The solvent diffusivity that gives the observed SEI lithium.
        cell: aging
        parameters:
          negative.sei.solvent_diffusivity: {initial: 2.5e-22 m2/s, bounds: [1e-23 m2/s, 1e-20 m2/s]}
        targets: [sei-lithium]
        evaluations: 40
    tables:
      - id: tab-sei
        caption: SEI lithium after five cycles.
        simulation: cycling
        rows: np
        columns: [cycle5.lithium_lost_to_sei]

    """

  private func project(_ study: String) throws -> StudyProject {
    try StudyProject(
      study: study, named: "fit",
      files: ["report.md": "# Fit\n\n{{fits}}\n\n{{parameters}}\n"])
  }

  @Test func recoversAKnownParameterAndRunsTheStudyOnIt() throws {
    let project = try project(Self.study)
    defer { project.remove() }
    _ = try project.build().get()
    let manifest = try #require(project.read("output/fit/manifest.json"))
    let data = try #require(manifest.data(using: .utf8))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let fits = try #require(json["fits"] as? [[String: Any]])
    let value = try #require((fits.first?["values"] as? [[String: Any]])?.first)
    let fitted = try #require(value["fitted"] as? Double)
    #expect(abs(fitted - 5e-22) / 5e-22 < 0.01, "fitted \(fitted)")
    #expect(fits.first?["converged"] as? Bool == true)
    // The study's own run is on the fitted cell: its SEI lithium is the observed one.
    let table = try #require(project.read("output/fit/data/tab-sei.csv"))
    let simulated = try #require(
      table.split(separator: "\n").last?.split(separator: ",").last.flatMap { Double($0) })
    #expect(abs(simulated - 0.001304445) / 0.001304445 < 0.005, "simulated \(simulated)")
    let page = try #require(project.read("output/fit/index.html"))
    #expect(page.contains("<code>negative.sei.solvent_diffusivity</code>"))
    #expect(page.contains("<code>sei-lithium</code>"))
    // The parameter table lists the cell's degradation parameters, the fitted one with the
    // fit as its source.
    #expect(page.contains("SEI solvent diffusivity (solvent-diffusion limited)"))
    #expect(page.contains("fit sei-rate (its table shows the fit)"))
    #expect(page.contains("dead-lithium decay") == false, "the SEI cell has no plating")
    #expect(manifest.contains("\"negative.sei.solvent_diffusivity\""))
    var lines: [String] = []
    _ = try project.build { lines.append($0) }.get()
    #expect(lines.contains { $0.contains("fit sei-rate") && $0.contains("reused from the cache") })
    #expect(project.read("output/fit/manifest.json") == manifest, "the same bytes")
  }

  @Test(arguments: [
    (
      "negative.sei.solvent_diffusivity: {", "negative.plating.rate_constant: {",
      "cell 'aging' has no 'negative.plating.rate_constant': its submodel is not in the cell file"
    ),
    (
      "negative.sei.solvent_diffusivity: {", "negative.sei.solvent_diffusion: {",
      "unknown parameter 'negative.sei.solvent_diffusion'"
    ),
    (
      "initial: 2.5e-22 m2/s", "initial: 2.5e-19 m2/s",
      "'negative.sei.solvent_diffusivity' starts outside its bounds"
    ),
    ("targets: [sei-lithium]", "targets: [sei-lithum]", "no observation 'sei-lithum'"),
    (
      "bounds: [1e-23 m2/s, 1e-20 m2/s]", "bounds: [0 m2/s, 1e-20 m2/s]",
      "'bounds' must be two increasing values above 0"
    ),
    (
      "    cell: aging\n    parameters", "    cell: agin\n    parameters",
      "fit 'sei-rate' fits cell 'agin', which the study does not declare"
    ),
  ])
  func refusesAMistakenFitAtItsPlace(_ original: String, _ replacement: String, _ message: String)
    throws
  {
    #expect(Self.study.contains(original))
    let project = try project(Self.study.replacingOccurrences(of: original, with: replacement))
    defer { project.remove() }
    guard case .failure(let failure) = project.build() else {
      Issue.record("the build should fail")
      return
    }
    #expect(
      failure.diagnostics.map(\.message).contains(message), "\(failure.diagnostics.map(\.message))")
    #expect(failure.diagnostics.allSatisfy { $0.location.file.hasSuffix("study.yaml") })
  }
}
