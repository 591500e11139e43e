import Analysis
import Electrochem
import Engine
import Foundation
import Planning
import StudyLoader
import StudyModel

/// `cellbook simulate`: one cell, one protocol, a summary and the time series.
public enum SimulateRun {
  /// What a simulation produced.
  public struct Outcome: Sendable {
    /// The resolved cell.
    public let cell: CellDefinition
    /// The run.
    public let run: RunResult
    /// Wall time of the solve, s.
    public let wallSeconds: Double
    /// The one-screen summary.
    public let summary: String
    /// The time series as CSV.
    public var csv: String { TimeSeriesCSV.text(run) }
    /// One row per cycle as CSV.
    public var cyclesCSV: String {
      CycleTableCSV.text(
        CycleSummary.cycles(of: run), retentionFrom: run.cycling?.retentionFrom ?? 1)
    }
  }

  /// Loads, checks and runs the request; invalid input comes back as diagnostics.
  ///
  /// The run is planned as a study's simulation is: the overrides, the initial
  /// stoichiometries and the N/P target become one-value sweep axes of a simulation, so the
  /// cell is resolved exactly as a study would resolve it.
  public static func execute(_ request: SimulateRequest) -> Result<Outcome, DiagnosticList> {
    let loader = CellFileLoader(libraryFolder: CellFileLoader.library(for: request.cellPath))
    var cell: CellDefinition
    switch loader.load(path: request.cellPath) {
    case .success(let loaded): cell = loaded
    case .failure(let list): return .failure(list)
    }
    var problems: [Diagnostic] = []
    let cycle = parseSteps(request.protocolSteps, problems: &problems)
    if request.cycles < 1 {
      problems.append(
        Diagnostic(.error, at: commandLine("--cycles"), "the number of cycles must be at least 1"))
    }
    let sweeps = axes(request, problems: &problems)
    for case .parameter(let path, _) in sweeps where !path.exists(in: cell.parameters) {
      problems.append(
        Diagnostic(
          .error, at: commandLine("--set"),
          "cell '\(cell.name)' has no '\(path.name)': its submodel is not in the cell file",
          hint: "add the submodel's section to the cell, or leave the override out"))
    }
    guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
    let simulation = SimulationSpec(
      name: "simulate", cell: cell.name, protocolSteps: cycle, cycles: request.cycles,
      sweeps: sweeps,
      numerics: NumericalSettings(
        volumesPerRegion: request.mesh.negative, shellsPerParticle: request.mesh.particle,
        relativeTolerance: request.tolerances.relative,
        absoluteTolerance: request.tolerances.absolute),
      cycling: CyclingSettings(
        seriesEvery: request.seriesEvery, stopBelowRetention: request.stopBelowRetention,
        retentionFrom: request.retentionFrom))
    guard let planned = StudyPlanner.jobs(simulation, cell: cell).first else {
      preconditionFailure("a simulation with one-value axes plans exactly one job")
    }
    cell.parameters = planned.job.cell
    let simulator = Simulator(options: planned.options)
    let start = Date()
    do {
      let run = try simulator.run(
        cell: planned.job.cell, protocol: planned.job.steps,
        nominalCapacityAh: planned.job.nominalCapacityAh, profileTimesS: request.profileTimes,
        cycling: planned.job.cycling)
      let wall = Date().timeIntervalSince(start)
      let summary = RunSummary.text(
        cell: cell, run: run, mesh: planned.options.mesh, stepsPerCycle: cycle.count)
      return .success(Outcome(cell: cell, run: run, wallSeconds: wall, summary: summary))
    } catch {
      let location = SourceLocation(file: request.cellPath)
      return .failure(DiagnosticList([Diagnostic(.error, at: location, error.description)]))
    }
  }

  private static func commandLine(_ option: String) -> SourceLocation {
    SourceLocation(file: "command line (\(option))")
  }

  private static func parseSteps(_ texts: [String], problems: inout [Diagnostic]) -> [ProtocolStep]
  {
    if texts.isEmpty {
      problems.append(
        Diagnostic(
          .error, at: commandLine("--protocol"), "no protocol step given",
          hint: "add --protocol \"Charge at 2.8 mA/cm2 until 4.2 V\""))
    }
    var steps: [ProtocolStep] = []
    for (index, text) in texts.enumerated() {
      let at = commandLine("--protocol #\(index + 1)")
      do {
        let step = try ProtocolStepParser.parse(text)
        if step.usesSweptCurrent {
          problems.append(
            Diagnostic(
              .error, at: at,
              "'\(text)': \(ProtocolStep.sweptCurrentText) is filled only by a study's current sweep",
              hint: "write the current, for example 'Charge at 2.8 mA/cm2 until 4.2 V'"))
        }
        steps.append(step)
      } catch {
        problems.append(Diagnostic(.error, at: at, "'\(text)': \(error.message)", hint: error.hint))
      }
    }
    return steps
  }

  /// The overrides, initial stoichiometries and N/P target as one-value sweep axes, in the
  /// order they apply (parameters before the N/P target, as in a study).
  private static func axes(_ request: SimulateRequest, problems: inout [Diagnostic])
    -> [SweepAxis]
  {
    var axes: [SweepAxis] = []
    for assignment in request.overrides {
      do {
        let override = try CellOverride.parse(assignment)
        axes.append(.parameter(path: override.path, values: [override.value]))
      } catch {
        problems.append(Diagnostic(.error, at: commandLine("--set"), error.message))
      }
    }
    for (name, value) in [
      ("negative.initial_stoichiometry", request.initial.negative),
      ("positive.initial_stoichiometry", request.initial.positive),
    ] {
      guard let value, let path = CellParameterPath.named(name) else { continue }
      axes.append(
        .parameter(
          path: path, values: [ParameterValue(text: CanonicalText.number(value), value: value)]))
    }
    if let ratio = request.npRatio {
      guard ratio > 0 else {
        problems.append(
          Diagnostic(.error, at: commandLine("--np"), "N/P must be positive, got \(ratio)"))
        return axes
      }
      axes.append(.npRatio(values: [ratio], basis: request.npBasis, method: request.npMethod))
    }
    return axes
  }
}
