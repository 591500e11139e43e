import StudyModel

/// What the external circuit imposes on the cell during a step.
public enum CellControl: Sendable, Equatable {
  /// A current density, A/m² of electrode (positive on discharge).
  case current(Double)
  /// A terminal voltage, V.
  case voltage(Double)
}
