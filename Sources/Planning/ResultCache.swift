import Foundation
import StudyModel

/// Run records and curves stored as JSON by the content hash of the simulation that produced
/// them, so that a build reruns only what changed.
struct ResultCache: Sendable {
  let folder: String

  private func path(_ hash: String) -> String { "\(folder)/\(hash).json" }

  /// The stored value of type `type` for `hash`, if any (a damaged file counts as missing).
  func value<Value: Decodable>(_ hash: String, as type: Value.Type) -> Value? {
    guard let data = FileManager.default.contents(atPath: path(hash)) else { return nil }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try? decoder.decode(type, from: data)
  }

  /// Stores `row` under `hash` (written to a temporary file and renamed, so a reader never
  /// sees half a file).
  func store(_ row: some Encodable, hash: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // Profiles have no solid values in the separator: NaN is stored as text.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let temporary = path(hash) + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    try encoder.encode(row).write(to: URL(fileURLWithPath: temporary))
    if FileManager.default.fileExists(atPath: path(hash)) {
      try FileManager.default.removeItem(atPath: path(hash))
    }
    try FileManager.default.moveItem(atPath: temporary, toPath: path(hash))
  }
}
