import DAESolver
import Electrochem
import Engine
import Foundation
import StudyModel
import Testing

/// The analytic Jacobian of the side reactions is the derivative of their residual: every form
/// of SEI growth, plating and loss of active material, against coloured finite differences.
@Suite struct DegradationJacobianTests {
  static let sei = SEIGrowth(
    limit: .solventDiffusion(diffusivityM2s: 2.5e-22, solventConcentrationMolM3: 2636),
    partialMolarVolumeM3Mol: 9.585e-5, lithiumPerSEI: 1, resistivityOhmM: 2e7,
    initialThicknessM: 5e-9, activationEnergyJMol: 38e3, referenceTemperatureK: 293)

  // Rates far above the physical ones, so that their entries stand out of their rows' scale
  // (cj and the diffusion terms) and a wrong one shows.
  static let stress = ActiveMaterialLoss.StressDriven(
    rateConstantPerS: 1e-2, exponent: 2, criticalStressPa: 6e7,
    partialMolarVolumeM3Mol: 3.1e-6, youngsModulusPa: 1.5e10, poissonRatio: 0.3)

  /// Cells with each SEI limit, each plating form and each loss of active material.
  static func cells() -> [(name: String, cell: CellParameters)] {
    let base = ReferenceCells.seed(np: 0.9)
    // Rate constants a million times PyBaMM's, so that j_SEI is a few percent of j and its
    // derivatives stand out of the rows.
    let limits: [(String, SEIGrowth.Limit)] = [
      ("reaction", .reaction(exchangeCurrentAm2: 1.5e-1, transferCoefficient: 0.5)),
      ("solvent", .solventDiffusion(diffusivityM2s: 2.5e-16, solventConcentrationMolM3: 2636)),
      (
        "ec",
        .ecReaction(
          rateConstantMs: 1e-6, diffusivityM2s: 2e-12, concentrationMolM3: 4541,
          transferCoefficient: 0.5)
      ),
      ("interstitial", .interstitialDiffusion(diffusivityM2s: 1e-14, concentrationMolM3: 15)),
      ("migration", .electronMigration(conductivitySM: 8.95e-8)),
    ]
    var cells: [(String, CellParameters)] = limits.map { name, limit in
      var cell = base
      var sei = Self.sei
      sei.limit = limit
      cell.negative.degradation.sei = sei
      return ("sei \(name)", cell)
    }
    let platings: [(String, LithiumPlating.Reversibility)] = [
      ("reversible", .reversible), ("irreversible", .irreversible),
      ("partial", .partiallyReversible(deadLithiumDecayPerS: 1e-2)),
    ]
    for (name, reversibility) in platings {
      var cell = base
      cell.negative.degradation.sei = Self.sei
      cell.negative.degradation.plating = LithiumPlating(
        reversibility: reversibility, rateConstantMs: 1e-9, transferCoefficient: 0.65)
      cells.append(("plating \(name)", cell))
    }
    var loss = base
    var fastSEI = Self.sei
    fastSEI.limit = .solventDiffusion(diffusivityM2s: 2.5e-16, solventConcentrationMolM3: 2636)
    loss.negative.degradation.sei = fastSEI
    loss.negative.degradation.activeMaterialLoss = ActiveMaterialLoss(
      stress: Self.stress, perSEIM3Mol: 1e3, perCurrentM2PerAS: 1e-1)
    loss.positive.degradation.activeMaterialLoss = ActiveMaterialLoss(stress: Self.stress)
    cells.append(("loss of active material", loss))
    var everything = loss
    everything.negative.degradation.plating = LithiumPlating(
      reversibility: .partiallyReversible(deadLithiumDecayPerS: 1e-2), rateConstantMs: 1e-9,
      transferCoefficient: 0.65)
    cells.append(("all together", everything))
    var irreversible = loss
    irreversible.negative.degradation.plating = LithiumPlating(
      reversibility: .irreversible, rateConstantMs: 1e-9, transferCoefficient: 0.65)
    cells.append(("irreversible plating with loss", irreversible))
    var swelling = base
    swelling.negative.degradation.sei = fastSEI
    swelling.negative.degradation.activeMaterialLoss = ActiveMaterialLoss(
      lithiation: .init(rate: 0.5, exponent: 2))
    cells.append(("lithiation-driven loss", swelling))
    return cells
  }

