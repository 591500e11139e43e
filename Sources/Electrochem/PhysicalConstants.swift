import StudyModel

/// Physical constants (CODATA 2018 exact values).
public enum PhysicalConstants {
  /// Faraday constant, C/mol.
  public static let faraday = 96485.33212
  /// Molar gas constant, J/(mol K).
  public static let gas = 8.314462618
  /// Avogadro constant, 1/mol.
  public static let avogadro = 6.02214076e23
}
