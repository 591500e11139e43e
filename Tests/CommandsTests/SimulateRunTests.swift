import Commands
import Electrochem
import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

@Suite struct SimulateRunTests {
  private let seed = "\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml"

  private enum ReferenceCells {
    static var seed: CellParameters {
      let path = "\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml"
      guard
        case .success(let cell) = CellFileLoader(libraryFolder: ProjectPaths.library).load(
          path: path)
      else { preconditionFailure("the seed cell must load") }
      return cell.parameters
    }
  }

  @Test func summarisesEveryStep() throws {
    var request = SimulateRequest(
      cellPath: seed,
      protocolSteps: ["Charge at 2.8 mA/cm2 until 4.2 V", "Discharge at 2.8 mA/cm2 until 2.5 V"])
    request.npRatio = 1.2
    let outcome = try SimulateRun.execute(request).get()
    #expect(outcome.run.completed)
    // The solver line depends on the floating-point details of the machine; the rest is
    // the physics summary a user reads.
    let text = outcome.summary.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("solver") }.joined(separator: "\n")
    let mismatch = snapshotMismatch(text, named: "seedSummary")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func writesTheReferenceColumnsFirst() throws {
    var request = SimulateRequest(
      cellPath: seed, protocolSteps: ["Discharge at 1 mA/cm2 for 10 minutes"])
    request.initial = (0.8, 0.3)
    request.profileTimes = [300]
    let outcome = try SimulateRun.execute(request).get()
    let lines = outcome.csv.split(separator: "\n")
    #expect(
      lines.first?.hasPrefix(
        "time_s,current_A_m2,voltage_V,discharge_capacity_mAh_cm2,neg_stoich_avg,pos_stoich_avg,"
          + "neg_phi_s_minus_phi_e_at_separator_V,pos_phi_s_minus_phi_e_at_separator_V,"
          + "electrolyte_conc_at_neg_cc_mol_m3,electrolyte_conc_at_pos_cc_mol_m3") == true)
    let last = try #require(lines.last).split(separator: ",")
    #expect(last[0] == "600.000000")
    #expect(last[3] == "0.166667")  // 1 mA/cm² for 10 minutes
    let profiles = ProfileCSV.text(outcome.run).split(separator: "\n")
    #expect(profiles.count == 1 + 60)  // header and one row per volume at t = 300 s
    #expect(profiles[1].hasPrefix("300.000,"))
  }

  @Test func resolvesTheCellAsAStudyWouldOnEitherBasisAndMethod() throws {
    // Overrides first, then the N/P target on the overridden cell, by thickness or loading.
    let cell = ReferenceCells.seed
    for (basis, method) in [
      (CapacityBasis.practical, NPMethod.thickness), (.theoretical, .loading),
    ] {
      var request = SimulateRequest(
        cellPath: seed, protocolSteps: ["Charge at 2.8 mA/cm2 for 1 minute"])
      request.npRatio = 0.7
      request.npBasis = basis
      request.npMethod = method
      request.overrides = ["positive.thickness=60 um"]
      let outcome = try SimulateRun.execute(request).get()
      var expected = cell
      try CellOverride.apply("positive.thickness=60 um", to: &expected)
      expected =
        method == .thickness
        ? CellDesign.withNegativeThickness(for: 0.7, basis: basis, cell: expected)
        : CellDesign.withNegativeLoading(for: 0.7, basis: basis, cell: expected)
      #expect(outcome.cell.parameters == expected, "\(basis), \(method)")
      #expect(abs(CellDesign.npRatio(outcome.cell.parameters, basis: basis) - 0.7) < 1e-12)
    }
  }

  @Test func aSweptCurrentOutsideAStudyIsRefused() {
    let request = SimulateRequest(cellPath: seed, protocolSteps: ["Charge at {current} for 1 h"])
    guard case .failure(let list) = SimulateRun.execute(request) else {
      Issue.record("{current} has no sweep to fill it here")
      return
    }
    #expect(list.diagnostics.map(\.message).contains { $0.contains("current sweep") })
  }

  @Test func invalidInputIsReportedBeforeSolving() {
    var request = SimulateRequest(cellPath: seed, protocolSteps: ["Charge at -1C until 4.2 V"])
    request.overrides = ["positive.porosity=1.5"]
    guard case .failure(let list) = SimulateRun.execute(request) else {
      Issue.record("a negative charge current must be refused")
      return
    }
    #expect(
      list.diagnostics.map(\.message).contains {
        $0.contains("the verb already gives the direction")
      })
  }

  @Test func physicallyImpossibleOverridesAreRefused() {
    var request = SimulateRequest(cellPath: seed, protocolSteps: ["Charge at 1 mA/cm2 until 4.2 V"])
    request.overrides = ["positive.porosity=1.5"]
    guard case .failure(let list) = SimulateRun.execute(request) else {
      Issue.record("porosity 1.5 must be refused")
      return
    }
    // Refused where it is written, on the command line, before any solver starts.
    #expect(
      list.diagnostics.first?.message
        == "'positive.porosity' must be strictly between 0 and 1, got 1.5")
    #expect(list.diagnostics.first?.location.file == "command line (--set)")
  }

  @Test func aBlendedAnodeChargesAndGivesBackNoMoreThanItStored() throws {
    // The seed cell with its anode as a blend of two library materials, by mass.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: ProjectPaths.library, toPath: folder.path)
    try folder.write(
      """
      name: blended
      source: a test
      base: reference-seed-chen2020
      negative:
        material:
          blend:
            - {material: graphite-siox-lgm50-chen2020, mass_fraction: 0.9}
            - {material: sigr-lgmj1-sturm2019, mass_fraction: 0.1}
      """, to: "cells/blended.yaml")
    let request = SimulateRequest(
      cellPath: "\(folder.path)/cells/blended.yaml",
      protocolSteps: ["Charge at 1 mA/cm2 until 4.2 V", "Discharge at 1 mA/cm2 until 2.5 V"])
    let outcome = try SimulateRun.execute(request).get()
    #expect(outcome.run.completed)
    let steps = outcome.run.steps
    #expect(steps.count == 2)
    // It charges to a real capacity and gives nearly all of it back, never more.
    let charged = abs(
      (steps[0].series.dischargeCapacityMAhCm2.last ?? 0)
        - (steps[0].series.dischargeCapacityMAhCm2.first ?? 0))
    let discharged = abs(
      (steps[1].series.dischargeCapacityMAhCm2.last ?? 0)
        - (steps[1].series.dischargeCapacityMAhCm2.first ?? 0))
    #expect(charged > 1 && discharged > 0.9 * charged && discharged <= charged + 1e-6)
  }
}
