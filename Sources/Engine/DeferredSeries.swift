import Electrochem

/// The samples of a step whose series may not be kept: times, capacities and voltages, and the
/// raw states, observed only if the step's cycle turns out to keep its series.
///
/// Observing a state (averages, potentials, overpotentials) costs more than recording it;
/// in a long cycling run most cycles keep only their ends.
struct DeferredSeries {
  /// Unknowns per state.
  let width: Int
  var timeS: [Double] = []
  var capacityMAhCm2: [Double] = []
  var voltageV: [Double] = []
  /// The states one after another, `width` values each.
  var states: [Double] = []

  /// Number of samples.
  var count: Int { timeS.count }

  /// Appends a sample.
  mutating func append(time: Double, capacity: Double, voltage: Double, state: [Double]) {
    timeS.append(time)
    capacityMAhCm2.append(capacity)
    voltageV.append(voltage)
    states.append(contentsOf: state)
  }

  /// The state of sample `index`.
  func state(_ index: Int) -> ArraySlice<Double> {
    states[(index * width)..<((index + 1) * width)]
  }

  /// The full series, every state observed by `model`.
  func observed(by model: any CellModel) -> TimeSeries {
    var series = TimeSeries()
    for index in 0..<count {
      let observation = model.observe(Array(state(index)).span)
      series.append(time: timeS[index], capacity: capacityMAhCm2[index], observation: observation)
    }
    return series
  }
}

extension StepEnds {
  /// The ends of a deferred series, its first and last states observed by `model` (nil for an
  /// empty series).
  init?(_ series: DeferredSeries, model: any CellModel) {
    guard series.count > 0 else { return nil }
    let last = series.count - 1
    self.init(
      timeS: series.timeS, capacityMAhCm2: series.capacityMAhCm2, voltageV: series.voltageV,
      start: model.observe(Array(series.state(0)).span),
      end: model.observe(Array(series.state(last)).span))
  }
}
