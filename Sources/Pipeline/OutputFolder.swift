import Foundation

/// Writes a site into a staging folder and swaps it into place only when complete, so that
/// a failed or interrupted build leaves the previous output as it was.
struct OutputFolder {
  let target: String
  let staging: String

  init(target: String) {
    let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
    self.target = trimmed
    self.staging = "\(trimmed).partial-\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Creates an empty staging folder.
  func prepare() throws {
    let manager = FileManager.default
    if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
    try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
  }

  /// Writes `contents` at `relativePath` inside the staging folder.
  func write(_ contents: String, to relativePath: String) throws {
    try write(Data(contents.utf8), to: relativePath)
  }

  /// Writes `data` at `relativePath` inside the staging folder.
  func write(_ data: Data, to relativePath: String) throws {
    let path = "\(staging)/\(relativePath)"
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: path))
  }

  /// Held while the target is swapped, so an interrupt waits for the swap to finish.
  static let swapLock = NSLock()

  /// Replaces the target with the staging folder: two renames, so the target is never
  /// half-written.
  func publish() throws {
    Self.swapLock.lock()
    defer { Self.swapLock.unlock() }
    let manager = FileManager.default
    let previous = "\(target).previous-\(ProcessInfo.processInfo.processIdentifier)"
    let hadTarget = manager.fileExists(atPath: target)
    if hadTarget { try manager.moveItem(atPath: target, toPath: previous) }
    do {
      try manager.moveItem(atPath: staging, toPath: target)
    } catch {
      if hadTarget { try? manager.moveItem(atPath: previous, toPath: target) }
      throw error
    }
    if hadTarget { try manager.removeItem(atPath: previous) }
  }

  /// Removes the staging folder after a failure.
  func discard() {
    try? FileManager.default.removeItem(atPath: staging)
  }
}
