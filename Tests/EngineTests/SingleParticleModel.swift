import Electrochem
import Foundation
import StudyModel

/// A second cell model behind the engine's seam, written against the public protocol alone.
///
/// The single-particle model of Marquis and others (2019): one sphere per electrode, the
/// electrolyte at its initial concentration, no ohmic drops, and Butler–Volmer kinetics
/// inverted for each electrode's uniform interfacial current.
///
/// Unknowns: the negative particle's shells, the positive particle's shells, the applied
/// current density (A/m², positive on discharge) and the charge passed (mAh/cm²).
final class SingleParticleModel: CellModel {
  let cell: CellParameters
  let shells: Int
  let structure: ModelStructure
  private let fOverRT: Double

  init(cell: CellParameters, shells: Int) {
    self.cell = cell
    self.shells = shells
    self.structure = SingleParticleModel.structure(shells: shells)
    fOverRT = PhysicalConstants.faraday / (PhysicalConstants.gas * cell.temperatureK)
  }

  static func structure(shells: Int) -> ModelStructure {
    let size = 2 * shells + 2
    let current = 2 * shells
    let charge = current + 1
    var entries: [(row: Int, column: Int)] = []
    for side in 0..<2 {
      for shell in 0..<shells {
        let row = side * shells + shell
        for other in max(0, shell - 1)...min(shells - 1, shell + 1) {
          entries.append((row, side * shells + other))
        }
      }
      // The surface shell's flux reads the current; the voltage reads the two outer shells.
      let outer = side * shells + shells - 1
      entries.append((outer, current))
      entries.append((current, outer))
      entries.append((current, outer - 1))
    }
    entries += [(current, current), (charge, charge), (charge, current)]
    var differential = [Bool](repeating: true, count: size)
    differential[current] = false
    var tolerances = [Double](repeating: 1, count: size)
    tolerances[current] = 10
    return ModelStructure(
      size: size, isDifferential: differential, toleranceScales: tolerances,
      typicalMagnitudes: [Double](repeating: 1e-2, count: size), jacobianEntries: entries,
      current: current, charge: charge, particles: nil)
  }

  private func electrode(_ side: Int) -> ElectrodeParameters {
    side == 0 ? cell.negative : cell.positive
  }

  private func shell(_ side: Int, _ index: Int) -> Int { side * shells + index }

  private func surface(_ side: Int, _ y: Span<Double>) -> Double {
    1.5 * y[shell(side, shells - 1)] - 0.5 * y[shell(side, shells - 2)]
  }

  /// The uniform interfacial current density of one electrode, A/m² of particle surface:
  /// a j L = I in the negative electrode and −I in the positive one.
  private func interfacialCurrent(_ side: Int, current: Double) -> Double {
    let e = electrode(side)
    let sign = side == 0 ? 1.0 : -1.0
    return sign * current / (e.specificAreaPerM * e.thicknessM)
  }

  /// φ_s − φ_e of one electrode: U + η + j R_film with η = (2/f) asinh(j / (2 j0)).
  private func potential(_ side: Int, surface: Double, current: Double) -> Double {
    let e = electrode(side)
    let j = interfacialCurrent(side, current: current)
    let c = cell.electrolyte.initialConcentrationMolM3
    let exchange =
      e.rateConstant * Foundation.pow(c, e.anodicTransferCoefficient)
      * e.maxConcentrationMolM3
      * Foundation.pow(max(1 - surface, 1e-12), e.anodicTransferCoefficient)
      * Foundation.pow(max(surface, 1e-12), 1 - e.anodicTransferCoefficient)
    let ocp = e.openCircuitPotential.value(x: surface, temperature: cell.temperatureK)
    return ocp + 2 / fOverRT * asinh(j / (2 * exchange)) + j * e.filmResistanceOhmM2
  }

  private func terminalVoltage(_ negative: Double, _ positive: Double, _ current: Double) -> Double
  {
    potential(1, surface: positive, current: current)
      - potential(0, surface: negative, current: current)
  }

  func voltage(_ y: Span<Double>) -> Double {
    terminalVoltage(surface(0, y), surface(1, y), y[structure.current])
  }

  func massCoefficient(_ index: Int) -> Double { structure.isDifferential[index] ? 1 : 0 }

