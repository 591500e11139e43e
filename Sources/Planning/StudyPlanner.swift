import Electrochem
import Engine
import Foundation
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
  public static let engineVersion = "cellbook-dfn-10"
  /// Changes whenever what a cached record derives from a run changes (the metrics, the cycle
  /// summaries), so that records made by older analysis code are not reused.
  public static let recordVersion = "records-2"

  /// The jobs of `study`, in declaration order, sweep axes varying last-fastest.
  public static func plan(_ study: Study) -> [PlannedJob] {
    study.simulations.flatMap { simulation -> [PlannedJob] in
      guard let cell = study.cells[simulation.cell] else { return [] }
      // Read once per simulation: every job of it depends on the same files.
      let fileDigests = cell.inputFiles.map { ContentHash.file($0) ?? "unreadable" }
      return jobs(simulation, cell: cell, fileDigests: fileDigests)
    }
  }

  /// The jobs of one simulation on `cell`, whose files have `fileDigests`; `cellbook simulate`
  /// plans its single run through here too.
  public static func jobs(
    _ simulation: SimulationSpec, cell: CellDefinition, fileDigests: [String] = []
  ) -> [PlannedJob] {
    let options = self.options(simulation)
    return product(simulation.sweeps.map { values(of: $0) }).map { combination in
      job(
        simulation, cell: cell, combination: combination, options: options,
        fileDigests: fileDigests)
    }
  }

  /// A swept value with its label.
  enum Value {
    case np(Double, basis: CapacityBasis, method: NPMethod)
    case current(Double)
    case parameter(ParameterOverride)

    /// The axis name and SI value.
    var coordinate: (String, Double) {
      switch self {
      case .np(let ratio, _, _): return (SweepAxis.npRatioName, ratio)
      case .current(let density): return (SweepAxis.currentDensityName, density)
      case .parameter(let override): return (override.path.name, override.value.value)
      }
    }

    var label: String {
      switch self {
      case .np(let ratio, _, _): return "\(SweepAxis.npRatioName)=\(CanonicalText.number(ratio))"
      case .current(let density):
        return "\(SweepAxis.currentDensityName)=\(CanonicalText.number(density / 10)) mA/cm2"
      case .parameter(let override): return "\(override.path.name)=\(override.value.text)"
      }
    }
  }

  static func values(of axis: SweepAxis) -> [Value] {
    switch axis {
    case .npRatio(let values, let basis, let method):
      return values.map { .np($0, basis: basis, method: method) }
    case .currentDensity(let values): return values.map { .current($0) }
    case .parameter(let path, let values):
      return values.map { .parameter(ParameterOverride(path: path, value: $0)) }
    }
  }

  /// The numerical settings of `simulation`: its mesh and tolerances.
  public static func options(_ simulation: SimulationSpec) -> SimulationOptions {
    let numerics = simulation.numerics
    return SimulationOptions(
      mesh: DFNMesh(perRegion: numerics.volumesPerRegion, particle: numerics.shellsPerParticle),
      relativeTolerance: numerics.relativeTolerance, absoluteTolerance: numerics.absoluteTolerance)
  }

  /// Every combination, the last axis varying fastest; one empty combination without axes.
  static func product(_ axes: [[Value]]) -> [[Value]] {
    axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.map { prefix + [$0] } } }
  }

  private static func job(
    _ simulation: SimulationSpec, cell: CellDefinition, combination: [Value],
    options: SimulationOptions, fileDigests: [String]
  ) -> PlannedJob {
    var parameters = cell.parameters
    var steps = simulation.protocolSteps
    // Parameter overrides first, so that an N/P target applies to the overridden cell.
    for case .parameter(let override) in combination { override.apply(to: &parameters) }
    for value in combination {
      switch value {
      case .np(let ratio, let basis, let method):
        parameters =
          method == .thickness
          ? CellDesign.withNegativeThickness(for: ratio, basis: basis, cell: parameters)
          : CellDesign.withNegativeLoading(for: ratio, basis: basis, cell: parameters)
      case .current(let density):
        steps = steps.map {
          $0.filling(sweptCurrent: density, valueText: "\(CanonicalText.number(density)) A/m2")
        }
      case .parameter: continue
      }
    }
    let labels = combination.map(\.label)
    let id =
      labels.isEmpty ? simulation.name : "\(simulation.name)[\(labels.joined(separator: ", "))]"
    let job = SimulationJob(
      id: id, cell: parameters,
      steps: Array(repeating: steps, count: simulation.cycles).flatMap { $0 },
      nominalCapacityAh: cell.nominalCapacityAh, cycling: cyclePlan(simulation))
    return PlannedJob(
      simulation: simulation.name, coordinates: labels,
      coordinateValues: Dictionary(combination.map(\.coordinate), uniquingKeysWith: { $1 }),
      job: job, options: options,
      contentHash: hash(job, options: options, fileDigests: fileDigests))
  }

  /// The cycles of `simulation`, when its protocol runs more than once.
  static func cyclePlan(_ simulation: SimulationSpec) -> CyclePlan? {
    guard simulation.cycles > 1 else { return nil }
    return CyclePlan(
      stepsPerCycle: simulation.protocolSteps.count, keepEvery: simulation.cycling.seriesEvery,
      stopBelowRetention: simulation.cycling.stopBelowRetention,
      retentionFrom: simulation.cycling.retentionFrom)
  }

  /// SHA-256 over the canonical text of everything the simulation depends on, including the
  /// digests of the files its cell was read from.
  static func hash(_ job: SimulationJob, options: SimulationOptions, fileDigests: [String] = [])
    -> String
  {
    var text = "engine=\(engineVersion)\nrecords=\(recordVersion)\n"
    text +=
      "mesh=\(options.mesh.negative),\(options.mesh.separator),\(options.mesh.positive),\(options.mesh.particle)\n"
    text += "rtol=\(CanonicalText.number(options.relativeTolerance))\n"
    text += "atol=\(CanonicalText.number(options.absoluteTolerance))\n"
    text += "nominal=\(job.nominalCapacityAh.map(CanonicalText.number) ?? "none")\n"
    text += job.steps.map { "step=\($0.text)" }.joined(separator: "\n") + "\n"
    if let cycling = job.cycling {
      // Which series a run keeps and where it stops change what it produces.
      text +=
        "cycling=\(cycling.stepsPerCycle),\(cycling.keepEvery.map(String.init) ?? "none"),"
        + "\(cycling.stopBelowRetention.map(CanonicalText.number) ?? "none")"
        + (cycling.retentionFrom == 1 ? "" : ",from \(cycling.retentionFrom)") + "\n"
    }
    text += CanonicalText.cell(job.cell) + "\n"
    // By digest only, in digest order, so the hash depends neither on file names nor on
    // where the project is checked out.
    text += fileDigests.sorted().map { "file=\($0)" }.joined(separator: "\n")
    return ContentHash.of(text)
  }
}
