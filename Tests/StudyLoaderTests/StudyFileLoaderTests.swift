import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

@Suite struct StudyFileLoaderTests {
  private let fixtures = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies"

  @Test func readsCellsSimulationsAndSweeps() throws {
    let study = try StudyFileLoader.load(
      folder: "\(fixtures)/np-valid", libraryFolder: ProjectPaths.library
    ).get()
    #expect(study.title == "N/P sweep of the seed cell")
    #expect(study.cells.keys.sorted() == ["filmed", "seed"])
    #expect(study.cells["filmed"]?.parameters.negative.filmResistanceOhmM2 == 0.0035)
    // Inherited from the base cell.
    #expect(abs((study.cells["filmed"]?.parameters.negative.thicknessM ?? 0) - 86.7e-6) < 1e-15)
    #expect(study.simulations.map(\.name) == ["np-sweep", "radius"])
    let sweep = study.simulations[0]
    guard case .npRatio(let values, let basis, let method) = sweep.sweeps[0] else {
      Issue.record("the first axis must be N/P")
      return
    }
    // The list and the 5-point range 0.31…2.24 together, sorted, without repeats.
    #expect(values.count == 9)
    #expect(values.first == 0.31 && values.last == 2.24)
    #expect(values.contains(0.36) && values.contains(1.35))
    #expect(basis == "theoretical" && method == .thickness)
    #expect(sweep.sweeps[1] == .currentDensity(values: [7.5, 28]))
    let radius = study.simulations[1]
    #expect(radius.cycles == 2 && radius.mesh == (10, 6))
    #expect(
      radius.sweeps == [.parameter(path: "negative.particle_radius", values: ["4 um", "6.1 um"])])
  }

  @Test func reportsEveryMistakeWithItsPlace() {
    guard
      case .failure(let list) = StudyFileLoader.load(
        folder: "\(fixtures)/np-invalid", libraryFolder: ProjectPaths.library)
    else {
      Issue.record("the invalid study must not load")
      return
    }
    let text = diagnosticSnapshotText(list.diagnostics, root: ProjectPaths.root())
    let mismatch = snapshotMismatch(text, named: "invalidStudy")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
