import Crypto
import Foundation

/// SHA-256 digests in lowercase hex: the keys of the cache and the fingerprints of inputs.
public enum ContentHash {
  /// The digest of `data`.
  public static func of(_ data: Data) -> String {
    SHA256.hash(data: data).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// The digest of the UTF-8 bytes of `text`.
  public static func of(_ text: String) -> String { of(Data(text.utf8)) }

  /// The digest of the file at `path` (nil when it cannot be read).
  public static func file(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { of($0) }
  }
}
