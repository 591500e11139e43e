/// The version of Cellbook, printed by `--version` and stamped into generated pages.
public enum CellbookVersion {
  /// Semantic version string.
  public static let string = "0.1.0"
}
