import Electrochem
import Foundation
import Planning
import StudyLoader
import StudyModel
import TestSupport
import Testing

@Suite struct StudyPlannerTests {
  private let fixture = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies/np-valid"

  private func study() throws -> Study {
    try StudyFileLoader.load(folder: fixture, libraryFolder: ProjectPaths.library).get()
  }

  @Test func expandsTheProductOfEverySweep() throws {
    let jobs = try StudyPlanner.plan(try study())
    // 9 N/P values × 2 currents, then 2 radii.
    #expect(jobs.count == 20)
    #expect(jobs[0].job.id == "np-sweep[np=0.31, current=0.75 mA/cm2]")
    #expect(jobs[1].job.id == "np-sweep[np=0.31, current=2.8 mA/cm2]")
    #expect(
      jobs[0].job.steps.map(\.text) == [
        "Charge at 7.5 A/m2 until 4.2 V", "Discharge at 7.5 A/m2 until 2.5 V",
      ])
    #expect(jobs[18].job.id == "radius[negative.particle_radius=4 um]")
    #expect(jobs[18].job.steps.count == 10)  // two cycles of five steps
    #expect(jobs[18].options.mesh.particle == 6)
    #expect(abs(jobs[19].job.cell.negative.particleRadiusM - 6.1e-6) < 1e-15)
  }

  @Test func reachesEachNPRatioOnTheDeclaredBasis() throws {
    let jobs = try StudyPlanner.plan(try study())
    let seed = try study().cells["seed"]?.parameters
    for planned in jobs where planned.simulation == "np-sweep" {
      let label = try #require(planned.coordinates.first)
      let target = try #require(Double(label.dropFirst(3)))
      let negative = CellDesign.arealCapacity(planned.job.cell.negative, basis: .theoretical)
      let positive = CellDesign.arealCapacity(planned.job.cell.positive, basis: .theoretical)
      #expect(abs(negative / positive - target) < 1e-12)
      #expect(planned.job.cell.positive.thicknessM == seed?.positive.thicknessM)
    }
  }

  @Test func contentHashesAreStableAndSeparateEveryJob() throws {
    let first = try StudyPlanner.plan(try study()).map(\.contentHash)
    let second = try StudyPlanner.plan(try study()).map(\.contentHash)
    #expect(first == second)
    #expect(Set(first).count == first.count)
    #expect(first.allSatisfy { $0.count == 64 })
  }

  @Test func aChangedParameterChangesOnlyTheHashesThatDependOnIt() throws {
    let original = try study()
    var cells = original.cells
    cells["filmed"]?.parameters.negative.filmResistanceOhmM2 = 0.005
    let changed = Study(
      slug: original.slug, title: original.title, path: original.path, cells: cells,
      simulations: original.simulations)
    let before = try StudyPlanner.plan(original)
    let after = try StudyPlanner.plan(changed)
    for (old, new) in zip(before, after) {
      if old.simulation == "radius" {
        #expect(old.contentHash != new.contentHash)
      } else {
        #expect(old.contentHash == new.contentHash)
      }
    }
  }
}

@Suite struct SeedStudyPlanTests {
  @Test func theSeedStudyLoadsAndPlansItsWholeSweep() throws {
    let study = try StudyFileLoader.load(
      folder: "\(ProjectPaths.root())/studies/sigr-nmc811-np-ratio"
    ).get()
    let jobs = try StudyPlanner.plan(study)
    // The N/P sweep: 25 range points and the 4 listed values, which the range does not
    // contain, at 3 currents; the cycling sweep: 7 N/P at 2 currents, 100 cycles each.
    #expect(jobs.filter { $0.simulation == "np-sweep" }.count == 29 * 3)
    let cycling = jobs.filter { $0.simulation == "cycling" }
    #expect(cycling.count == 7 * 2)
    #expect(cycling.allSatisfy { $0.job.cycling?.stepsPerCycle == 2 && $0.job.steps.count == 200 })
    #expect(study.claims.count == 18)
    #expect(
      study.figures.map(\.id) == [
        "fig-capacity-vs-np", "fig-utilization", "fig-utilization-vs-soc", "fig-overpotentials",
        "fig-electrolyte-profiles", "fig-retention-cycles", "fig-retention-vs-np",
      ])
    // The fit calibrates the aging cell's silicon fade to the paper's three cycling numbers.
    let fit = try #require(study.fits.first)
    #expect(fit.cell == "aging")
    #expect(fit.targets == ["mu-ce2-np036", "mu-ce25-np036", "mu-retention100-np036"])
    #expect(
      fit.parameters.map(\.path.name) == [
        "negative.plating.dead_lithium_decay", "negative.loss_of_active_material.lithiation.rate",
        "negative.sei.solvent_diffusivity",
      ])
    // The claims on Figure 5 compare the paper's three cells only.
    let flat = try #require(study.claims.first { $0.id == "reaction-overpotential-flat" })
    guard case .spread(_, _, let atMost, let selection) = flat.test else {
      Issue.record("reaction-overpotential-flat should be a spread claim")
      return
    }
    #expect(abs(atMost - 0.005) < 1e-12)
    #expect(selection.among == ["np": [0.8, 1.0, 1.35]])
    // The Table 1 cell sits at practical N/P 1.37 and theoretical 0.847 (Mu et al., Table 1,
    // with the anode's 415 mAh/g and the cathode's 170 mAh/g).
    let seed = try #require(study.cells["seed"]).parameters
    #expect(abs(CellDesign.npRatio(seed, basis: .practical) - 1.37) < 0.005)
    #expect(abs(CellDesign.npRatio(seed, basis: .theoretical) - 0.847) < 0.002)
  }
}
