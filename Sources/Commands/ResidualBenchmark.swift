import Electrochem
import Foundation
import StudyModel

/// Times the DFN residual alone: the kernel every simulation evaluates thousands of times.
public enum ResidualBenchmark {
  /// Microseconds per residual evaluation of `cell` on `mesh`, over `repetitions` calls.
  public static func microsecondsPerResidual(cell: CellParameters, mesh: DFNMesh, repetitions: Int)
    -> Double
  {
    let model = DFNModel(cell: cell, mesh: mesh)
    var y = model.restingState()
    // A state away from rest: some current and a small gradient in each particle.
    y[model.layout.current] = 28
    for k in model.layout.negativeVolumes {
      y[model.layout.stoichiometry(k, shell: mesh.particle - 1)] += 0.01
    }
    let yp = [Double](repeating: 0, count: y.count)
    var residual = [Double](repeating: 0, count: y.count)
    var checksum = 0.0
    let start = Date()
    for _ in 0..<repetitions {
      var span = residual.mutableSpan
      _ = model.residual(y: y.span, yp: yp.span, control: .current(28), residual: &span)
      checksum += residual[0]
    }
    let elapsed = Date().timeIntervalSince(start)
    return checksum.isNaN ? .nan : elapsed / Double(repetitions) * 1e6
  }
}
