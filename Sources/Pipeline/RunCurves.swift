import Electrochem
import Engine
import Foundation
import StudyModel

/// What curve and profile figures plot from one run, in display units, thinned to a few
/// hundred points per step: stored beside the result row so figures redraw without
/// simulating.
struct RunCurves: Codable, Equatable, Sendable {
  /// One step's curves and its end-of-step profile.
  struct Step: Codable, Equatable, Sendable {
    /// The names a figure may select it by: `stepN`, and `charge`/`discharge` for the first.
    let names: [String]
    /// Curve columns by name (time h, capacity mAh/cm², soc %, potentials V, overpotentials mV).
    let columns: [String: [Double]]
    /// Profile columns at the step's end by name (x µm, concentrations mol/m³, potentials V).
    let profile: [String: [Double]]
    /// The separator's span along x, µm.
    let separator: [Double]
  }

  /// The steps that ran.
  let steps: [Step]

  /// The step called `name`, if it ran.
  func step(_ name: String) -> Step? {
    steps.first { $0.names.contains(name) }
  }

  /// At most this many samples per step are kept.
  static let maximumSamples = 400

  /// The curves of `run` on `cell`.
  init(run: RunResult, cell: CellParameters) {
    // Global SOC: net charge stored over the smaller practical capacity, as StepMetrics.
    let limiting = min(
      CellDesign.arealCapacity(cell.negative, basis: .practical),
      CellDesign.arealCapacity(cell.positive, basis: .practical))
    let separatorStart = cell.negative.thicknessM * 1e6
    let separator = [separatorStart, separatorStart + cell.separator.thicknessM * 1e6]
    var namedCharge = false
    var namedDischarge = false
    var steps: [Step] = []
    for (index, result) in run.steps.enumerated() {
      var names = ["step\(index + 1)"]
      if case .charge = result.step.mode, !namedCharge {
        names.append("charge")
        namedCharge = true
      }
      if case .discharge = result.step.mode, !namedDischarge {
        names.append("discharge")
        namedDischarge = true
      }
      steps.append(
        Step(
          names: names, columns: Self.columns(result.series, limiting: limiting),
          profile: Self.profile(result.endProfile), separator: separator))
    }
    self.steps = steps
  }

  /// Every `stride`-th sample and the last, so a step keeps at most `maximumSamples`.
  private static func kept(_ count: Int) -> [Int] {
    guard count > maximumSamples else { return Array(0..<count) }
    let stride = Double(count - 1) / Double(maximumSamples - 1)
    return (0..<maximumSamples).map { Int((Double($0) * stride).rounded()) }
  }

  private static func columns(_ series: TimeSeries, limiting: Double) -> [String: [Double]] {
    let indices = kept(series.count)
    guard let first = indices.first else { return [:] }
    let startTime = series.timeS[first]
    let startCapacity = series.dischargeCapacityMAhCm2[first]
    func column(_ value: (Int) -> Double) -> [Double] { indices.map(value) }
    let o = series.observations
    return [
      "time": column { (series.timeS[$0] - startTime) / 3600 },
      "capacity": column { abs(series.dischargeCapacityMAhCm2[$0] - startCapacity) },
      "soc": column { -series.dischargeCapacityMAhCm2[$0] / limiting * 100 },
      "voltage": column { o[$0].voltageV },
      "ocv": column { o[$0].openCircuitVoltageV },
      "net_overpotential": column { abs(o[$0].voltageV - o[$0].openCircuitVoltageV) * 1000 },
      "reaction_overpotential": column {
        (abs(o[$0].reactionOverpotentialV.negative) + abs(o[$0].reactionOverpotentialV.positive))
          * 1000
      },
      "concentration_overpotential": column { abs(o[$0].concentrationOverpotentialV) * 1000 },
      "ohmic_drop": column {
        (abs(o[$0].electrolyteOhmicV) + abs(o[$0].solidOhmicV)) * 1000
      },
      "negative_potential": column { o[$0].negativePotentialAtSeparatorV },
      "positive_potential": column { o[$0].positivePotentialAtSeparatorV },
      "negative_stoichiometry": column { o[$0].negativeStoichiometry },
      "positive_stoichiometry": column { o[$0].positiveStoichiometry },
      "negative_utilization": column {
        abs(o[$0].negativeStoichiometry - o[first].negativeStoichiometry)
      },
      "positive_utilization": column {
        abs(o[$0].positiveStoichiometry - o[first].positiveStoichiometry)
      },
    ]
  }

  private static func profile(_ profile: CellProfile?) -> [String: [Double]] {
    guard let profile else { return [:] }
    return [
      "x": profile.xM.map { $0 * 1e6 },
      "electrolyte_concentration": profile.electrolyteConcentration,
      "electrolyte_potential": profile.electrolytePotentialV,
      "solid_potential": profile.solidPotentialV,
      "surface_stoichiometry": profile.surfaceStoichiometry,
      "reaction_rate": profile.interfacialCurrentAm2,
    ]
  }
}
