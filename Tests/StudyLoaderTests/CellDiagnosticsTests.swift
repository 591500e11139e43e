import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

@Suite struct CellDiagnosticsTests {
  @Test func reportsEveryProblemWithItsPosition() throws {
    let path = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/broken-cell.yaml"
    guard
      case .failure(let list) = CellFileLoader(libraryFolder: ProjectPaths.library).load(path: path)
    else {
      Issue.record("the broken cell must not load")
      return
    }
    let text = diagnosticSnapshotText(list.diagnostics, root: ProjectPaths.root())
    let mismatch = snapshotMismatch(text, named: "brokenCell")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
