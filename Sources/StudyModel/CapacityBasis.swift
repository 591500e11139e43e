/// Which capacity an N/P ratio compares.
public enum CapacityBasis: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Full stoichiometry range 0…1 of each active material.
  case theoretical
  /// Each electrode's declared practical stoichiometry window.
  case practical
}
