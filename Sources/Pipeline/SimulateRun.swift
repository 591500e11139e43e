import Electrochem
import Engine
import Foundation
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
  }

  /// Loads, checks and runs the request; invalid input comes back as diagnostics.
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
    let steps = Array(repeating: cycle, count: max(request.cycles, 1)).flatMap { $0 }
    applyOptions(request, to: &cell.parameters, problems: &problems)
    guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
    let simulator = Simulator(
      options: SimulationOptions(
        mesh: request.mesh, relativeTolerance: request.tolerances.relative,
        absoluteTolerance: request.tolerances.absolute))
    let start = Date()
    do {
      let run = try simulator.run(
        cell: cell.parameters, protocol: steps, nominalCapacityAh: cell.nominalCapacityAh,
        profileTimesS: request.profileTimes)
      let wall = Date().timeIntervalSince(start)
      let summary = RunSummary.text(
        cell: cell, run: run, mesh: request.mesh, stepsPerCycle: cycle.count)
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
      do {
        steps.append(try ProtocolStepParser.parse(text))
      } catch {
        problems.append(
          Diagnostic(
            .error, at: commandLine("--protocol #\(index + 1)"), "'\(text)': \(error.message)",
            hint: error.hint))
      }
    }
    return steps
  }

  private static func applyOptions(
    _ request: SimulateRequest, to cell: inout CellParameters, problems: inout [Diagnostic]
  ) {
    for assignment in request.overrides {
      do {
        try CellOverride.apply(assignment, to: &cell)
      } catch {
        problems.append(Diagnostic(.error, at: commandLine("--set"), error.message))
      }
    }
    if let negative = request.initial.negative { cell.negative.initialStoichiometry = negative }
    if let positive = request.initial.positive { cell.positive.initialStoichiometry = positive }
    if let ratio = request.npRatio {
      guard ratio > 0 else {
        problems.append(
          Diagnostic(.error, at: commandLine("--np"), "N/P must be positive, got \(ratio)"))
        return
      }
      cell = CellDesign.withNegativeThickness(for: ratio, basis: request.npBasis, cell: cell)
    }
  }
}
