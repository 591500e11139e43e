import Engine
import Foundation
import Gzip

/// A run's raw time series as the site publishes it: CSV, gzip-compressed when large.
public struct RunSeriesFile: Equatable, Sendable {
  /// `csv` or `csv.gz`.
  public let fileExtension: String
  /// The file's bytes.
  public let bytes: Data

  /// Above this many bytes of CSV the series is compressed.
  static let compressAboveBytes = 64 * 1024

  /// The file of `run`.
  init(run: RunResult) throws {
    let csv = Data(TimeSeriesCSV.text(run).utf8)
    if csv.count > Self.compressAboveBytes {
      self.init(fileExtension: "csv.gz", bytes: try Gzip.compress(csv))
    } else {
      self.init(fileExtension: "csv", bytes: csv)
    }
  }

  /// A file with the given bytes.
  init(fileExtension: String, bytes: Data) {
    self.fileExtension = fileExtension
    self.bytes = bytes
  }

  /// The stored file for `hash` in `folder`, if any.
  static func cached(_ hash: String, in folder: String) -> RunSeriesFile? {
    for fileExtension in ["csv.gz", "csv"] {
      if let bytes = FileManager.default.contents(atPath: "\(folder)/\(hash).\(fileExtension)") {
        return RunSeriesFile(fileExtension: fileExtension, bytes: bytes)
      }
    }
    return nil
  }

  /// Stores the file under `hash` in `folder` (written aside, then renamed).
  func store(_ hash: String, in folder: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = "\(folder)/\(hash).\(fileExtension)"
    let temporary = "\(path).partial-\(ProcessInfo.processInfo.processIdentifier)"
    try bytes.write(to: URL(fileURLWithPath: temporary))
    if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
    try manager.moveItem(atPath: temporary, toPath: path)
  }
}
