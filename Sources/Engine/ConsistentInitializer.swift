import DAESolver
import Electrochem
import StudyModel

/// Consistent initial values for a step.
///
/// Makes the algebraic unknowns (potentials, interfacial currents, applied current) consistent
/// with the differential ones by Newton's method on the algebraic block, then sets y' from
/// the differential rows. IDACalcIC is the fallback when this does not converge.
struct ConsistentInitializer {
  let system: DFNSystem
  let pattern: SparsityPattern

  /// Solves in place; returns false when Newton did not converge.
  func solve(y: inout [Double], yp: inout [Double]) -> Bool {
    let model = system.model
    let size = model.layout.size
    let algebraic = (0..<size).filter { model.massCoefficient($0) == 0 }
    var position = [Int](repeating: -1, count: size)
    for (index, unknown) in algebraic.enumerated() { position[unknown] = index }
    let zero = [Double](repeating: 0, count: size)
    var residual = [Double](repeating: 0, count: size)
    var values = [Double](repeating: 0, count: pattern.nonzeroCount)

    // The algebraic block's band, from the structure alone.
    var lower = 0
    var upper = 0
    for column in algebraic {
      for entry in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = position[pattern.rowIndices[entry]]
        guard row >= 0 else { continue }
        lower = max(lower, row - position[column])
        upper = max(upper, position[column] - row)
      }
    }
    let band = BandWorkspace(size: algebraic.count, lower: lower, upper: upper)

    guard var norm = evaluate(y, zero, &residual, algebraic) else { return false }
    for _ in 0..<40 where norm > 1e-10 {
      var valuesSpan = values.mutableSpan
      guard system.evaluateJacobian(cj: 0, y: y.span, yp: zero.span, values: &valuesSpan)
      else { return false }
      band.clear()
      for column in algebraic {
        let col = position[column]
        for entry in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
          let row = position[pattern.rowIndices[entry]]
          guard row >= 0 else { continue }
          band.add(row, col, values[entry])
        }
      }
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
      if !accepted { return false }
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

  /// The residual at (y, yp) and its max-norm over `rows`; nil when the state is unphysical.
  private func evaluate(_ y: [Double], _ yp: [Double], _ residual: inout [Double], _ rows: [Int])
    -> Double?
  {
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
