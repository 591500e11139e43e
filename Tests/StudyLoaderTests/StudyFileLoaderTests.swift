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
    #expect(basis == .theoretical && method == .thickness)
    #expect(sweep.sweeps[1] == .currentDensity(values: [7.5, 28]))
    let radius = study.simulations[1]
    #expect(radius.cycles == 2)
    #expect(radius.numerics.volumesPerRegion == 10 && radius.numerics.shellsPerParticle == 6)
    // The repeat block is expanded in place.
    #expect(
      radius.protocolSteps.map(\.text) == [
        "Charge at 2.8 mA/cm2 until 4.2 V", "Rest for 10 minutes",
        "Discharge at 2.8 mA/cm2 for 30 minutes or until 2.5 V", "Rest for 10 minutes",
        "Discharge at 2.8 mA/cm2 for 30 minutes or until 2.5 V",
      ])
    // Parameter values are read once, in SI, and keep the text they were written as.
    guard case .parameter(let path, let radii) = radius.sweeps.first, radius.sweeps.count == 1
    else {
      Issue.record("the radius simulation sweeps one parameter")
      return
    }
    #expect(path == CellParameterPath.named("negative.particle_radius"))
    #expect(radii.map(\.text) == ["4 um", "6.1 um"])
    #expect(zip(radii.map(\.value), [4e-6, 6.1e-6]).allSatisfy { abs($0 - $1) < 1e-18 })
    // The swept current of a step is a typed slot, not a placeholder to substitute.
    #expect(study.simulations[0].protocolSteps.allSatisfy { $0.usesSweptCurrent })
  }

  @Test func readsDatasetsInSIWithTheCurrentSignApplied() throws {
    let study = try StudyFileLoader.load(
      folder: "\(fixtures)/np-valid", libraryFolder: ProjectPaths.library
    ).get()
    let table = try #require(study.datasets["fig2a"])
    #expect(table.columns["np"] == [0.8, 1.0, 1.35])
    #expect(
      table.columns["capacity"]?.map { ($0 / 36000 * 100).rounded() / 100 } == [3.10, 3.62, 3.95])
    #expect(table.selection == ResultSelection(simulation: "np-sweep", fixed: ["current": 28]))
    let curve = try #require(study.datasets["charge-curve"])
    // Positive on charge in the file; Cellbook counts discharge as positive.
    #expect(curve.columns["current"] == [-28, -28, -28])
    #expect(curve.columns["time"] == [0, 60, 120])
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

  @Test func readsObservationsAndEveryKindOfClaim() throws {
    let study = try StudyFileLoader.load(
      folder: "\(fixtures)/np-valid", libraryFolder: ProjectPaths.library
    ).get()
    let observation = try #require(study.observations["capacity-np1"])
    #expect(abs(observation.value - 3.8 * 36000) < 1e-6)  // 3.8 mAh/cm² in C/m²
    #expect(observation.uncertainty.map { abs($0 - 3600) < 1e-6 } == true)
    #expect(observation.selection.fixed == ["np": 1.0, "current": 28])
    #expect(
      study.claims.map(\.id) == [
        "capacity-rises", "per-gram-peak", "no-plating-above", "np1-first", "capacity-agrees",
      ])
    let atCurrent = ResultSelection(simulation: "np-sweep", fixed: ["current": 28])
    #expect(
      study.claims[0].test
        == .trend(
          quantity: quantity("discharge.capacity"), axis: "np", increasing: true,
          selection: atCurrent))
    #expect(
      study.claims[1].test
        == .extremum(
          quantity: quantity("discharge.capacity_per_gram_negative"), axis: "np", maximum: true,
          range: 0.3...0.5,
          selection: ResultSelection(simulation: "np-sweep", fixed: ["current": 7.5])))
    #expect(
      study.claims[2].test
        == .threshold(
          quantity: quantity("charge.minimum_negative_potential"), above: true, value: 0,
          selection: ResultSelection(simulation: "np-sweep", fixed: ["np": 1.35])))
    #expect(
      study.claims[3].test
        == .ordering(
          quantity: quantity("charge.duration"), axis: "np", points: [1.0, 0.8, 1.35],
          ascending: true,
          selection: atCurrent))
    #expect(
      study.claims[4].test == .agreement(observation: "capacity-np1", relativeTolerance: 0.05))
  }

  @Test func readsFiguresAndTables() throws {
    let study = try StudyFileLoader.load(
      folder: "\(fixtures)/np-valid", libraryFolder: ProjectPaths.library
    ).get()
    #expect(study.figures.map(\.id) == ["fig-capacity-vs-np", "fig-voltage-vs-soc"])
    let sweep = try #require(study.figures.first?.panels.first)
    #expect(
      sweep.x == .sweep("np") && sweep.y == .result(quantity("discharge.capacity"))
        && sweep.series == "current")
    #expect(
      sweep.overlay == PanelOverlay(dataset: "fig2a", x: "np", y: "capacity")
        && sweep.labels.y == "Capacity (mAh cm⁻²)"
        && sweep.limits.x == 0...2.5)
    #expect(study.figures[1].supplementary && study.figures[1].panels.count == 2)
    #expect(study.figures[1].panels[1].y == .curve(.netOverpotential))
    #expect(
      study.tables.first?.columns == [quantity("charge.capacity"), quantity("discharge.capacity")])
    #expect(study.tables.first?.rows == "np")
  }

  /// The quantity called `name` (a test's own spelling, known to be valid).
  private func quantity(_ name: String) -> ResultQuantity {
    guard let quantity = ResultQuantity(name) else { preconditionFailure("no quantity \(name)") }
    return quantity
  }
}

/// Swept parameter values obey the same bounds as the cell file's own values.
@Suite struct SweptValueBoundsTests {
  @Test func aSweptFractionOutsideZeroToOneIsALoadError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.copyItem(
      atPath: ProjectPaths.library, toPath: "\(folder.path)/studies/library")
    try folder.write(
      """
      title: Out of range
      cells:
        seed: reference-seed-chen2020
      simulations:
        run:
          cell: seed
          protocol: [Discharge at 1 mA/cm2 until 2.5 V]
          sweep:
            parameters:
              negative.initial_stoichiometry: [0.5, 1.5]
      """, to: "studies/bad/study.yaml")
    guard case .failure(let list) = StudyFileLoader.load(folder: "\(folder.path)/studies/bad")
    else {
      Issue.record("a stoichiometry of 1.5 must be refused when the study is loaded")
      return
    }
    let messages = list.diagnostics.map(\.message)
    #expect(
      messages.contains {
        $0.contains("'negative.initial_stoichiometry' must be strictly between 0 and 1, got 1.5")
      }, "\(messages)")
  }
}

/// A study names the files it was read from one way each, relative paths included.
@Suite struct InputFileNamesTests {
  @Test func relativeTablePathsAreResolved() throws {
    #expect(
      InputFileNames.normalized("studies/library/materials/../data/ocp/a.csv")
        == "studies/library/data/ocp/a.csv")
    #expect(InputFileNames.normalized("/a/./b/../c.yaml") == "/a/c.yaml")
    #expect(InputFileNames.normalized("../x/../y") == "../y")
    let root = ProjectPaths.root()
    let study = try StudyFileLoader.load(folder: "\(root)/studies/sigr-nmc811-np-ratio").get()
    #expect(study.inputFiles.contains("\(root)/studies/library/data/ocp/sigr_lgmj1_sturm2019.csv"))
    #expect(!study.inputFiles.contains { $0.contains("/../") || $0.contains("/./") })
  }

}
