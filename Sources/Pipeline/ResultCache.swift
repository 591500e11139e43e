import Foundation
import StudyModel

/// Result rows stored by the content hash of the simulation that produced them, so that a
/// build reruns only what changed.
struct ResultCache {
  let folder: String

  private func path(_ hash: String) -> String { "\(folder)/\(hash).json" }

  /// The stored row for `hash`, if any.
  func row(_ hash: String) -> ResultRow? {
    guard let data = FileManager.default.contents(atPath: path(hash)) else { return nil }
    return try? JSONDecoder().decode(ResultRow.self, from: data)
  }

  /// Stores `row` under `hash` (written to a temporary file and renamed, so a reader never
  /// sees half a file).
  func store(_ row: ResultRow, hash: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let temporary = path(hash) + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    try encoder.encode(row).write(to: URL(fileURLWithPath: temporary))
    if FileManager.default.fileExists(atPath: path(hash)) {
      try FileManager.default.removeItem(atPath: path(hash))
    }
    try FileManager.default.moveItem(atPath: temporary, toPath: path(hash))
  }
}
