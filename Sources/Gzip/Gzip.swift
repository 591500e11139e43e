import CZlib
import Foundation

/// A failure of the compressor (out of memory or a zlib fault).
public struct GzipError: Error, Sendable, CustomStringConvertible {
  /// zlib's status code.
  public let code: Int32

  /// One line.
  public var description: String { "gzip compression failed (zlib status \(code))" }
}

/// Deterministic gzip: the same bytes in give the same bytes out (no time stamp, no file
/// name, a fixed operating-system byte), so compressed site files rebuild identically.
public enum Gzip {
  /// `data` compressed at zlib's default level (the usual speed and size balance), as a
  /// complete `.gz` file.
  public static func compress(_ data: Data) throws(GzipError) -> Data {
    var stream = z_stream()
    // windowBits 15 + 16 asks zlib for a gzip wrapper; its default header has mtime 0.
    var status = deflateInit2_(
      &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else { throw GzipError(code: status) }
    defer { deflateEnd(&stream) }
    var header = gz_header()
    header.os = 255  // "unknown": the same on every machine
    status = deflateSetHeader(&stream, &header)
    guard status == Z_OK else { throw GzipError(code: status) }
    let capacity = Int(deflateBound(&stream, uLong(data.count))) + 64
    var output = [UInt8](repeating: 0, count: capacity)
    var input = [UInt8](data)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
        stream.next_in = inBuffer.baseAddress
        stream.avail_in = uInt(inBuffer.count)
        stream.next_out = outBuffer.baseAddress
        stream.avail_out = uInt(outBuffer.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard produced == Z_STREAM_END else { throw GzipError(code: produced) }
    return Data(output[0..<Int(stream.total_out)])
  }
}
