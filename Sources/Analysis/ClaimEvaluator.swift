import StudyModel

/// Evaluates claims against simulation results: pure functions of the result tables.
public enum ClaimEvaluator {
  /// The verdict on `claim`, given each simulation's rows and the study's observations.
  public static func evaluate(
    _ claim: Claim, results: [String: [ResultRow]], observations: [String: Observation]
  ) -> ClaimVerdict {
    func verdict(_ outcome: ClaimVerdict.Outcome, _ evidence: String) -> ClaimVerdict {
      ClaimVerdict(claim: claim.id, outcome: outcome, evidence: evidence)
    }
    switch claim.test {
    case .trend(let quantity, let axis, let increasing, let selection):
      let series = self.series(quantity, along: axis, selection, results)
      guard series.count >= 2 else {
        return verdict(.undetermined, "fewer than two results for \(quantity) along \(axis)")
      }
      for (a, b) in zip(series, series.dropFirst())
      where increasing ? b.value <= a.value : b.value >= a.value {
        return verdict(
          .fail,
          "\(quantity) \(increasing ? "does not rise" : "does not fall") from \(format(a.value, of: quantity)) at \(axis) = \(format(a.axis, along: axis)) to \(format(b.value, of: quantity)) at \(axis) = \(format(b.axis, along: axis))"
        )
      }
      let first = series[0]
      let last = series[series.count - 1]
      return verdict(
        .pass,
        "\(quantity) \(increasing ? "rises" : "falls") at every one of \(series.count - 1) steps, from \(format(first.value, of: quantity)) at \(axis) = \(format(first.axis, along: axis)) to \(format(last.value, of: quantity)) at \(axis) = \(format(last.axis, along: axis))"
      )
    case .extremum(let quantity, let axis, let maximum, let range, let selection):
      let series = self.series(quantity, along: axis, selection, results)
      guard
        let best = maximum
          ? series.max(by: { $0.value < $1.value }) : series.min(by: { $0.value < $1.value })
      else { return verdict(.undetermined, "no results for \(quantity)") }
      let name = maximum ? "maximum" : "minimum"
      let within = range.contains(best.axis)
      return verdict(
        within ? .pass : .fail,
        "the \(name) of \(quantity), \(format(best.value, of: quantity)), lies at \(axis) = \(format(best.axis, along: axis)), \(within ? "inside" : "outside") \(format(range.lowerBound))…\(format(range.upperBound))"
      )
    case .threshold(let quantity, let above, let value, let selection):
      let rows = select(selection, results).compactMap { $0[quantity] }
      guard !rows.isEmpty else { return verdict(.undetermined, "no results for \(quantity)") }
      let worst = above ? rows.min() ?? 0 : rows.max() ?? 0
      let holds = above ? worst > value : worst < value
      return verdict(
        holds ? .pass : .fail,
        "\(above ? "lowest" : "highest") \(quantity) over \(rows.count) results is \(format(worst, of: quantity)), \(holds ? "" : "not ")\(above ? "above" : "below") \(format(value, of: quantity))"
      )
    case .ordering(let quantity, let axis, let points, let ascending, let selection):
      let series = self.series(quantity, along: axis, selection, results)
      var values: [Double] = []
      for point in points {
        guard let match = series.first(where: { ResultSelection.sameValue($0.axis, point) }) else {
          return verdict(
            .undetermined, "no result for \(quantity) at \(axis) = \(format(point, along: axis))")
        }
        values.append(match.value)
      }
      let ordered = zip(values, values.dropFirst()).allSatisfy { ascending ? $0 < $1 : $0 > $1 }
      let listing = zip(points, values).map {
        "\(format($1, of: quantity)) at \(axis) = \(format($0, along: axis))"
      }.joined(
        separator: ", ")
      return verdict(
        ordered ? .pass : .fail,
        "\(quantity): \(listing) (\(ordered ? "" : "not ")\(ascending ? "ascending" : "descending"))"
      )
    case .spread(let quantity, let axis, let atMost, let selection):
      let series = self.series(quantity, along: axis, selection, results)
      guard series.count >= 2, let low = series.min(by: { $0.value < $1.value }),
        let high = series.max(by: { $0.value < $1.value })
      else { return verdict(.undetermined, "fewer than two results for \(quantity)") }
      let spread = high.value - low.value
      let holds = spread <= atMost
      let points = series.map { format($0.axis) }.joined(separator: ", ")
      return verdict(
        holds ? .pass : .fail,
        "\(quantity) over \(axis) = \(points) ranges from \(format(low.value, of: quantity)) (\(axis) = \(format(low.axis, along: axis))) to \(format(high.value, of: quantity)) (\(axis) = \(format(high.axis, along: axis))): a spread of \(format(spread, of: quantity)), \(holds ? "within" : "more than") \(format(atMost, of: quantity))"
      )
    case .correlation(let quantity, let other, let axis, let atLeast, let selection):
      let first = self.series(quantity, along: axis, selection, results)
      let second = self.series(other, along: axis, selection, results)
      let pairs = first.compactMap { point in
        second.first { ResultSelection.sameValue($0.axis, point.axis) }.map {
          (point.value, $0.value)
        }
      }
      guard pairs.count >= 3, let r = pearson(pairs) else {
        return verdict(
          .undetermined,
          "fewer than three results with both \(quantity) and \(other), or no variation")
      }
      let listing = pairs.enumerated().map { index, pair in
        "\(format(first[index].axis)): \(format(pair.0, of: quantity)) and \(format(pair.1, of: other))"
      }.joined(separator: "; ")
      return verdict(
        r >= atLeast ? .pass : .fail,
        "correlation of \(quantity) with \(other) along \(axis) is r = \(NumberText.fixed(r, 3)) over \(pairs.count) results (\(r >= atLeast ? "at least" : "below") \(format(atLeast))); \(axis) \(listing)"
      )
    case .agreement(let id, let tolerance):
      guard let observation = observations[id] else {
        return verdict(.undetermined, "no observation '\(id)'")
      }
      guard let simulated = select(observation.selection, results).first?[observation.quantity]
      else {
        return verdict(
          .undetermined, "no simulated \(observation.quantity) for observation '\(id)'")
      }
      let error = abs(simulated - observation.value) / abs(observation.value)
      return verdict(
        error <= tolerance ? .pass : .fail,
        "simulated \(format(simulated, of: observation.quantity)), observed \(format(observation.value, of: observation.quantity)): \(format(error * 100)) % apart (tolerance \(format(tolerance * 100)) %)"
      )
    }
  }

