import Foundation
import Pipeline
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
