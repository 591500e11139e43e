/// One row of a simulation's results: the sweep coordinates and the quantities (SI units).
public struct ResultRow: Sendable, Equatable, Codable {
  /// Axis values by axis name.
  public let coordinates: [String: Double]
  /// Quantity values by quantity name.
  public let quantities: [String: Double]

  /// A row.
  public init(coordinates: [String: Double], quantities: [String: Double]) {
    self.coordinates = coordinates
    self.quantities = quantities
  }
}

/// The quantities a claim or observation may name: `<step>.<metric>`, where the step is
/// `charge`, `discharge` (the first of each) or `stepN`, with their SI dimension for messages.
public enum ResultQuantity {
  /// Metric names and what they measure.
  public static let metrics: [String: String] = [
    "capacity": "charge passed per electrode area, C/m² (declare values in mAh/cm2)",
    "capacity_per_gram_negative": "charge per mass of negative active material, C/kg (mAh/g)",
    "capacity_per_gram_positive": "charge per mass of positive active material, C/kg (mAh/g)",
    "energy": "energy per electrode area, J/m² (mWh/cm2)",
    "average_voltage": "energy over charge, V",
    "negative_utilization": "change of the negative electrode's mean stoichiometry",
    "positive_utilization": "change of the positive electrode's mean stoichiometry",
    "state_of_charge": "charge over the smaller practical electrode capacity (the global SOC)",
    "plating_onset": "time from the run's start to the negative electrode at 0 V against Li, s",
    "minimum_negative_potential":
      "lowest negative-electrode potential against Li at the separator, V",
    "duration": "time the step took, s",
    "mean_net_overpotential": "time average of |V − OCV| over the step, V (declare in mV)",
    "mean_reaction_overpotential":
      "time average of the reaction overpotentials of both electrodes, |η−| + |η+|, V",
    "mean_ohmic_drop": "time average of the ohmic drop in electrolyte and solids, V",
    "electrolyte_spread":
      "largest (highest − lowest) electrolyte concentration during the step over the initial one",
  ]

  /// Whether `name` is a known quantity.
  public static func isKnown(_ name: String) -> Bool {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2, metrics[parts[1]] != nil else { return false }
    let step = parts[0]
    return step == "charge" || step == "discharge"
      || (step.hasPrefix("step") && Int(step.dropFirst(4)).map { $0 >= 1 } == true)
  }
}
