import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

/// One case of the PyBaMM cycling references (Fixtures/pybamm-aging/README.md): the library
/// cell, its N/P, the cycles and the fixture name.
struct AgingCase: Sendable, CustomTestStringConvertible {
  let name: String
  let cellFile: String
  let np: Double
  let cycles: Int

  var testDescription: String { name }

  static let all: [AgingCase] = [
    AgingCase(
      name: "seed_np1.2_2.8mA_sei_50cycles", cellFile: "reference-seed-chen2020-sei", np: 1.2,
      cycles: 50),
    AgingCase(
      name: "seed_np0.8_2.8mA_sei_plating_20cycles",
      cellFile: "reference-seed-chen2020-sei-plating", np: 0.8, cycles: 20),
    AgingCase(
      name: "seed_np1.2_2.8mA_sei_lam_30cycles", cellFile: "reference-seed-chen2020-sei-lam",
      np: 1.2, cycles: 30),
  ]

  /// The library cell at the case's N/P (negative thickness, theoretical basis).
  var cell: CellParameters {
    CellDesign.withNegativeThickness(
      for: np, basis: .theoretical, cell: ReferenceCells.load(cellFile).parameters)
  }

  /// One cycle: charge at 2.8 mA/cm² to 4.2 V, discharge at 2.8 mA/cm² to 2.5 V.
  static let cycle: [ProtocolStep] = [
    ProtocolStep(mode: .charge(.density(28)), limits: [.voltage(4.2)], text: "Charge until 4.2 V"),
    ProtocolStep(
      mode: .discharge(.density(28)), limits: [.voltage(2.5)], text: "Discharge until 2.5 V"),
  ]

  /// Runs the case's cycles on `mesh`, keeping the first and last cycles' series.
  func run(mesh: DFNMesh) throws -> RunResult {
    try Simulator(options: SimulationOptions(mesh: mesh)).run(
      cell: cell, protocol: Array([[ProtocolStep]](repeating: Self.cycle, count: cycles).joined()),
      cycling: CyclePlan(stepsPerCycle: Self.cycle.count))
  }
}

/// A PyBaMM cycling reference: one row per cycle, and the first and last cycles' curves.
struct AgingReference {
  /// Column name → value, one dictionary per cycle.
  let cycles: [[String: Double]]
  /// The curves of the first and the last cycle, by cycle number.
  let curves: [Int: ReferenceCurve]

  /// `column` of every cycle.
  func column(_ name: String) -> [Double] { cycles.map { $0[name] ?? .nan } }

  static func load(_ name: String, mesh: String) throws -> AgingReference {
    let table = try rows("\(name).\(mesh).cycles")
    let header = table.header
    let cycles = table.rows.map { fields in
      Dictionary(uniqueKeysWithValues: zip(header, fields.map { Double($0) ?? .nan }))
    }
    var curves: [Int: ReferenceCurve] = [:]
    for fields in try rows("\(name).\(mesh).first_last").rows {
      let values = fields.compactMap { Double($0) }
      guard values.count == 5 else { continue }
      let number = Int(values[0])
      var curve = curves[number] ?? ReferenceCurve()
      curve.time.append(values[1])
      curve.current.append(values[2])
      curve.voltage.append(values[3])
      curves[number] = curve
    }
    return AgingReference(cycles: cycles, curves: curves)
  }

  private static func rows(_ resource: String) throws -> (header: [String], rows: [[String]]) {
    guard
      let url = Bundle.module.url(
        forResource: "Fixtures/pybamm-aging/\(resource)", withExtension: "csv")
    else { throw CocoaError(.fileNoSuchFile) }
    let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
    let split = lines.map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return (split.first ?? [], Array(split.dropFirst()))
  }
}