  /// Shell geometry over 4π: volumes r³/3 differences and face areas r² over the width.
  private func geometry(_ side: Int) -> (volumes: [Double], conductances: [Double], dr: Double) {
    let dr = electrode(side).particleRadiusM / Double(shells)
    let volumes = (0..<shells).map {
      (Foundation.pow(Double($0 + 1) * dr, 3) - Foundation.pow(Double($0) * dr, 3)) / 3
    }
    let conductances = (0..<shells).map { Foundation.pow(Double($0 + 1) * dr, 2) / dr }
    return (volumes, conductances, dr)
  }

  private func diffusivity(_ side: Int, _ a: Double, _ b: Double) -> Double {
    electrode(side).diffusivity.value(x: (a + b) / 2, temperature: cell.temperatureK)
  }

  func residual(
    y: Span<Double>, yp: Span<Double>, control: CellControl, residual r: inout MutableSpan<Double>
  ) -> Bool {
    let current = y[structure.current]
    for side in 0..<2 {
      let (volumes, conductances, _) = geometry(side)
      let e = electrode(side)
      var inward = 0.0
      for i in 0..<shells {
        let outward: Double
        if i < shells - 1 {
          outward =
            conductances[i] * diffusivity(side, y[shell(side, i)], y[shell(side, i + 1)])
            * (y[shell(side, i + 1)] - y[shell(side, i)])
        } else {
          let radius = e.particleRadiusM
          outward =
            -interfacialCurrent(side, current: current) * radius * radius
            / (PhysicalConstants.faraday * e.maxConcentrationMolM3)
        }
        r[shell(side, i)] = yp[shell(side, i)] - (outward - inward) / volumes[i]
        inward = outward
      }
    }
    switch control {
    case .current(let value): r[structure.current] = current - value
    case .voltage(let value): r[structure.current] = voltage(y) - value
    }
    r[structure.charge] = yp[structure.charge] - current / ArealCharge.coulombsPerM2PerMAhCm2
    return (0..<structure.size).allSatisfy { r[$0].isFinite }
  }

  /// The Jacobian's values in write order: exact for the shells and the counter, central
  /// differences for the voltage's dependence on the surfaces and the current.
  private func jacobianValues(y: Span<Double>, cj: Double, control: CellControl) -> [Double] {
    var values: [Double] = []
    let current = y[structure.current]
    for side in 0..<2 {
      let (volumes, conductances, _) = geometry(side)
      let e = electrode(side)
      for i in 0..<shells {
        // Row i reads shells i − 1, i, i + 1 (a constant diffusivity in the reference cells).
        let inner =
          i > 0
          ? conductances[i - 1] * diffusivity(side, y[shell(side, i - 1)], y[shell(side, i)]) : 0
        let outer =
          i < shells - 1
          ? conductances[i] * diffusivity(side, y[shell(side, i)], y[shell(side, i + 1)]) : 0
        if i > 0 { values.append(-inner / volumes[i]) }
        values.append(cj + (inner + outer) / volumes[i])
        if i < shells - 1 { values.append(-outer / volumes[i]) }
      }
      let radius = e.particleRadiusM
      let perCurrent =
        interfacialCurrent(side, current: 1) * radius * radius
        / (PhysicalConstants.faraday * e.maxConcentrationMolM3)
      values.append(perCurrent / volumes[shells - 1])
      // The voltage row's surface columns: V depends on s = 1.5 x_outer − 0.5 x_inner.
      let sign = side == 0 ? -1.0 : 1.0
      let s = surface(side, y)
      let h = 1e-7
      let slope =
        sign
        * (potential(side, surface: s + h, current: current)
          - potential(side, surface: s - h, current: current)) / (2 * h)
      let isVoltage = if case .voltage = control { true } else { false }
      values.append(isVoltage ? 1.5 * slope : 0)
      values.append(isVoltage ? -0.5 * slope : 0)
    }
    switch control {
    case .current: values.append(1)
    case .voltage:
      let h = 1e-6 * max(1, abs(current))
      let (n, p) = (surface(0, y), surface(1, y))
      values.append(
        (terminalVoltage(n, p, current + h) - terminalVoltage(n, p, current - h)) / (2 * h))
    }
    values += [cj, -1 / ArealCharge.coulombsPerM2PerMAhCm2]
    return values
  }