  private struct Point {
    let axis: Double
    let value: Double
  }

  private static func select(_ selection: ResultSelection, _ results: [String: [ResultRow]])
    -> [ResultRow]
  {
    (results[selection.simulation] ?? []).filter { selection.matches($0.coordinates) }
  }

  private static func series(
    _ quantity: ResultQuantity, along axis: String, _ selection: ResultSelection,
    _ results: [String: [ResultRow]]
  ) -> [Point] {
    select(selection, results).compactMap { row in
      guard let x = row.coordinates[axis], let y = row[quantity], y.isFinite else {
        return nil
      }
      return Point(axis: x, value: y)
    }.sorted { $0.axis < $1.axis }
  }

  /// Pearson's correlation coefficient, or nil when either variable does not vary.
  static func pearson(_ pairs: [(Double, Double)]) -> Double? {
    let n = Double(pairs.count)
    let meanX = pairs.reduce(0) { $0 + $1.0 } / n
    let meanY = pairs.reduce(0) { $0 + $1.1 } / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (x, y) in pairs {
      sxy += (x - meanX) * (y - meanY)
      sxx += (x - meanX) * (x - meanX)
      syy += (y - meanY) * (y - meanY)
    }
    guard sxx > 0, syy > 0 else { return nil }
    return sxy / (sxx * syy).squareRoot()
  }

  /// Four significant digits, locale-free.
  static func format(_ value: Double) -> String {
    NumberText.significant(value, 4)
  }

  /// A value of sweep axis `axis` in its display unit ("0.75 mA/cm²" rather than 7.5).
  static func format(_ value: Double, along axis: String) -> String {
    let unit = SweepAxis.presentation(ofAxisNamed: axis).unit
    guard !unit.text.isEmpty else { return format(value) }
    return format(value * unit.perSI) + " " + unit.text.replacingOccurrences(of: "cm2", with: "cm²")
  }

  /// A value of `quantity` in the unit its metric's evidence is written in (mAh/cm² rather
  /// than C/m²).
  static func format(_ value: Double, of quantity: ResultQuantity) -> String {
    guard let (divisor, unit) = quantity.evidence else { return format(value) }
    return format(value / divisor) + unit
  }
}
