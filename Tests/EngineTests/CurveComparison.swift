import Engine
import Foundation

/// The step-by-step comparison of a simulated run with a reference curve, as the reference's
/// `compare_ts.py` defines it: segments of constant current sign, voltage compared against
/// time since the segment began over the common span, charge throughput per segment.
struct CurveComparison {
  let rmseMV: Double
  let worstCapacityErrorPercent: Double
  let segmentCount: Int

  init(run: RunResult, reference: ReferenceCurve) {
    self.init(steps: run.steps[...], reference: reference)
  }

  /// Compares some of a run's steps (one cycle's, say) with a reference curve whose times
  /// carry `significantDigits` digits: each segment's first two units of the last digit are
  /// left out, since their times are too coarse for the transient after a current switch.
  init(steps: ArraySlice<StepResult>, reference: ReferenceCurve, significantDigits: Int? = nil) {
    let simulated = steps.map { step in
      Segment(
        time: step.series.timeS, current: step.series.currentAm2, voltage: step.series.voltageV)
    }
    self.init(
      simulated: simulated, expected: CurveComparison.segments(reference),
      significantDigits: significantDigits)
  }

  /// Compares two reference curves (PyBaMM's coarse run against its fine one).
  init(reference: ReferenceCurve, against expected: ReferenceCurve, significantDigits: Int? = nil) {
    self.init(
      simulated: CurveComparison.segments(reference), expected: CurveComparison.segments(expected),
      significantDigits: significantDigits)
  }

  private init(simulated: [Segment], expected: [Segment], significantDigits: Int? = nil) {
    var squares = 0.0
    var points = 0
    var worst = 0.0
    for (sim, ref) in zip(simulated, expected) {
      let span = min(
        sim.time[sim.time.count - 1] - sim.time[0], ref.time[ref.time.count - 1] - ref.time[0])
      // The last digit's unit at the segment's start time (times written with %.Ng).
      let skip =
        significantDigits.map { digits in
          2 * pow(10, log10(max(ref.time[0], 1)).rounded(.down) - Double(digits - 1))
        } ?? 0
      for index in ref.time.indices {
        let x = ref.time[index] - ref.time[0]
        if x > span { break }
        if x < skip { continue }
        let difference = sim.voltage(at: x) - ref.voltage[index]
        squares += difference * difference
        points += 1
      }
      let reference = abs(ref.throughput)
      if reference > 1e-9 {
        worst = max(worst, abs(abs(sim.throughput) - reference) / reference * 100)
      }
    }
    rmseMV = (squares / Double(max(points, 1))).squareRoot() * 1000
    worstCapacityErrorPercent = worst
    segmentCount = min(simulated.count, expected.count)
  }

  struct Segment {
    let time: [Double]
    let current: [Double]
    let voltage: [Double]

    var throughput: Double {
      var total = 0.0
      for k in 1..<time.count {
        total += 0.5 * (current[k] + current[k - 1]) * (time[k] - time[k - 1])
      }
      return total
    }

    func voltage(at offset: Double) -> Double {
      let t = time[0] + offset
      guard t > time[0] else { return voltage[0] }
      var low = 0
      var high = time.count - 1
      guard t < time[high] else { return voltage[high] }
      while high - low > 1 {
        let mid = (low + high) / 2
        if time[mid] <= t { low = mid } else { high = mid }
      }
      let a = (t - time[low]) / (time[high] - time[low])
      return voltage[low] + a * (voltage[high] - voltage[low])
    }
  }

  static func segments(_ curve: ReferenceCurve) -> [Segment] {
    func kind(_ x: Double) -> Int { abs(x) < 1e-9 ? 0 : (x > 0 ? 1 : -1) }
    var result: [Segment] = []
    var start = 0
    for k in 1...curve.time.count {
      if k == curve.time.count || kind(curve.current[k]) != kind(curve.current[start]) {
        if k - start >= 2 {
          result.append(
            Segment(
              time: Array(curve.time[start..<k]), current: Array(curve.current[start..<k]),
              voltage: Array(curve.voltage[start..<k])))
        }
        start = k
      }
    }
    return result
  }
}
