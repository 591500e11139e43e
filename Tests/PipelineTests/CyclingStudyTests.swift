import Foundation
import Pipeline
import StudyModel
import TestSupport
import Testing

/// A study of a cell in cycles: its per-cycle tables are published, cycle quantities feed
/// claims, tables and figures, and quantities of cycles a simulation does not run are refused.
@Suite struct CyclingStudyTests {
  static let study = """
    title: Cycling with SEI and plating
    description: Ten cycles of the reference seed cell at two N/P ratios.
    cells:
      aging: reference-seed-chen2020-sei-plating
    simulations:
      cycling:
        cell: aging
        protocol:
          - Charge at 2.8 mA/cm2 until 4.2 V
          - Discharge at 2.8 mA/cm2 until 2.5 V
        cycles: 10
        mesh: [5, 3]
        sweep:
          np: {basis: theoretical, values: [0.8, 1.2]}
    claims:
      - id: ce-high
        text: The coulombic efficiency stays above 95 % from the second cycle.
        source: a test
        threshold: {quantity: run.minimum_coulombic_efficiency_after_first, above: 0.95}
        simulation: cycling
      - id: sei-grows-with-np
        text: More lithium is lost to SEI by cycle 10 at the higher N/P.
        source: a test
        trend: {quantity: cycle10.lithium_lost_to_sei, along: np, direction: increasing}
        simulation: cycling
    datasets:
      measured-retention:
        file: data/retention.csv
        source: a measured retention
        columns:
          np: {header: N/P}
          retention: {header: Retention after 10 cycles (%), unit: "%"}
    figures:
      - id: fig-retention
        kind: cycle
        caption: Retention and coulombic efficiency versus cycle.
        panels:
          - {simulation: cycling, x: cycle, y: retention, y2: coulombic_efficiency, series: np}
      - id: fig-retention-vs-np
        kind: sweep
        caption: Retention after 10 cycles versus N/P.
        panels:
          - {simulation: cycling, x: np, y: cycle10.retention, overlay: measured-retention}
    tables:
      - id: tab-cycles
        caption: Lithium lost by the last cycle.
        simulation: cycling
        rows: np
        columns: [last_cycle.lithium_lost_to_sei, run.cycles_to_ce_99]

    """

  private func project(_ study: String) throws -> StudyProject {
    try StudyProject(
      study: study, named: "aging",
      files: ["data/retention.csv": "N/P,Retention after 10 cycles (%)\n0.8,99.91\n1.2,99.97\n"])
  }

