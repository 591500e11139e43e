/// The figure kinds of cell-design studies, each a named builder over result tables.
public enum FigureKind: String, Sendable, CaseIterable {
  /// A result quantity against N/P, one line per current density.
  case versusNP = "versus-np"
  /// Capacity retention and coulombic efficiency against cycle number, on two y axes.
  case versusCycle = "versus-cycle"
  /// Voltage against capacity or state of charge, one curve per case.
  case voltageCurves = "voltage-curves"
  /// The overpotential breakdown against state of charge.
  case overpotentialBreakdown = "overpotential-breakdown"
  /// The equilibrium (open-circuit) voltage against state of charge, one curve per case.
  case equilibriumPotential = "equilibrium-potential"
  /// Each electrode's potential against a lithium reference: the three-electrode view.
  case electrodePotentials = "electrode-potentials"
  /// A quantity along the cell's thickness, one curve per time or case.
  case profiles = "profiles"
}
