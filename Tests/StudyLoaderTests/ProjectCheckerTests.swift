import Foundation
import StudyLoader
import TestSupport
import Testing

@Suite struct ProjectCheckerTests {
  @Test func theShippedLibraryAndStudiesAreClean() {
    let report = ProjectChecker.check(paths: [], studiesRoot: "\(ProjectPaths.root())/studies")
    #expect(report.files.count >= 10)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
  }

  @Test func aBrokenFileOutsideTheLibraryIsRecognisedByItsKeys() {
    let path = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/broken-cell.yaml"
    let report = ProjectChecker.check(paths: [path])
    #expect(report.diagnostics.count == 7)
  }

  @Test func checkReadsTheReportsComputedValues() throws {
    // A copy of a valid study with a report whose values name a wrong quantity, an axis the
    // simulation is not swept along and a value in a wrong unit: each at its line and column.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let source = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies/np-valid"
    let study = try String(contentsOfFile: "\(source)/study.yaml", encoding: .utf8)
    let root = (folder.path as NSString).appendingPathComponent("studies/np-valid")
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: "\(source)/data", toPath: "\(root)/data")
    try FileManager.default.createSymbolicLink(
      atPath: "\(folder.path)/studies/library", withDestinationPath: ProjectPaths.library)
    try folder.write(study, to: "studies/np-valid/study.yaml")
    try folder.write(
      """
      # Report

      Stores {{np-sweep: discharge.capacty | np=1.0, current=2.8 mA/cm2}}.
      Also {{np-sweep: discharge.capacity | temperature=300 K}} and
      {{np-sweep: discharge.capacity | np=1.0, current=2.8 V}}.
      ```
      {{np-sweep: not checked inside a code fence}}
      ```
      """, to: "studies/np-valid/report.md")
    let report = ProjectChecker.check(
      paths: ["\(root)/study.yaml"], studiesRoot: "\(folder.path)/studies")
    let found = report.diagnostics.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
    #expect(found.count == 3, "\(found)")
    #expect(found.contains("3:8: unknown quantity 'discharge.capacty'"))
    #expect(
      found.contains { $0.hasPrefix("4:6: 'temperature=300 K' is not AXIS=VALUE for an axis") })
    #expect(found.contains { $0.hasPrefix("5:1: 'current=2.8 V'") })
  }
}
