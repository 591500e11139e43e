import Foundation

/// Compares `text` with the snapshot file `Snapshots/<name>.txt` beside the calling test file.
///
/// A missing snapshot, or any snapshot when `RECORD_SNAPSHOTS` is set, is written and
/// reported as a mismatch, so a new recording never passes unnoticed.
/// - Returns: nil when the text matches, otherwise a line diff to report.
public func snapshotMismatch(_ text: String, named name: String, testFile: String = #filePath)
  -> String?
{
  let folder = ((testFile as NSString).deletingLastPathComponent as NSString)
    .appendingPathComponent("Snapshots")
  let path = (folder as NSString).appendingPathComponent("\(name).txt")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  guard !recording, let data = FileManager.default.contents(atPath: path) else {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return "recorded a new snapshot at \(path); run the tests again"
  }
  let expected = String(decoding: data, as: UTF8.self)
  return expected == text ? nil : lineDiff(expected: expected, actual: text)
}

/// A minimal line diff: lines only in the expected text start with "–", only in the actual "+".
public func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var output: [String] = []
  for index in 0..<max(old.count, new.count) {
    let left = index < old.count ? String(old[index]) : nil
    let right = index < new.count ? String(new[index]) : nil
    if left == right { continue }
    if let left { output.append("– \(left)") }
    if let right { output.append("+ \(right)") }
  }
  return output.joined(separator: "\n")
}
