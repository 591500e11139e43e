import Foundation
import Pipeline
import StudyModel
import TestSupport
import Testing

@Suite struct SiteBuildTests {
  private func build(_ project: TemporaryFolder) -> Result<SiteBuild.Summary, BuildFailure> {
    let options = BuildOptions(
      studiesRoot: "\(project.path)/studies", outputFolder: "\(project.path)/output",
      templatesFolder: "\(project.path)/templates")
    return SiteBuild(options: options) { _ in }.run()
  }

  @Test func buildsAnIndexListingEveryStudy() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("title: Thin anodes\n", to: "studies/thin-anodes/study.yaml")
    try project.write("title: A first study\n", to: "studies/a-first/study.yaml")
    try project.write("# Thin anodes\n\nWhy N/P matters.\n", to: "studies/thin-anodes/report.md")
    try project.write("name: shared\n", to: "studies/library/cells.yaml")

    let summary = try build(project).get()
    #expect(summary.studies.map(\.slug) == ["a-first", "thin-anodes"])
    let index = try #require(project.read("output/index.html"))
    #expect(index.contains("<a href=\"a-first/index.html\">A first study</a>"))
    #expect(index.contains("<a href=\"thin-anodes/index.html\">Thin anodes</a>"))
    #expect(project.read("output/thin-anodes/index.html")?.contains("Why N/P matters.") == true)
    #expect(project.read("output/style.css")?.contains("prefers-color-scheme") == true)
  }

  @Test func emptyProjectStillGetsAnIndex() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    _ = try build(project).get()
    #expect(project.read("output/index.html")?.contains("No studies yet") == true)
  }

  @Test func failedBuildLeavesThePreviousSiteUntouched() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("title: Good\n", to: "studies/good/study.yaml")
    _ = try build(project).get()
    let before = project.read("output/index.html")

    try project.write("title: [unclosed\n", to: "studies/bad/study.yaml")
    guard case .failure(let failure) = build(project) else {
      Issue.record("a broken study file must fail the build")
      return
    }
    #expect(failure.step == "load studies")
    #expect(failure.diagnostics.first?.location.file.hasSuffix("studies/bad/study.yaml") == true)
    #expect(failure.diagnostics.first?.location.line == 2)
    #expect(project.read("output/index.html") == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path)
    #expect(leftovers.sorted() == ["output", "studies"])
  }

  @Test func templateOverrideReplacesTheBuiltInPage() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("<html><h6>{{title}}</h6>{{{body}}}</html>", to: "templates/page.mustache")
    _ = try build(project).get()
    #expect(project.read("output/index.html")?.hasPrefix("<html><h6>Cellbook studies</h6>") == true)
  }

  @Test func sameInputsGiveSameBytes() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("title: Repeatable\n", to: "studies/r/study.yaml")
    _ = try build(project).get()
    let first = project.read("output/r/index.html")
    _ = try build(project).get()
    #expect(project.read("output/r/index.html") == first)
  }

  @Test func missingTitleIsRenderedLikeACompilerError() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("# a study\nname: x\n", to: "studies/untitled/study.yaml")
    guard case .failure(let failure) = build(project) else {
      Issue.record("a study without a title must fail")
      return
    }
    let text = DiagnosticRenderer.render(failure.diagnostics)
      .replacingOccurrences(of: project.path, with: "$PROJECT")
    let mismatch = snapshotMismatch(text, named: "missingTitle")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}

