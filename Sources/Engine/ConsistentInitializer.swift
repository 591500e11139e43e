import DAESolver
import Electrochem
import StudyModel

/// Consistent initial values for a step.
///
/// Makes the algebraic unknowns (potentials, interfacial currents, applied current) consistent
/// with the differential ones by Newton's method on the algebraic block, then sets y' from
/// the differential rows. IDACalcIC is the fallback when this does not converge.
///
/// The block's structure (which unknowns, where each Jacobian entry lands in the band) depends
/// on the mesh alone, so one initializer serves every step and every cell of a simulator.
final class ConsistentInitializer {
  let system: CellSystem
  /// The algebraic unknowns, in state order.
  private let algebraic: [Int]
  private let band: BandWorkspace
  /// Each pattern entry in an algebraic row and column, and its place in the band's storage.
  private let bandEntries: [(entry: Int, position: Int)]
  private let zero: [Double]
  private let nonzeroCount: Int

  /// The initializer for the structure of `system`'s models and the Jacobian `pattern`.
  init(system: CellSystem, pattern: SparsityPattern) {
    self.system = system
    let size = system.structure.size
    let algebraic = (0..<size).filter { !system.structure.isDifferential[$0] }
    var position = [Int](repeating: -1, count: size)
    for (index, unknown) in algebraic.enumerated() { position[unknown] = index }
    // The algebraic block's band, from the structure alone.
    var entries: [(entry: Int, row: Int, column: Int)] = []
    for column in algebraic {
      for entry in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = position[pattern.rowIndices[entry]]
        guard row >= 0 else { continue }
        entries.append((entry, row, position[column]))
      }
    }
    let lower = entries.map { $0.row - $0.column }.max() ?? 0
    let upper = entries.map { $0.column - $0.row }.max() ?? 0
    let band = BandWorkspace(size: algebraic.count, lower: max(lower, 0), upper: max(upper, 0))
    self.algebraic = algebraic
    self.band = band
    bandEntries = entries.map { ($0.entry, band.position($0.row, $0.column)) }
    zero = [Double](repeating: 0, count: size)
    nonzeroCount = pattern.nonzeroCount
  }

  /// Solves in place; returns false when Newton did not converge.
  func solve(y: inout [Double], yp: inout [Double]) -> Bool {
    let model = system.model
    let size = system.structure.size
    let zero = self.zero
    var residual = zero
    var values = [Double](repeating: 0, count: nonzeroCount)
    guard var norm = evaluate(y, zero, &residual, algebraic) else { return false }
    for _ in 0..<40 where norm > 1e-10 {
      var valuesSpan = values.mutableSpan
      guard system.evaluateJacobian(cj: 0, y: y.span, yp: zero.span, values: &valuesSpan)
      else { return false }
      band.clear()
      for (entry, position) in bandEntries { band.add(at: position, values[entry]) }
      guard band.factor() else { return false }
      var step = algebraic.map { residual[$0] }
      step.withUnsafeMutableBufferPointer { buffer in
        if let start = buffer.baseAddress { band.solve(inPlace: start) }
      }
      // Damped update: halve until the residual norm decreases.
      var damping = 1.0
      var accepted = false
      for _ in 0..<12 {
        var trial = y
        for (index, unknown) in algebraic.enumerated() { trial[unknown] -= damping * step[index] }
        if let trialNorm = evaluate(trial, zero, &residual, algebraic), trialNorm < norm {
          y = trial
          norm = trialNorm
          accepted = true
          break
        }
        damping /= 2
      }
      // No step lowers the norm: it has reached the rounding of the rows, and the test below
      // decides (before, this handed a third of all steps to IDACalcIC for nothing).
      if !accepted { break }
    }
    guard norm <= 1e-8 else { return false }
    // y' of the differential unknowns from their rows: mass · y' − f(y) = 0.
    _ = evaluate(y, zero, &residual, [])
    for index in 0..<size {
      let mass = model.massCoefficient(index)
      yp[index] = mass == 0 ? 0 : -residual[index] / mass
    }
    return true
  }

  /// The residual at (y, yp) into `residual`, and its max-norm over `rows`; nil when the state
  /// is unphysical.
  private func evaluate(
    _ y: [Double], _ yp: [Double], _ residual: inout [Double], _ rows: [Int]
  ) -> Double? {
    var span = residual.mutableSpan
    guard system.model.residual(y: y.span, yp: yp.span, control: system.control, residual: &span)
    else { return nil }
    var norm = 0.0
    for row in rows {
      guard residual[row].isFinite else { return nil }
      norm = max(norm, abs(residual[row]))
    }
    return norm
  }
}
