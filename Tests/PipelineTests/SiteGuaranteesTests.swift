import Foundation
import Pipeline
import Review
import SiteCheck
import StudyModel
import TestSupport
import Testing

/// What a site build promises: the tree it writes, a cache that recomputes exactly what
/// changed, byte-identical rebuilds, offline pages with working links, and reviews that can
/// be archived and compared.
@Suite(.serialized) struct SiteGuaranteesTests {
  @Test func buildWritesTheDocumentedTree() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    let log = try project.build(project.options())
    #expect(
      log.filter { $0.hasPrefix("[") } == [
        "[1/9] load studies", "[2/9] check reports and templates", "[3/9] fit parameters",
        "[4/9] plan simulations", "[5/9] simulate", "[6/9] analyse results and check claims",
        "[7/9] draw figures and tables", "[8/9] write reports", "[9/9] publish",
      ])
    let files = Set(project.tree("output").keys)
    for expected in [
      "index.html", "style.css", "pair/index.html", "pair/manifest.json",
      "pair/figures/fig-voltage.svg", "pair/figures/fig-voltage.png",
      "pair/figures/fig-voltage.pdf", "pair/data/fig-voltage.csv", "pair/data/tab-capacity.csv",
      "pair/data/runs/002-measured-run.csv.gz",
    ] {
      #expect(files.contains(expected), "missing output/\(expected)")
    }
    // Each run's series is written once, compressed only above 64 kB.
    let fitted = "pair/data/runs/001-fitted-run.csv"
    #expect(files.contains(fitted) != files.contains(fitted + ".gz"))
    if let plain = project.read("output/" + fitted) { #expect(plain.utf8.count <= 64 * 1024) }
    let page = try #require(project.read("output/pair/index.html"))
    // Generated sections are filled in where the author placed them.
    #expect(page.contains("Cell <code>measured</code>"))
    #expect(
      page.contains("Chen et al. (2020); OCP table data/ocp/graphite_siox_lgm50_chen2020.csv"))
    #expect(page.contains("table of"))
    #expect(page.contains("<strong>Simulation <code>fitted-run</code></strong>"))
    #expect(page.contains("studies/library/data/ocp/graphite_siox_lgm50_chen2020.csv"))
    let index = try #require(project.read("output/index.html"))
    #expect(index.contains("Claims reproduced: <strong>1/1</strong>"))
    #expect(index.contains("src=\"pair/figures/fig-voltage.png\""))
    #expect(index.contains("Two versions of one cell"))
    // The manifest names every input with its digest and each run's status and cost.
    let manifest = try #require(project.read("output/pair/manifest.json"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
    let inputs = try #require(json["inputs"] as? [[String: Any]])
    let paths = inputs.compactMap { $0["path"] as? String }
    #expect(paths.contains("studies/pair/study.yaml"))
    #expect(paths.contains("studies/pair/report.md"))
    #expect(paths.contains("studies/library/data/ocp/graphite_siox_lgm50_chen2020.csv"))
    #expect(inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
    let runs = try #require(json["runs"] as? [[String: Any]])
    #expect(runs.count == 2)
    #expect(runs.allSatisfy { $0["status"] as? String == "completed" })
    #expect(runs.allSatisfy { ($0["solver_steps"] as? Int ?? 0) > 10 })
    let solver = try #require(json["solver"] as? [[String: Any]])
    #expect(solver.first?["volumes_per_region"] as? Int == 5)
    // Numbers in the prose are the runs' own, at three significant digits.
    for run in runs {
      let metrics = try #require(run["metrics"] as? [String: Double])
      let capacity = try #require(metrics["discharge.capacity [mAh/cm2]"])
      #expect(page.contains(String(format: "%.3g mAh/cm²", capacity)), "\(run["id"] ?? "")")
    }
  }

  @Test func aWrongNumberReferenceStopsTheBuildAtItsPlace() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    try project.build(project.options())
    let before = project.read("output/pair/index.html")
    try project.folder.write(
      "# Pair\n\nIt stores {{fitted-run: discharge.capacty}}, and\n{{measured-run: discharge.capacity}}.\n",
      to: "studies/pair/report.md")
    var log: [String] = []
    let result = SiteBuild(options: project.options()) { log.append($0) }.run()
    guard case .failure(let failure) = result else {
      Issue.record("an unknown quantity in the prose must fail the build")
      return
    }
    // The prose is a study file: its mistakes are found when the study loads, as `check` does.
    #expect(failure.step == "load studies")
    #expect(!log.contains("[4/9] plan simulations"), "nothing runs after a failed load")
    let messages = failure.diagnostics.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
    #expect(messages.contains("3:11: unknown quantity 'discharge.capacty'"))
    #expect(project.read("output/pair/index.html") == before)
    // A sweep point the study does not run is caught when the results are in.
    try project.folder.write(
      "# Pair\n\nIt stores {{measured-run: discharge.capacity | current=5 mA/cm2}}.\n",
      to: "studies/pair/report.md")
    guard case .failure(let open) = SiteBuild(options: project.options(), log: { _ in }).run()
    else {
      Issue.record("a reference without the current must fail")
      return
    }
    #expect(open.step == "write reports")
    #expect(open.diagnostics.first?.location.line == 3)
    #expect(open.diagnostics.first?.message == "no result of 'measured-run' matches this reference")
    #expect(project.read("output/pair/index.html") == before)
  }

  @Test func cacheRecomputesExactlyWhatAChangedDataFileFeeds() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    let first = try project.build(project.options())
    #expect(
      first.contains("  pair: 2 runs, 0 reused from the cache, 2 to simulate (2 not in the cache)"))
    #expect(first.contains("  pair: 0 figures reused, 1 drawn"))
    let second = try project.build(project.options())
    #expect(second.contains("  pair: 2 runs, 2 reused from the cache, 0 to simulate"))
    #expect(second.contains("  nothing to simulate"))
    #expect(second.contains("  pair: 1 figures reused, 0 drawn"))
    // A trailing comment line changes the table file's bytes, not its values: the cache
    // follows bytes, so exactly the run whose cell reads the table runs again.
    let table = "\(project.path)/studies/library/data/ocp/graphite_siox_lgm50_chen2020.csv"
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: table))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\n".utf8))
    try handle.close()
    let third = try project.build(project.options())
    #expect(
      third.contains("  pair: 2 runs, 1 reused from the cache, 1 to simulate (1 not in the cache)"))
    // The fitted run's figure did not change, so it is not redrawn.
    #expect(third.contains("  pair: 1 figures reused, 0 drawn"))
    var fresh = project.options()
    fresh.ignoreCache = true
    let forced = try project.build(fresh)
    #expect(
      forced.contains("  pair: 2 runs, 0 reused from the cache, 2 to simulate (2 --no-cache)"))
    #expect(forced.contains("  pair: 0 figures reused, 1 drawn"))
  }

  @Test func rebuildsAreByteIdentical() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    try project.build(project.options(output: "first"))
    try project.build(project.options(output: "second"))
    let first = project.tree("first")
    let second = project.tree("second")
    #expect(first.keys.sorted() == second.keys.sorted())
    for (name, bytes) in first { #expect(second[name] == bytes, "\(name) differs") }
    // Recomputed from scratch, every file but the manifest's wall times is the same too.
    var fresh = project.options(output: "third")
    fresh.ignoreCache = true
    try project.build(fresh)
    let third = project.tree("third")
    #expect(third.keys.sorted() == first.keys.sorted())
    for (name, bytes) in first where name != "pair/manifest.json" {
      #expect(third[name] == bytes, "\(name) differs after a build without the cache")
    }
    func withoutWallTimes(_ data: Data?) -> String {
      String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n")
        .filter { !$0.contains("\"wall_seconds\"") }.joined(separator: "\n")
    }
    #expect(
      withoutWallTimes(third["pair/manifest.json"]) == withoutWallTimes(first["pair/manifest.json"])
    )
  }

  @Test func siteIsOfflineAndEveryLinkResolves() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    try project.build(project.options())
    let report = SiteLinkChecker.check(site: "\(project.path)/output")
    #expect(report.diagnostics.isEmpty, "\(DiagnosticRenderer.render(report.diagnostics))")
    #expect(report.linksChecked > 15)
    // A theme that pulls a font from a CDN, and a broken anchor, are both caught.
    try project.folder.write(
      """
      <html><head><link rel="stylesheet" href="https://fonts.example.com/css"></head>
      <body><a href="#nowhere">x</a> <a href="https://doi.org/10.1/x">paper</a>{{{body}}}</body></html>
      """, to: "templates/page.mustache")
    try project.build(project.options())
    let broken = SiteLinkChecker.check(site: "\(project.path)/output")
    let messages = broken.diagnostics.map(\.message)
    #expect(
      messages.contains { $0.contains("loads 'https://fonts.example.com/css' from the network") })
    #expect(messages.contains { $0.contains("'#nowhere': no element with id 'nowhere'") })
    #expect(!messages.contains { $0.contains("doi.org") }, "links to papers are not assets")
    let first = try #require(broken.diagnostics.first)
    #expect(first.location.line == 1 && first.location.column > 30)
  }

  @Test func reviewsAreArchivedCarriedOverAndCompared() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    var options = project.options()
    options.archiveLabel = "v1"
    try project.build(options)
    // The cell changes between reviews: a thicker separator.
    let study = FixtureProject.study.replacingOccurrences(
      of: "  fitted: reference-seed-chen2020",
      with: "  fitted:\n    base: reference-seed-chen2020\n    separator: {thickness: 25 um}")
    #expect(study != FixtureProject.study)
    try project.folder.write(study, to: "studies/pair/study.yaml")
    options.archiveLabel = "v2"
    try project.build(options)
    // A build without a label keeps the archive.
    try project.build(project.options())
    let files = Set(project.tree("output/archive").keys)
    for expected in [
      "index.html", "pair/index.html", "pair/v1/index.html", "pair/v1/manifest.json",
      "pair/v2/index.html", "pair/v2/figures/fig-voltage.svg",
    ] {
      #expect(files.contains(expected), "missing output/archive/\(expected)")
    }
    let links = SiteLinkChecker.check(site: "\(project.path)/output")
    #expect(links.diagnostics.isEmpty, "\(DiagnosticRenderer.render(links.diagnostics))")
    let report = try ManifestDiff.compare(
      "\(project.path)/output/archive/pair/v1", "\(project.path)/output/archive/pair/v2")
    #expect(report.differs)
    let text = report.lines.joined(separator: "\n")
    #expect(text.contains("changed  studies/pair/study.yaml"))
    #expect(text.contains("fitted separator.thickness: 1.2e-05 → 2.5e-05"))
    #expect(text.contains("fitted-run discharge.capacity [mAh/cm2]:"))
    #expect(
      !text.contains("measured-run[current=2.8 mA/cm2] discharge.capacity"),
      "the measured cell did not change")
    let same = try ManifestDiff.compare(
      "\(project.path)/output/archive/pair/v1", "\(project.path)/output/archive/pair/v1")
    #expect(!same.differs)
    // The same label twice is refused, and the site is left as it was.
    let before = project.read("output/index.html")
    options.archiveLabel = "v1"
    #expect(throws: BuildFailure.self) { try project.build(options) }
    #expect(project.read("output/index.html") == before)
  }

  @Test func aFailedRunIsReportedWhereItsResultWouldBe() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    // A porosity that, with the cell's active fraction of 0.694, fills more than the whole
    // electrode: each value is valid alone, so only the engine's check of the sum refuses
    // the second run of the sweep.
    let study = FixtureProject.study.replacingOccurrences(
      of: "  fitted-run:\n    cell: fitted\n",
      with:
        "  fitted-run:\n    cell: fitted\n    sweep:\n      parameters:\n        negative.porosity: [0.216, 0.5]\n"
    )
    #expect(study != FixtureProject.study)
    try project.folder.write(study, to: "studies/pair/study.yaml")
    try project.folder.write(
      FixtureProject.report.replacingOccurrences(
        of: "{{fitted-run: discharge.capacity}}",
        with: "{{fitted-run: discharge.capacity | negative.porosity=0.216}}"),
      to: "studies/pair/report.md")
    let log = try project.build(project.options())
    #expect(
      log.contains { $0.hasPrefix("  warning: fitted-run[negative.porosity=0.5]") })
    let page = try #require(project.read("output/pair/index.html"))
    #expect(
      page.contains(
        "Not shown: fitted-run[negative.porosity=0.5] (negative.active_fraction: porosity 0.5")
    )
    let manifest = try #require(project.read("output/pair/manifest.json"))
    #expect(manifest.contains("\"status\" : \"failed\""))
    // The failure is cached like a result: the next build runs nothing.
    let again = try project.build(project.options())
    #expect(again.contains("  nothing to simulate"))
  }
}
