import ArgumentParser
import Commands
import Electrochem
import Foundation
import StudyModel

/// `cellbook simulate`: run a protocol on one cell file.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Run a protocol on one cell and print a summary of every step.",
    discussion: """
      Exit status: 0 when every step ended by one of its terminations (a cut-off, or an \
      electrode filling or emptying), 1 on invalid input, 3 when the solver failed.
      Example:
        cellbook simulate studies/library/cells/reference-seed-chen2020.yaml \\
          --protocol "Charge at 2.8 mA/cm2 until 4.2 V" \\
          --protocol "Discharge at 2.8 mA/cm2 until 2.5 V" --np 1.2 --csv run.csv
      """
  )

  @Argument(help: "The cell file (YAML).")
  var cell: String

  @Option(name: .customLong("protocol"), help: "A protocol step; repeat for each step, in order.")
  var steps: [String] = []

  @Option(help: "Run the protocol this many times, back to back.")
  var cycles = 1

  @Option(help: "Scale the negative electrode to this N/P ratio (positive fixed).")
  var np: Double?

  @Option(help: "The basis of --np: theoretical or practical.")
  var npBasis: String = "theoretical"

  @Option(help: "How --np is reached: thickness (the default) or loading.")
  var npMethod: String = "thickness"

  @Option(help: "Initial stoichiometries, for example neg=0.02,pos=0.95.")
  var initial: String?

  @Option(help: "Finite volumes per region and shells per particle, for example 20,10.")
  var mesh: String = "20,10"

  @Option(
    name: .customLong("set"),
    help: "Override a parameter, for example \"negative.thickness=70 um\".")
  var overrides: [String] = []

  @Option(help: "IDA's relative tolerance.")
  var rtol: Double?

  @Option(help: "IDA's absolute tolerance (unknowns are scaled to order one).")
  var atol: Double?

  @Option(help: "Write the time series to this CSV file.")
  var csv: String?

  @Option(
    name: .customLong("profile-at"), help: "Keep profiles along x at this time (s); repeatable.")
  var profileTimes: [Double] = []

  @Option(help: "Write the profiles kept with --profile-at to this CSV file.")
  var profiles: String?

  @Option(help: "Write one row per cycle (capacities, CE, lithium lost) to this CSV file.")
  var cyclesCsv: String?

  @Option(help: "Keep the time series of every k-th cycle too (the first and last always).")
  var seriesEvery: Int?

  @Option(
    help: "Stop cycling once the discharge capacity falls below this % of the reference cycle's.")
  var endOfLife: Double?

  @Option(help: "Count retention (and end of life) from this cycle instead of the first.")
  var retentionFrom: Int = 1

  func run() throws {
    var request = SimulateRequest(cellPath: cell, protocolSteps: steps)
    request.npRatio = np
    request.cycles = cycles
    guard let basis = CapacityBasis(rawValue: npBasis) else {
      throw ValidationError("--np-basis must be 'theoretical' or 'practical', not '\(npBasis)'")
    }
    request.npBasis = basis
    guard let method = NPMethod(rawValue: npMethod) else {
      throw ValidationError("--np-method must be 'thickness' or 'loading', not '\(npMethod)'")
    }
    request.npMethod = method
    request.mesh = try parseMesh(mesh)
    request.initial = try parseInitial(initial)
    request.overrides = overrides
    request.profileTimes = profileTimes
    if let seriesEvery, seriesEvery < 1 {
      throw ValidationError("--series-every must be 1 or more, not \(seriesEvery)")
    }
    request.seriesEvery = seriesEvery
    guard retentionFrom >= 1, retentionFrom <= max(cycles, 1) else {
      throw ValidationError("--retention-from must be a cycle from 1 to \(max(cycles, 1))")
    }
    request.retentionFrom = retentionFrom
    if let endOfLife {
      guard endOfLife > 0, endOfLife < 100 else {
        throw ValidationError("--end-of-life is a percentage between 0 and 100, not \(endOfLife)")
      }
      request.stopBelowRetention = endOfLife / 100
    }
    for (name, value) in [("--rtol", rtol), ("--atol", atol)] {
      if let value, !(value > 0 && value.isFinite) {
        throw ValidationError("\(name) must be a positive number, not \(value)")
      }
    }
    if let rtol { request.tolerances.relative = rtol }
    if let atol { request.tolerances.absolute = atol }
    switch SimulateRun.execute(request) {
    case .failure(let list):
      FileHandle.standardError.write(Data(DiagnosticRenderer.render(list.diagnostics).utf8))
      throw ExitCode.failure
    case .success(let outcome):
      print(outcome.summary, terminator: "")
      print("solved in \(Int((outcome.wallSeconds * 1000).rounded())) ms")
      if let csv { try Data(outcome.csv.utf8).write(to: URL(fileURLWithPath: csv)) }
      if let cyclesCsv {
        try Data(outcome.cyclesCSV.utf8).write(to: URL(fileURLWithPath: cyclesCsv))
      }
      if let profiles {
        try Data(ProfileCSV.text(outcome.run).utf8).write(to: URL(fileURLWithPath: profiles))
      }
      if !outcome.run.completed { throw ExitCode(3) }
    }
  }

  private func parseMesh(_ text: String) throws -> DFNMesh {
    let parts = text.split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard parts.count == 2, parts[0] >= 2, parts[1] >= 2 else {
      throw ValidationError("--mesh takes two whole numbers of at least 2, for example 20,10")
    }
    return DFNMesh(perRegion: parts[0], particle: parts[1])
  }

  private func parseInitial(_ text: String?) throws -> (negative: Double?, positive: Double?) {
    guard let text else { return (nil, nil) }
    var result: (negative: Double?, positive: Double?) = (nil, nil)
    for part in text.split(separator: ",") {
      let pair = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, let value = Double(pair[1]), value > 0, value < 1 else {
        throw ValidationError(
          "--initial takes neg=X,pos=Y with 0 < X, Y < 1, for example neg=0.02,pos=0.95")
      }
      switch pair[0] {
      case "neg": result.negative = value
      case "pos": result.positive = value
      default: throw ValidationError("--initial knows 'neg' and 'pos', not '\(pair[0])'")
      }
    }
    return result
  }
}
