import ArgumentParser
import Commands
import Electrochem
import Foundation
import StudyLoader
import StudyModel

/// `cellbook bench`: the performance workloads, one JSON line each.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run a benchmark workload and print one JSON line per mesh.",
    discussion: """
      np-sweep: N/P 0.4 to 2.2 by 0.1 at 0.75 and 2.8 mA/cm2 (38 simulations), charge to 4.2 V \
      then discharge to 2.5 V, on the seed reference cell; the workload of PyBaMM's \
      np_sweep_dfn.jsonl. cycling: the seed cell with SEI and partially reversible plating at \
      N/P 1.2, 2.8 mA/cm2, 100 cycles on the coarse mesh, then every cycling simulation of \
      --study (the seed study's Fig. 3 sweep). Build in release mode first (make site or \
      swift build -c release).
      """
  )

  @Argument(
    help: "The workload: np-sweep, cycling, or residual (the DFN residual alone).")
  var workload: String

  @Option(help: "The seed reference cell file (for cycling, its version with SEI and plating).")
  var cell: String?

  @Option(help: "The study whose cycling simulations the cycling workload runs.")
  var study = "studies/sigr-nmc811-np-ratio"

  @Flag(help: "Also run the fine mesh (60 per region, 40 per particle).")
  var fine = false

  @Flag(help: "Use the coloured finite-difference Jacobian instead of the analytic one.")
  var finiteDifferenceJacobian = false

  @Flag(help: "Solve the Newton systems with KLU instead of particle elimination.")
  var klu = false

  @Option(help: "Worker threads (default: all cores).")
  var workers: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    guard ["np-sweep", "cycling", "residual"].contains(workload) else {
      throw ValidationError("unknown workload '\(workload)'; known: np-sweep, cycling, residual")
    }
    let cell =
      self.cell
      ?? "studies/library/cells/reference-seed-chen2020\(workload == "cycling" ? "-sei-plating" : "").yaml"
    let loader = CellFileLoader(libraryFolder: CellFileLoader.library(for: cell))
    let definition = loader.load(path: cell)
    guard case .success(let seed) = definition else {
      if case .failure(let list) = definition {
        FileHandle.standardError.write(Data(DiagnosticRenderer.render(list.diagnostics).utf8))
      }
      throw ExitCode.failure
    }
    if workload == "cycling" {
      try runCycling(seed.parameters)
      return
    }
    for mesh in fine ? [DFNMesh.coarse, .fine] : [.coarse] {
      if workload == "residual" {
        let micros = ResidualBenchmark.microsecondsPerResidual(
          cell: seed.parameters, mesh: mesh, repetitions: 20000)
        print(
          "{\"workload\":\"residual\",\"mesh\":[\(mesh.negative),\(mesh.particle)],\"us_per_residual\":\(micros)}"
        )
        continue
      }
      let measurement = NPSweepBenchmark.run(
        cell: seed.parameters, mesh: mesh, workers: workers,
        finiteDifferenceJacobian: finiteDifferenceJacobian, klu: klu)
      print(measurement.json)
    }
  }

  private func runCycling(_ cell: CellParameters) throws {
    print(CyclingBenchmark.singleRun(cell: cell).json)
    switch StudyFileLoader.load(folder: study) {
    case .success(let loaded):
      // The fits' cache of a build of the project the study sits in.
      let studies = URL(fileURLWithPath: study).standardizedFileURL.deletingLastPathComponent()
      let cacheRoot = studies.deletingLastPathComponent().path + "/.cellbook/cache"
      guard
        let measurement = CyclingBenchmark.study(loaded, cacheRoot: cacheRoot, workers: workers)
      else {
        FileHandle.standardError.write(Data("\(study): no simulation of several cycles\n".utf8))
        throw ExitCode.failure
      }
      print(measurement.json)
    case .failure(let list):
      FileHandle.standardError.write(Data(DiagnosticRenderer.render(list.diagnostics).utf8))
      throw ExitCode.failure
    }
  }
}
