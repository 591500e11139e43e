import Electrochem
import Engine
import Foundation
import StudyModel

/// What curve and profile figures plot from one run, in display units, thinned to a few
/// hundred points per step: stored beside the result row so figures redraw without
/// simulating.
public struct RunCurves: Codable, Equatable, Sendable {
  /// One step's curves and its end-of-step profile.
  public struct Step: Codable, Equatable, Sendable {
    /// The names a figure may select it by (`StepSelector`).
    public let names: [String]
    /// Curve columns by name (`CurveColumn`, in the units the catalogue gives).
    public let columns: [String: [Double]]
    /// Profile columns at the step's end by name (`ProfileColumn`).
    public let profile: [String: [Double]]
    /// The separator's span along x, µm.
    public let separator: [Double]

    /// The values of a curve column.
    public subscript(_ column: CurveColumn) -> [Double]? { columns[column.rawValue] }

    /// The values of a profile column.
    public subscript(_ column: ProfileColumn) -> [Double]? { profile[column.rawValue] }
  }

  /// The steps that ran.
  public let steps: [Step]

  /// The step `selector` names, if it ran.
  public func step(_ selector: StepSelector) -> Step? {
    steps.first { $0.names.contains(selector.description) }
  }

  /// At most this many samples per step are kept.
  static let maximumSamples = 400

  /// The curves of `run` on `cell`.
  public init(run: RunResult, cell: CellParameters) {
    // Global SOC: net charge stored over the smaller practical capacity, as StepMetrics.
    let limiting = min(
      CellDesign.arealCapacity(cell.negative, basis: .practical),
      CellDesign.arealCapacity(cell.positive, basis: .practical))
    let separatorStart = cell.negative.thicknessM * 1e6
    let separator = [separatorStart, separatorStart + cell.separator.thicknessM * 1e6]
    let selectors = StepSelector.selectors(of: run.steps.map(\.step))
    steps = zip(run.steps, selectors).map { result, names in
      Step(
        names: names.map(\.description),
        columns: Self.columns(result.series, limiting: limiting, cell: cell),
        profile: Self.profile(result.endProfile), separator: separator)
    }
  }

  /// Every `stride`-th sample and the last, so a step keeps at most `maximumSamples`.
  private static func kept(_ count: Int) -> [Int] {
    guard count > maximumSamples else { return Array(0..<count) }
    let stride = Double(count - 1) / Double(maximumSamples - 1)
    return (0..<maximumSamples).map { Int((Double($0) * stride).rounded()) }
  }

  private static func columns(_ series: TimeSeries, limiting: Double, cell: CellParameters)
    -> [String: [Double]]
  {
    let indices = kept(series.count)
    guard let first = indices.first else { return [:] }
    let startTime = series.timeS[first]
    let startCapacity = series.dischargeCapacityMAhCm2[first]
    let o = series.observations
    func value(_ column: CurveColumn, _ k: Int) -> Double {
      switch column {
      case .time: return (series.timeS[k] - startTime) / 3600
      case .capacity: return abs(series.dischargeCapacityMAhCm2[k] - startCapacity)
      case .soc: return -series.dischargeCapacityMAhCm2[k] / limiting * 100
      case .voltage: return o[k].voltageV
      case .ocv: return o[k].openCircuitVoltageV
      case .netOverpotential: return abs(o[k].voltageV - o[k].openCircuitVoltageV) * 1000
      case .reactionOverpotential:
        return
          (abs(o[k].reactionOverpotentialV.negative)
          + abs(o[k].reactionOverpotentialV.positive)) * 1000
      case .concentrationOverpotential: return abs(o[k].concentrationOverpotentialV) * 1000
      case .ohmicDrop: return (abs(o[k].electrolyteOhmicV) + abs(o[k].solidOhmicV)) * 1000
      case .negativePotential: return o[k].negativePotentialAtSeparatorV
      case .positivePotential: return o[k].positivePotentialAtSeparatorV
      case .negativeStoichiometry: return o[k].negativeStoichiometry
      case .positiveStoichiometry: return o[k].positiveStoichiometry
      case .negativeUtilization:
        return StepMetrics.negativeUtilization(from: o[first], to: o[k], cell: cell)
      case .positiveUtilization:
        return abs(o[k].positiveStoichiometry - o[first].positiveStoichiometry)
      }
    }
    return Dictionary(
      uniqueKeysWithValues: CurveColumn.allCases.map { column in
        (column.rawValue, indices.map { value(column, $0) })
      })
  }

  private static func profile(_ profile: CellProfile?) -> [String: [Double]] {
    guard let profile else { return [:] }
    func values(_ column: ProfileColumn) -> [Double] {
      switch column {
      case .x: return profile.xM.map { $0 * 1e6 }
      case .electrolyteConcentration: return profile.electrolyteConcentration
      case .electrolytePotential: return profile.electrolytePotentialV
      case .solidPotential: return profile.solidPotentialV
      case .surfaceStoichiometry: return profile.surfaceStoichiometry
      case .reactionRate: return profile.interfacialCurrentAm2
      }
    }
    return Dictionary(
      uniqueKeysWithValues: ProfileColumn.allCases.map { ($0.rawValue, values($0)) })
  }
}
