import Foundation

/// A PyBaMM reference time series read from the fixtures.
struct ReferenceCurve {
  var time: [Double] = []
  var current: [Double] = []
  var voltage: [Double] = []
  var capacity: [Double] = []
  var negativeStoichiometry: [Double] = []
  var positiveStoichiometry: [Double] = []

  /// The stoichiometries at the end of the `index`-th segment of constant current sign.
  func endOfSegment(_ index: Int) -> (negative: Double, positive: Double) {
    var segment = 0
    for k in 1..<time.count where (current[k] > 0) != (current[k - 1] > 0) {
      if segment == index { return (negativeStoichiometry[k - 1], positiveStoichiometry[k - 1]) }
      segment += 1
    }
    return (negativeStoichiometry[time.count - 1], positiveStoichiometry[time.count - 1])
  }

  static func load(_ name: String) throws -> ReferenceCurve {
    let url = try require(
      Bundle.module.url(forResource: "Fixtures/pybamm/\(name)", withExtension: "csv"))
    let text = try String(contentsOf: url, encoding: .utf8)
    var curve = ReferenceCurve()
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",").compactMap { Double($0) }
      guard fields.count >= 6 else { continue }
      curve.time.append(fields[0])
      curve.current.append(fields[1])
      curve.voltage.append(fields[2])
      curve.capacity.append(fields[3])
      curve.negativeStoichiometry.append(fields[4])
      curve.positiveStoichiometry.append(fields[5])
    }
    return curve
  }
}

private func require<T>(_ value: T?) throws -> T {
  guard let value else { throw CocoaError(.fileNoSuchFile) }
  return value
}
