import Analysis
import Engine
import Foundation
import StudyModel

/// Runs a study's fits: a Nelder–Mead search in the logarithm of the parameters, each
/// evaluation simulating the target observations' runs on the cell with trial values.
public enum FitRunner {
  /// The residual of a target whose run ends before it has a value (a failed run, or one that
  /// stops before the cycle the target names): large, so that the search steps away.
  public static let missingResidual = 10.0

  /// The result of `fit` in `study`, from the cache under `cacheRoot` when it holds one.
  public static func run(
    _ fit: FitSpec, study: Study, cacheRoot: String, ignoreCache: Bool, workers: Int
  ) -> FitResult {
    let problem = FitProblem(fit: fit, study: study)
    let hash = problem.hash
    let cache = ResultCache(folder: cacheRoot + "/fits")
    if !ignoreCache, var cached = cache.value(hash, as: FitResult.self) {
      cached.reused = true
      return cached
    }
    var memo: [[Double]: [Double?]] = [:]
    func simulated(_ point: [Double]) -> [Double?] {
      if let known = memo[point] { return known }
      let values = problem.run(problem.parameters(at: point), workers: workers)
      memo[point] = values
      return values
    }
    let search = NelderMead(maxEvaluations: fit.evaluations)
    let start = problem.unitPoint(of: fit.parameters.map(\.initial))
    let outcome = search.minimize(from: start) { problem.objective(simulated($0)) }
    let fitted = problem.parameters(at: outcome.point)
    let result = FitResult(
      id: fit.id, hash: hash,
      values: zip(fit.parameters, fitted).map { parameter, value in
        FitResult.Value(
          path: parameter.path.name, initial: parameter.initial, fitted: value,
          lower: parameter.lower, upper: parameter.upper)
      },
      residuals: problem.residuals(simulated(outcome.point)),
      initialObjective: problem.objective(simulated(start)), objective: outcome.value,
      evaluations: memo.count, converged: outcome.converged)
    try? cache.store(result, hash: hash)
    return result
  }

  /// `study` with each fit's values set in its cell.
  public static func applying(_ results: [FitResult], to study: Study) -> Study {
    var fitted = study
    for (fit, result) in zip(study.fits, results) {
      guard var cell = fitted.cells[fit.cell] else { continue }
      for (parameter, value) in zip(fit.parameters, result.values) {
        parameter.path.apply(value.fitted, to: &cell.parameters)
      }
      fitted.cells[fit.cell] = cell
    }
    return fitted
  }
}

/// One fit's targets and how trial values become simulations and residuals.
private struct FitProblem {
  let fit: FitSpec
  let study: Study
  let targets: [Observation]

  init(fit: FitSpec, study: Study) {
    self.fit = fit
    self.study = study
    targets = fit.targets.compactMap { study.observations[$0] }
  }

  /// The unit-box point of parameter values `values` (log scale between the bounds).
  func unitPoint(of values: [Double]) -> [Double] {
    zip(fit.parameters, values).map { parameter, value in
      log(value / parameter.lower) / log(parameter.upper / parameter.lower)
    }
  }

  /// The parameter values at unit-box point `point`.
  func parameters(at point: [Double]) -> [Double] {
    zip(fit.parameters, point).map { parameter, u in
      parameter.lower * exp(u * log(parameter.upper / parameter.lower))
    }
  }

  /// The jobs each target reads, with `values` set in the fitted cell.
  func jobs(_ values: [Double]) -> [PlannedJob?] {
    var trial = study
    if var cell = trial.cells[fit.cell] {
      for (parameter, value) in zip(fit.parameters, values) {
        parameter.path.apply(value, to: &cell.parameters)
      }
      trial.cells[fit.cell] = cell
    }
    let planned = StudyPlanner.plan(trial)
    return targets.map { target in
      planned.first {
        $0.simulation == target.selection.simulation
          && ResultSelection.matches($0.coordinateValues, fixed: target.selection.fixed)
      }
    }
  }

  /// The content hash: the fit as declared, the targets' values and the runs at the start.
  var hash: String {
    let parameters = fit.parameters.map {
      "\($0.path.name)=\(CanonicalText.number($0.initial))[\(CanonicalText.number($0.lower)),"
        + "\(CanonicalText.number($0.upper))]"
    }
    let observed = targets.map {
      "\($0.id)=\($0.quantity.name):\(CanonicalText.number($0.value))"
        + "±\($0.uncertainty.map(CanonicalText.number) ?? "-")"
    }
    let runs = jobs(fit.parameters.map(\.initial)).map { $0?.contentHash ?? "none" }
    return ContentHash.of(
      (["fit \(fit.id) cell \(fit.cell) evaluations \(fit.evaluations)"] + parameters + observed
        + runs).joined(separator: "\n"))
  }

  /// Each target's simulated value at parameter values `values` (nil where the run has none).
  func run(_ values: [Double], workers: Int) -> [Double?] {
    let jobs = self.jobs(values)
    // Targets of one run share it; runs of one mesh share a sweep.
    var unique: [PlannedJob] = []
    for job in jobs.compactMap({ $0 })
    where !unique.contains(where: { $0.contentHash == job.contentHash }) {
      unique.append(job)
    }
    var rows: [String: ResultRow] = [:]
    let groups = Dictionary(grouping: unique.indices) { unique[$0].options }
    for (options, indices) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
      let group = indices.map { unique[$0] }
      let results = SweepRunner.run(group.map(\.job), options: options, workers: workers) {
        index, result, _ -> ResultRow? in
        guard case .success(let run) = result else { return nil }
        return ResultRowBuilder.row(
          coordinates: group[index].coordinateValues, run: run, cell: group[index].job.cell)
      }
      for (job, row) in zip(group, results) { rows[job.contentHash] = row }
    }
    return zip(targets, jobs).map { target, job in
      guard let job, let row = rows[job.contentHash], let value = row[target.quantity],
        value.isFinite
      else { return nil }
      return value
    }
  }

  /// The residuals of simulated values `simulated`.
  func residuals(_ simulated: [Double?]) -> [FitResult.Residual] {
    zip(targets, simulated).map { target, value in
      let scale = target.uncertainty ?? abs(target.value)
      let residual =
        value.map { ($0 - target.value) / (scale > 0 ? scale : 1) } ?? FitRunner.missingResidual
      return FitResult.Residual(
        observation: target.id, quantity: target.quantity.name, observed: target.value,
        simulated: value, residual: residual)
    }
  }

  /// The sum of squared residuals.
  func objective(_ simulated: [Double?]) -> Double {
    residuals(simulated).map { $0.residual * $0.residual }.reduce(0, +)
  }
}
