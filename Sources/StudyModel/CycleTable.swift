/// Every cycle's values of a run in cycles, metric by metric, in SI (nil where a cycle has
/// none, such as the coulombic efficiency of a cycle without charge).
public struct CycleTable: Sendable, Equatable, Codable {
  /// Per metric, one value per cycle, the first cycle first.
  public let columns: [CycleMetric: [Double?]]
  /// How many cycles ran.
  public let count: Int

  /// A table of `count` cycles.
  public init(count: Int, columns: [CycleMetric: [Double?]]) {
    self.count = count
    self.columns = columns
  }

  /// The value of `metric` in cycle `cycle`, if that cycle ran and has one.
  public func value(_ metric: CycleMetric, cycle: CycleSelector) -> Double? {
    let index: Int
    switch cycle {
    case .number(let n): index = n - 1
    case .last: index = count - 1
    }
    guard let column = columns[metric], column.indices.contains(index) else { return nil }
    return column[index]
  }
}

extension CycleMetric: Codable, CodingKeyRepresentable {}
