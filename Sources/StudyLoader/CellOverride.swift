import StudyModel

/// Reads `PATH=VALUE` overrides of one cell parameter, with units ("negative.thickness=70 um"),
/// into typed overrides; used by `--set` and by parameter sweeps.
public enum CellOverride {
  /// The dimension of the parameter at `path`, if it is one.
  public static func dimension(of path: String) -> UnitDimension? {
    CellParameterPath.named(path)?.dimension
  }

  /// The parameter paths that can be overridden.
  public static var knownPaths: [String] { CellParameterPath.names }

  /// The parameter called `name`.
  public static func path(_ name: String) throws(UnitError) -> CellParameterPath {
    guard let path = CellParameterPath.named(name) else {
      let hint =
        Suggestions.closest(to: name, in: knownPaths).map { "; did you mean '\($0)'?" } ?? ""
      throw UnitError(message: "unknown parameter '\(name)'\(hint)")
    }
    return path
  }

  /// `text` ("70 um") as a value of `path`, in SI and within the parameter's bounds.
  public static func value(_ text: String, of path: CellParameterPath) throws(UnitError)
    -> ParameterValue
  {
    let number = try QuantityParser.parse(text, dimension: path.dimension)
    let written = text.trimmingCharacters(in: .whitespaces)
    if let violation = path.bound.violation(number) {
      throw UnitError(message: "'\(path.name)' \(violation), got \(written)")
    }
    return ParameterValue(text: written, value: number)
  }

  /// Reads `assignment` ("negative.thickness=70 um").
  public static func parse(_ assignment: String) throws(UnitError) -> ParameterOverride {
    guard let equals = assignment.firstIndex(of: "=") else {
      throw UnitError(
        message: "'\(assignment)' is not PATH=VALUE, for example 'negative.thickness=70 um'")
    }
    let path = try self.path(assignment[..<equals].trimmingCharacters(in: .whitespaces))
    let value = try self.value(String(assignment[assignment.index(after: equals)...]), of: path)
    return ParameterOverride(path: path, value: value)
  }

  /// Reads `assignment` and applies it to `cell`.
  public static func apply(_ assignment: String, to cell: inout CellParameters) throws(UnitError) {
    try parse(assignment).apply(to: &cell)
  }
}
