/// A place in a source file, counted from 1 as editors show it.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable {
  /// The file's path as the user gave it (relative paths stay relative).
  public let file: String
  /// Line, from 1; 0 when the problem concerns the file as a whole.
  public let line: Int
  /// Column, from 1; 0 when unknown.
  public let column: Int

  /// A location at `line`:`column` of `file`.
  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// Orders by file, then line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