  @Test func publishesEveryCycleAndDrawsAndClaimsFromThem() throws {
    let project = try project(Self.study)
    defer { project.remove() }
    _ = try project.build().get()
    for number in ["001", "002"] {
      let table = try #require(project.read("output/aging/data/runs/\(number)-cycling.cycles.csv"))
      let lines = table.split(separator: "\n")
      #expect(lines.count == 11, "a header and ten cycles")
      let header = lines[0].split(separator: ",").map(String.init)
      // PyBaMM's cycling columns first, with their names and units.
      #expect(
        Array(header.prefix(10)) == [
          "cycle", "charge_capacity_mAh_cm2", "discharge_capacity_mAh_cm2",
          "coulombic_efficiency", "li_lost_to_sei_mAh_cm2", "li_lost_to_plating_mAh_cm2",
          "neg_sei_thickness_avg_nm", "neg_lam_pct", "pos_lam_pct", "end_time_s",
        ])
      #expect(lines.last?.hasPrefix("10,") == true)
    }
    let manifest = try #require(project.read("output/aging/manifest.json"))
    #expect(manifest.contains("\"cycles\" : \"data/runs/001-cycling.cycles.csv\""))
    #expect(manifest.contains("\"pass\""))
    #expect(!manifest.contains("\"fail\""))
    #expect(!manifest.contains("undetermined"))
    // The cycle figure's data: per N/P, ten cycles of retention and efficiency.
    let figureData = try #require(project.read("output/aging/data/fig-retention.csv"))
    #expect(figureData.split(separator: "\n").count > 10)
    #expect(project.read("output/aging/figures/fig-retention.svg") != nil)
    let sweepData = try #require(project.read("output/aging/data/fig-retention-vs-np.csv"))
    let retentions = sweepData.split(separator: "\n").dropFirst().compactMap {
      $0.split(separator: ",").last.flatMap { Double($0) }
    }
    let simulated = sweepData.split(separator: "\n").filter { $0.hasPrefix("series 1,") }
    #expect(simulated.count == 2)
    #expect(retentions.allSatisfy { $0 > 99 && $0 < 100 }, "\(retentions)")
    // The measured points are drawn over the simulation, in per cent as the axis shows.
    let measured = sweepData.split(separator: "\n").filter { $0.hasPrefix("a measured retention,") }
    #expect(measured == ["a measured retention,0.8,99.91", "a measured retention,1.2,99.97"])
    let table = try #require(project.read("output/aging/data/tab-cycles.csv"))
    #expect(table.split(separator: "\n").count == 3)
  }

  @Test func refusesCycleQuantitiesASimulationDoesNotRun() throws {
    let study = Self.study
      .replacingOccurrences(of: "cycle10.lithium_lost_to_sei", with: "cycle12.lithium_lost_to_sei")
      .replacingOccurrences(of: "cycles: 10", with: "cycles: 1")
    let project = try project(study)
    defer { project.remove() }
    guard case .failure(let failure) = project.build() else {
      Issue.record("the build should fail")
      return
    }
    let messages = failure.diagnostics.map(\.message)
    #expect(
      messages.contains(
        "'cycle12.lithium_lost_to_sei' needs 12 cycles; simulation 'cycling' runs 1"))
    #expect(
      messages.contains(
        "'run.minimum_coulombic_efficiency_after_first' needs 2 cycles; simulation 'cycling' runs 1"
      ))
    #expect(
      messages.contains("a cycle figure needs a simulation of several cycles; 'cycling' runs one"))
    #expect(messages.contains("'cycle10.retention' needs 10 cycles; simulation 'cycling' runs 1"))
    #expect(project.read("output/index.html") == nil, "nothing is written")
  }

  @Test func countsRetentionFromTheCycleAskedFor() throws {
    let study = Self.study.replacingOccurrences(
      of: "    cycles: 10\n", with: "    cycles: 10\n    retention_from: 2\n")
    #expect(study != Self.study)
    let project = try project(study)
    defer { project.remove() }
    _ = try project.build().get()
    let table = try #require(project.read("output/aging/data/runs/001-cycling.cycles.csv"))
    let rows = table.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    let column = try #require(rows[0].firstIndex(of: "retention"))
    let capacity = try #require(rows[0].firstIndex(of: "discharge_capacity_mAh_cm2"))
    #expect(rows[2][column] == "1.000000", "cycle 2 is the reference")
    let expected = try #require(Double(rows[10][capacity])) / #require(Double(rows[2][capacity]))
    #expect(abs(try #require(Double(rows[10][column])) - expected) < 2e-6)
    // The first cycle, before plating lithium was lost, holds more than the reference.
    #expect(try #require(Double(rows[1][column])) > 1)
  }

  @Test(arguments: [
    (
      "retention: {header: Retention after 10 cycles (%), unit: \"%\"}",
      "kept: {header: Retention after 10 cycles (%), unit: \"%\"}",
      "dataset 'measured-retention' needs a column 'np' and a column 'cycle10.retention' or 'retention' to be drawn here"
    ),
    (
      "retention: {header: Retention after 10 cycles (%), unit: \"%\"}",
      "retention: {header: Retention after 10 cycles (%), unit: mAh/cm2}",
      "column 'retention' of dataset 'measured-retention' is s A/m^2, but this panel plots dimensionless"
    ),
  ])
  func refusesAnOverlayItCannotDraw(_ original: String, _ replacement: String, _ message: String)
    throws
  {
    #expect(Self.study.contains(original))
    let project = try project(Self.study.replacingOccurrences(of: original, with: replacement))
    defer { project.remove() }
    guard case .failure(let failure) = project.build() else {
      Issue.record("the build should fail")
      return
    }
    #expect(failure.diagnostics.map(\.message) == [message])
  }

  @Test func refusesAnOrderingAtValuesTheSweepDoesNotRun() throws {
    let study = Self.study.replacingOccurrences(
      of: "    trend: {quantity: cycle10.lithium_lost_to_sei, along: np, direction: increasing}",
      with:
        "    ordering: {quantity: cycle10.retention, along: np, points: [0.8, 1.0], order: ascending}"
    )
    #expect(study != Self.study)
    let project = try project(study)
    defer { project.remove() }
    guard case .failure(let failure) = project.build() else {
      Issue.record("the build should fail")
      return
    }
    #expect(failure.diagnostics.map(\.message) == ["simulation 'cycling' does not run at np = 1.0"])
  }
}
