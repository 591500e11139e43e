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
    let text = list.diagnostics.sorted { $0.location < $1.location }.map { diagnostic in
      let l = diagnostic.location
      return
        "\(l.line):\(l.column): \(diagnostic.message)\(diagnostic.hint.map { " | hint: \($0)" } ?? "")"
    }.joined(separator: "\n").replacingOccurrences(of: ProjectPaths.root(), with: "$ROOT")
    let mismatch = snapshotMismatch(text + "\n", named: "brokenCell")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