  var jacobianWriteOrder: [(row: Int, column: Int)] { structure.jacobianEntries }

  func jacobian(
    y: Span<Double>, yp: Span<Double>, cj: Double, control: CellControl, slots: [Int],
    values: inout MutableSpan<Double>
  ) -> Bool {
    for index in 0..<values.count { values[index] = 0 }
    for (slot, value) in zip(slots, jacobianValues(y: y, cj: cj, control: control)) {
      values[slot] += value
    }
    return true
  }

  func restingState() -> [Double] {
    var y = [Double](repeating: 0, count: structure.size)
    for i in 0..<shells {
      y[shell(0, i)] = cell.negative.initialStoichiometry
      y[shell(1, i)] = cell.positive.initialStoichiometry
    }
    return y
  }

  /// The volume-weighted mean stoichiometry of one particle.
  private func mean(_ side: Int, _ y: Span<Double>) -> Double {
    let (volumes, _, _) = geometry(side)
    let total = volumes.reduce(0, +)
    return (0..<shells).reduce(0.0) { $0 + volumes[$1] * y[shell(side, $1)] } / total
  }

  func observe(_ y: Span<Double>) -> CellObservation {
    var o = CellObservation()
    let current = y[structure.current]
    let (n, p) = (surface(0, y), surface(1, y))
    o.voltageV = terminalVoltage(n, p, current)
    o.currentAm2 = current
    o.negativeStoichiometry = mean(0, y)
    o.positiveStoichiometry = mean(1, y)
    o.surfaceMinimum = ElectrodePair(negative: n, positive: p)
    o.surfaceMaximum = o.surfaceMinimum
    let shellValues = (0..<2).map { side in (0..<shells).map { y[shell(side, $0)] } }
    o.shellMinimum = ElectrodePair(
      negative: shellValues[0].min() ?? 0, positive: shellValues[1].min() ?? 0)
    o.shellMaximum = ElectrodePair(
      negative: shellValues[0].max() ?? 0, positive: shellValues[1].max() ?? 0)
    o.negativePotentialAtSeparatorV = potential(0, surface: n, current: current)
    o.positivePotentialAtSeparatorV = potential(1, surface: p, current: current)
    o.negativePotentialAtCollectorV = o.negativePotentialAtSeparatorV
    o.positivePotentialAtCollectorV = o.positivePotentialAtSeparatorV
    let c0 = cell.electrolyte.initialConcentrationMolM3
    o.electrolyteMinimum = c0
    o.electrolyteMaximum = c0
    o.electrolyteAtNegativeCollector = c0
    o.electrolyteAtPositiveCollector = c0
    let t = cell.temperatureK
    o.openCircuitVoltageV =
      cell.positive.openCircuitPotential.value(x: o.positiveStoichiometry, temperature: t)
      - cell.negative.openCircuitPotential.value(x: o.negativeStoichiometry, temperature: t)
    let lithium = [cell.negative, cell.positive].enumerated().map { side, e in
      mean(side, y) * e.maxConcentrationMolM3 * e.activeFraction * e.thicknessM
    }
    o.lithiumMolM2 = lithium.reduce(0, +)
    return o
  }

  func profile(_ y: Span<Double>, time: Double) -> CellProfile? { nil }

  func surfaceRange(_ side: ElectrodeSide, _ y: Span<Double>) -> ClosedRange<Double>? {
    let value = surface(side == .negative ? 0 : 1, y)
    return value...value
  }

  func scaledElectrolyteMinimum(_ y: Span<Double>) -> Double { 1 }
}

/// Makes single-particle models; the shells come from the mesh's particle count.
struct SingleParticleKind: CellModelKind {
  func variant(of cell: CellParameters) -> AnyHashable { "single particle" }

  func structure(mesh: DFNMesh, cell: CellParameters) -> ModelStructure {
    SingleParticleModel.structure(shells: mesh.particle)
  }

  func model(cell: CellParameters, mesh: DFNMesh) -> any CellModel {
    SingleParticleModel(cell: cell, shells: mesh.particle)
  }
}