  /// The perturbed state of the single-cycle test, with every side state away from its start
  /// too, and some surfaces near, at or past saturation (the regularised exchange current).
  static func perturbedState(_ model: DFNModel, saturated: Bool) -> [Double] {
    let layout = model.layout
    var y = AnalyticJacobianTests.perturbedState(model, depleted: false)
    for k in 0..<layout.volumeCount where layout.regions[k] != .separator {
      let phase = Double(k) * 0.53
      let base = layout.volumeStart[k]
      let slots = layout.slots(k)
      if let sei = slots.sei { y[base + sei] = 1.3 + 0.2 * sin(phase) }
      if let plated = slots.plated { y[base + plated] = 0.4 + 0.3 * sin(phase) }
      if let dead = slots.dead { y[base + dead] = 0.2 + 0.1 * cos(phase) }
      if let current = slots.platingCurrent {
        // Plating runs where the surface is within tens of mV of lithium.
        y[base + current] = 0.05 * sin(phase + 2)
        y[layout.electrolytePotential(k)] = y[layout.solidPotential(k)] - 0.03 * sin(phase)
      }
      if let fraction = slots.activeFraction {
        y[base + fraction] = 0.97 + 0.02 * sin(phase)
        // Every other volume lithiating (j < 0), for the lithiation-driven loss.
        let j = layout.interfacialCurrent(k)
        if k % 2 == 1 { y[j] = -abs(y[j]) - 0.1 }
      }
      if let lost = slots.lostLithium { y[base + lost] = 0.01 + 0.005 * cos(phase) }
      if saturated, k % 3 == 0 {
        // Outer shells at, just below and just past a full surface.
        let outer = layout.stoichiometry(k, shell: layout.mesh.particle - 1)
        let inner = layout.stoichiometry(k, shell: layout.mesh.particle - 2)
        y[inner] = 1 - 2e-7
        y[outer] = 1 - [9e-7, 5e-7, -2e-7][(k / 3) % 3]
      }
    }
    return y
  }

