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
}
