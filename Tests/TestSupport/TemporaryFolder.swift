import Foundation

/// A fresh folder under the system's temporary directory, removed by `remove()`.
public struct TemporaryFolder {
  /// The folder's absolute path.
  public let path: String

  /// Creates a new, empty folder.
  public init() throws {
    let name = "cellbook-test-\(UUID().uuidString)"
    path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` at `relativePath`, creating folders as needed.
  public func write(_ text: String, to relativePath: String) throws {
    let file = (path as NSString).appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
  }

  /// Reads the text at `relativePath`, or nil when there is no such file.
  public func read(_ relativePath: String) -> String? {
    let file = (path as NSString).appendingPathComponent(relativePath)
    return FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Deletes the folder and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
