/// The fixed nonzero structure of a Jacobian in compressed sparse column (CSC) form.
public struct SparsityPattern: Sendable, Equatable {
  /// Number of rows and columns.
  public let size: Int
  /// For each column, the index in `rowIndices` where it starts; `size + 1` entries.
  public let columnStarts: [Int]
  /// Row index of each stored entry, column by column, ascending within a column.
  public let rowIndices: [Int]

  /// Number of stored entries.
  public var nonzeroCount: Int { rowIndices.count }

  /// Builds a pattern from (row, column) pairs; duplicates are merged and the diagonal is
  /// always included (IDA adds `cj` times the mass matrix there).
  public init(size: Int, entries: [(row: Int, column: Int)]) {
    var columns = [Set<Int>](repeating: [], count: size)
    for entry in entries where entry.row < size && entry.column < size {
      columns[entry.column].insert(entry.row)
    }
    for index in 0..<size { columns[index].insert(index) }
    var starts = [0]
    var rows: [Int] = []
    for column in columns {
      rows.append(contentsOf: column.sorted())
      starts.append(rows.count)
    }
    self.size = size
    self.columnStarts = starts
    self.rowIndices = rows
  }

  /// The position of entry (row, column) in the value array, or nil when it is not stored.
  public func position(row: Int, column: Int) -> Int? {
    let lower = columnStarts[column]
    let upper = columnStarts[column + 1]
    var low = lower
    var high = upper
    while low < high {
      let mid = (low + high) / 2
      if rowIndices[mid] < row { low = mid + 1 } else { high = mid }
    }
    return low < upper && rowIndices[low] == row ? low : nil
  }
}