/// A build runs a study's simulations, checks its claims into the report, and reuses the
/// results of unchanged simulations on the next build.
@Suite struct SimulatingBuildTests {
  @Test func claimsAreCheckedAndResultsReused() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    let library = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml", encoding: .utf8)
    try project.write(library, to: "studies/library/cells/reference-seed-chen2020.yaml")
    for file in [
      "materials/graphite-siox-lgm50-chen2020.yaml", "materials/nmc811-lgm50-chen2020.yaml",
      "electrolytes/lipf6-nyman2008.yaml",
    ] {
      try project.write(
        try String(contentsOfFile: "\(ProjectPaths.library)/\(file)", encoding: .utf8),
        to: "studies/library/\(file)")
    }
    try project.write(
      """
      title: Small sweep
      cells:
        seed: reference-seed-chen2020
      simulations:
        sweep:
          cell: seed
          protocol: [Charge at 2.8 mA/cm2 until 4.2 V, Discharge at 2.8 mA/cm2 until 2.5 V]
          mesh: [5, 3]
          sweep:
            np: {basis: theoretical, values: [1.0, 1.5]}
      claims:
        - id: rises
          text: Capacity rises with N/P.
          source: a test
          trend: {quantity: discharge.capacity, along: np, direction: increasing}
          simulation: sweep
      figures:
        - id: fig-capacity
          kind: sweep
          caption: Capacity versus N/P.
          panels:
            - {simulation: sweep, x: np, y: discharge.capacity}
        - id: fig-voltage
          kind: curve
          caption: Voltage during discharge.
          panels:
            - {simulation: sweep, series: np, x: capacity, y: voltage, step: discharge}
        - id: fig-electrolyte
          kind: profile
          supplementary: true
          caption: Electrolyte at the end of charge.
          panels:
            - {simulation: sweep, series: np, x: x, y: electrolyte_concentration, step: charge}
      tables:
        - id: tab-capacity
          caption: Capacities.
          simulation: sweep
          rows: np
          columns: [discharge.capacity]
      """, to: "studies/small/study.yaml")
    try project.write(
      "# Small sweep\n\nSee @fig-voltage and @tab-capacity; `@fig-code` stays.\n\n{{fig-capacity}}\n\n{{claims}}\n",
      to: "studies/small/report.md")
    let options = BuildOptions(
      studiesRoot: "\(project.path)/studies", outputFolder: "\(project.path)/output",
      templatesFolder: "\(project.path)/templates")
    var firstLog: [String] = []
    _ = try SiteBuild(options: options) { firstLog.append($0) }.run().get()
    let page = try #require(project.read("output/small/index.html"))
    #expect(page.contains("<strong>pass</strong>"))
    #expect(page.contains("discharge.capacity rises at every one of 1 steps"))
    #expect(
      firstLog.contains(
        "  small: 2 runs, 0 reused from the cache, 2 to simulate (2 not in the cache)"))
    #expect(firstLog.contains("  small: 0 figures reused, 3 drawn"))
    // Figures are numbered in declaration order (supplementary apart), placed and linked.
    #expect(page.contains("<a href=\"#fig-voltage\">Figure 2</a>"))
    #expect(page.contains("<a href=\"#tab-capacity\">Table 1</a>"))
    #expect(page.contains("<code>@fig-code</code>"))
    #expect(page.contains("<strong>Figure S1.</strong>"))
    let placed = try #require(page.range(of: "id=\"fig-capacity\""))
    let claims = try #require(page.range(of: "<strong>pass</strong>"))
    #expect(placed.lowerBound < claims.lowerBound, "{{fig-capacity}} should place the figure")
    for file in [
      "figures/fig-capacity.svg", "figures/fig-voltage.png", "figures/fig-electrolyte.pdf",
      "data/fig-capacity.csv", "data/fig-voltage.csv", "data/tab-capacity.csv",
    ] {
      #expect(project.read("output/small/\(file)") != nil, "missing \(file)")
    }
    let voltageData = try #require(project.read("output/small/data/fig-voltage.csv"))
    #expect(voltageData.hasPrefix("series,Capacity [mAh/cm2],Voltage [V]\nN/P 1,"))
    var secondLog: [String] = []
    _ = try SiteBuild(options: options) { secondLog.append($0) }.run().get()
    #expect(secondLog.contains("  small: 2 runs, 2 reused from the cache, 0 to simulate"))
    #expect(secondLog.contains("  small: 3 figures reused, 0 drawn"))
    #expect(project.read("output/small/index.html") == page)
    var fresh = options
    fresh.ignoreCache = true
    fresh.workers = 1
    var thirdLog: [String] = []
    _ = try SiteBuild(options: fresh) { thirdLog.append($0) }.run().get()
    #expect(
      thirdLog.contains("  small: 2 runs, 0 reused from the cache, 2 to simulate (2 --no-cache)"))
    #expect(project.read("output/small/index.html") == page)
  }

  @Test func unknownReferenceFailsAtItsLineAndKeepsTheSite() throws {
    let project = try TemporaryFolder()
    defer { project.remove() }
    try project.write("title: Prose only\n", to: "studies/prose/study.yaml")
    try project.write("# Prose\n\nAs @fig-missing shows.\n", to: "studies/prose/report.md")
    try project.write("previous site", to: "output/index.html")
    let options = BuildOptions(
      studiesRoot: "\(project.path)/studies", outputFolder: "\(project.path)/output",
      templatesFolder: "\(project.path)/templates")
    let result = SiteBuild(options: options) { _ in }.run()
    guard case .failure(let failure) = result else {
      Issue.record("a build with an unknown reference should fail")
      return
    }
    let diagnostic = try #require(failure.diagnostics.first)
    #expect(diagnostic.location.file.hasSuffix("studies/prose/report.md"))
    #expect(diagnostic.location.line == 3 && diagnostic.location.column == 4)
    #expect(diagnostic.message.contains("`fig-missing` is not a figure or table"))
    #expect(project.read("output/index.html") == "previous site")
  }
}
