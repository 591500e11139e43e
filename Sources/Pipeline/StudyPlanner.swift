import Electrochem
import Engine
import Foundation
import StudyLoader
import StudyModel

/// One simulation of a study's plan, with the content hash of everything it depends on.
public struct PlannedJob: Sendable {
  /// The simulation declaration it comes from.
  public let simulation: String
  /// The sweep coordinates of this job, as "axis=value" (empty without sweeps).
  public let coordinates: [String]
  /// The same coordinates as numbers in SI, by axis name (for result tables).
  public let coordinateValues: [String: Double]
  /// What to run.
  public let job: SimulationJob
  /// The numerical settings.
  public let options: SimulationOptions
  /// SHA-256 (hex) over the resolved parameters, the protocol, the mesh, the solver settings
  /// and the engine version: equal hashes mean an identical simulation.
  public let contentHash: String
}

/// Expands a study's simulations into jobs: the product of every sweep axis.
public enum StudyPlanner {
  /// Changes whenever the engine's numerics change, so cached results are not reused.
  public static let engineVersion = "cellbook-dfn-8"

  /// The jobs of `study`, in declaration order, sweep axes varying last-fastest.
  public static func plan(_ study: Study) -> Result<[PlannedJob], DiagnosticList> {
    var jobs: [PlannedJob] = []
    var problems: [Diagnostic] = []
    for simulation in study.simulations {
      guard let cell = study.cells[simulation.cell] else { continue }
      let options = Self.options(simulation)
      // Read once per simulation: every job of it depends on the same files.
      let fileDigests = cell.inputFiles.map { ContentHash.file($0) ?? "unreadable" }
      for combination in product(simulation.sweeps.map { values(of: $0) }) {
        switch job(
          simulation, cell: cell, combination: combination, options: options,
          fileDigests: fileDigests)
        {
        case .success(let planned): jobs.append(planned)
        case .failure(let diagnostic):
          problems.append(
            Diagnostic(
              .error, at: SourceLocation(file: study.path), diagnostic.message,
              hint: diagnostic.hint))
        }
      }
    }
    return problems.isEmpty ? .success(jobs) : .failure(DiagnosticList(problems))
  }

  /// A swept value with its label.
  enum Value {
    case np(Double, basis: CapacityBasis, method: NPMethod)
    case current(Double)
    case parameter(path: String, value: String)

    /// The axis name and SI value.
    var coordinate: (String, Double) {
      switch self {
      case .np(let ratio, _, _): return ("np", ratio)
      case .current(let density): return ("current", density)
      case .parameter(let path, let value):
        let dimension = CellOverride.dimension(of: path) ?? .none
        return (path, (try? QuantityParser.parse(value, dimension: dimension)) ?? .nan)
      }
    }

    var label: String {
      switch self {
      case .np(let ratio, _, _): return "np=\(CanonicalText.number(ratio))"
      case .current(let density): return "current=\(CanonicalText.number(density / 10)) mA/cm2"
      case .parameter(let path, let value): return "\(path)=\(value)"
      }
    }
  }

  static func values(of axis: SweepAxis) -> [Value] {
    switch axis {
    case .npRatio(let values, let basis, let method):
      let capacityBasis = CapacityBasis(rawValue: basis) ?? .theoretical
      return values.map { .np($0, basis: capacityBasis, method: method) }
    case .currentDensity(let values): return values.map { .current($0) }
    case .parameter(let path, let values): return values.map { .parameter(path: path, value: $0) }
    }
  }

  /// The numerical settings of `simulation`: its mesh, the default tolerances.
  static func options(_ simulation: SimulationSpec) -> SimulationOptions {
    SimulationOptions(
      mesh: DFNMesh(perRegion: simulation.mesh.perRegion, particle: simulation.mesh.particle))
  }

  /// Every combination, the last axis varying fastest; one empty combination without axes.
  static func product(_ axes: [[Value]]) -> [[Value]] {
    axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.map { prefix + [$0] } } }
  }

  private struct PlanProblem: Error {
    let message: String
    let hint: String?
  }

  private static func job(
    _ simulation: SimulationSpec, cell: CellDefinition, combination: [Value],
    options: SimulationOptions, fileDigests: [String]
  ) -> Result<PlannedJob, PlanProblem> {
    var parameters = cell.parameters
    var texts = simulation.protocolSteps
    // Parameter overrides first, so that an N/P target applies to the overridden cell.
    for value in combination {
      guard case .parameter(let path, let text) = value else { continue }
      do {
        try CellOverride.apply("\(path)=\(text)", to: &parameters)
      } catch {
        return .failure(
          PlanProblem(message: "simulation '\(simulation.name)': \(error.message)", hint: nil))
      }
    }
    for value in combination {
      switch value {
      case .np(let ratio, let basis, let method):
        parameters =
          method == .thickness
          ? CellDesign.withNegativeThickness(for: ratio, basis: basis, cell: parameters)
          : CellDesign.withNegativeLoading(for: ratio, basis: basis, cell: parameters)
      case .current(let density):
        texts = texts.map {
          $0.replacingOccurrences(of: "{current}", with: "\(CanonicalText.number(density)) A/m2")
        }
      case .parameter: continue
      }
    }
    var steps: [ProtocolStep] = []
    for text in Array(repeating: texts, count: simulation.cycles).flatMap({ $0 }) {
      do {
        steps.append(try ProtocolStepParser.parse(text))
      } catch {
        return .failure(
          PlanProblem(
            message: "simulation '\(simulation.name)': '\(text)': \(error.message)",
            hint: error.hint))
      }
    }
    let labels = combination.map(\.label)
    let id =
      labels.isEmpty ? simulation.name : "\(simulation.name)[\(labels.joined(separator: ", "))]"
    let job = SimulationJob(
      id: id, cell: parameters, steps: steps, nominalCapacityAh: cell.nominalCapacityAh)
    return .success(
      PlannedJob(
        simulation: simulation.name, coordinates: labels,
        coordinateValues: Dictionary(combination.map(\.coordinate), uniquingKeysWith: { $1 }),
        job: job, options: options,
        contentHash: hash(job, options: options, fileDigests: fileDigests)))
  }

  /// SHA-256 over the canonical text of everything the simulation depends on, including the
  /// digests of the files its cell was read from.
  static func hash(_ job: SimulationJob, options: SimulationOptions, fileDigests: [String] = [])
    -> String
  {
    var text = "engine=\(engineVersion)\n"
    text +=
      "mesh=\(options.mesh.negative),\(options.mesh.separator),\(options.mesh.positive),\(options.mesh.particle)\n"
    text += "rtol=\(CanonicalText.number(options.relativeTolerance))\n"
    text += "atol=\(CanonicalText.number(options.absoluteTolerance))\n"
    text += "nominal=\(job.nominalCapacityAh.map(CanonicalText.number) ?? "none")\n"
    text += job.steps.map { "step=\($0.text)" }.joined(separator: "\n") + "\n"
    text += CanonicalText.cell(job.cell) + "\n"
    // By digest only, in digest order, so the hash depends neither on file names nor on
    // where the project is checked out.
    text += fileDigests.sorted().map { "file=\($0)" }.joined(separator: "\n")
    return ContentHash.of(text)
  }
}
