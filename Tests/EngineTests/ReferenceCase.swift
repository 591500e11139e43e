import Electrochem
import StudyModel
import Testing

/// One case of the PyBaMM reference set: the cell, the protocol and the fixture name.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  let name: String
  let cell: CellParameters
  let steps: [ProtocolStep]

  var testDescription: String { name }

  static func seed(np: Double, milliampsPerCm2: Double, name: String) -> ReferenceCase {
    let density = milliampsPerCm2 * 10
    return ReferenceCase(
      name: name, cell: ReferenceCells.seed(np: np),
      steps: [
        ProtocolStep(
          mode: .charge(.density(density)), limits: [.voltage(4.2)], text: "Charge until 4.2 V"),
        ProtocolStep(
          mode: .discharge(.density(density)), limits: [.voltage(2.5)],
          text: "Discharge until 2.5 V"),
      ])
  }

  static func chen(amps: Double, name: String) -> ReferenceCase {
    ReferenceCase(
      name: name, cell: ReferenceCells.chen2020,
      steps: [
        ProtocolStep(
          mode: .discharge(.total(amps)), limits: [.voltage(2.5)], text: "Discharge until 2.5 V")
      ])
  }

  static let all: [ReferenceCase] = [
    seed(np: 1.2, milliampsPerCm2: 2.8, name: "seed_np1.2_2.8mA"),
    seed(np: 0.8, milliampsPerCm2: 0.75, name: "seed_np0.8_0.75mA"),
    seed(np: 2.0, milliampsPerCm2: 2.8, name: "seed_np2.0_2.8mA"),
    chen(amps: 5, name: "chen2020_1C_discharge"),
    chen(amps: 2.5, name: "chen2020_0.5C_discharge"),
  ]
}
