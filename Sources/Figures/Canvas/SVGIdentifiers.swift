/// Makes Cairo's SVG output independent of how many surfaces the process made before.
///
/// Cairo names the page group `surfaceN` after a process-wide counter, so the same drawing
/// would give different bytes on a second render; this renames it to `surface1`.
enum SVGIdentifiers {
  static func normalize(_ bytes: [UInt8]) -> [UInt8] {
    let marker = Array("id=\"surface".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == marker[0], bytes[index...].starts(with: marker) {
        output.append(contentsOf: marker)
        index += marker.count
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        output.append(49)  // "1"
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return output
  }
}