  @Test(arguments: cells().map(\.name))
  func analyticMatchesFiniteDifferences(_ name: String) throws {
    let cell = try #require(Self.cells().first { $0.name == name }).cell
    let mesh = DFNMesh(negative: 6, separator: 3, positive: 5, particle: 5)
    let model = DFNModel(cell: cell, mesh: mesh)
    let layout = model.layout
    let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
    let colored = ColoredJacobian(
      pattern: pattern, typicalMagnitude: Array(repeating: 1e-2, count: layout.size))
    let slots = try model.jacobianWriteOrder.map { entry in
      try #require(pattern.position(row: entry.row, column: entry.column), "\(entry)")
    }
    for control in [CellControl.current(-28), .current(28), .voltage(3.7)] {
      do {
        let saturated = false
        let y = Self.perturbedState(model, saturated: saturated)
        let yp = (0..<layout.size).map { 1e-3 * cos(Double($0)) }
        let cj = 250.0
        var analytic = [Double](repeating: .nan, count: pattern.nonzeroCount)
        var numeric = analytic
        var analyticSpan = analytic.mutableSpan
        #expect(
          model.jacobian(
            y: y.span, yp: yp.span, cj: cj, control: control, slots: slots,
            values: &analyticSpan))
        var numericSpan = numeric.mutableSpan
        #expect(
          colored.evaluate(cj: cj, y: y.span, yp: yp.span, values: &numericSpan) { y, yp, r in
            model.residual(y: y, yp: yp, control: control, residual: &r)
          })
        _ = consume analyticSpan
        _ = consume numericSpan
        var rowScale = [Double](repeating: 0, count: layout.size)
        for (position, row) in pattern.rowIndices.enumerated() {
          rowScale[row] = max(rowScale[row], abs(numeric[position]))
        }
        var worst = 0.0
        var worstEntry = (row: 0, column: 0)
        for column in 0..<layout.size {
          for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
            let row = pattern.rowIndices[position]
            let error = abs(analytic[position] - numeric[position])
            let allowed = 1e-5 * abs(numeric[position]) + 1e-7 * rowScale[row]
            if error / allowed > worst {
              worst = error / allowed
              worstEntry = (row, column)
            }
          }
        }
        #expect(
          worst <= 1, "\(name), saturated \(saturated), \(control): worst \(worst) at \(worstEntry)"
        )
      }
    }
  }

  /// Every entry of the side-state rows and the Butler–Volmer rows against central
  /// differences (the coloured differences above lose small entries in their rows' scale),
  /// in ordinary states and where the exchange current is regularised, whose curvature spans
  /// 1e-6 in stoichiometry (steps of a thousandth of that there).
  @Test(arguments: cells().map(\.name))
  func sideRowsMatchCentralDifferences(_ name: String) throws {
    let cell = try #require(Self.cells().first { $0.name == name }).cell
    let mesh = DFNMesh(negative: 6, separator: 3, positive: 5, particle: 5)
    let model = DFNModel(cell: cell, mesh: mesh)
    let layout = model.layout
    let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
    let slots = try model.jacobianWriteOrder.map { entry in
      try #require(pattern.position(row: entry.row, column: entry.column), "\(entry)")
    }
    var rows: [Int] = []
    for k in 0..<layout.volumeCount where layout.regions[k] != .separator {
      let start = layout.volumeStart[k]
      rows.append(layout.interfacialCurrent(k))
      rows += (DFNLayout.Slot.electrodeCount..<layout.blockWidth(k)).map { start + $0 }
    }
    let yp = (0..<layout.size).map { 1e-3 * cos(Double($0)) }
    for saturated in [false, true] {
      let y = Self.perturbedState(model, saturated: saturated)
      for control in [CellControl.current(-28), .current(28), .voltage(3.7)] {
        var analytic = [Double](repeating: 0, count: pattern.nonzeroCount)
        var span = analytic.mutableSpan
        #expect(
          model.jacobian(
            y: y.span, yp: yp.span, cj: 250, control: control, slots: slots, values: &span))
        _ = consume span
        func residual(_ state: [Double]) -> [Double] {
          var r = [Double](repeating: 0, count: layout.size)
          var rs = r.mutableSpan
          _ = model.residual(y: state.span, yp: yp.span, control: control, residual: &rs)
          _ = consume rs
          return r
        }
        // Columns once each: every row read from one pair of evaluations.
        let wanted = Set(rows)
        for column in 0..<layout.size {
          let positions = (pattern.columnStarts[column]..<pattern.columnStarts[column + 1])
            .filter { wanted.contains(pattern.rowIndices[$0]) }
          guard !positions.isEmpty else { continue }
          let isShell =
            !layout.isDifferential[column]
            ? false
            : layout.regions.indices.contains {
              k in
              layout.regions[k] != .separator
                && (0..<layout.mesh.particle).contains {
                  layout.stoichiometry(k, shell: $0) == column
                }
            }
          // The Butler–Volmer rows of saturated surfaces need the small step, the others
          // (whose rounding it would amplify) the ordinary one.
          func difference(_ h: Double) -> [Double] {
            var up = y
            var down = y
            up[column] += h
            down[column] -= h
            return zip(residual(up), residual(down)).map { ($0 - $1) / (2 * h) }
          }
          let ordinary = difference(1e-7 * max(1, abs(y[column])))
          let fine = saturated && isShell ? difference(1e-10) : ordinary
          let kinetic = Set(
            (0..<layout.volumeCount).filter { layout.regions[$0] != .separator }
              .map { layout.interfacialCurrent($0) })
          for position in positions {
            let row = pattern.rowIndices[position]
            let numeric = kinetic.contains(row) ? fine[row] : ordinary[row]
            let expected = numeric + (row == column ? 250 * model.massCoefficient(row) : 0)
            let error = abs(analytic[position] - expected)
            #expect(
              error <= 1e-4 * abs(expected) + 1e-9,
              "\(name), saturated \(saturated), \(control), (\(row), \(column)): \(analytic[position]) against \(expected)"
            )
          }
        }
      }
    }
  }
}
