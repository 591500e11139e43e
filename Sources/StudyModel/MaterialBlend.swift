/// A blended active material (silicon with graphite, say) treated as one particle population
/// whose components stay in equilibrium with each other: at any moment they share one
/// potential, and each holds the stoichiometry its own OCP gives at that potential.
///
/// Sites add (c_max = Σ φᵢ c_max,ᵢ over the components' volume shares φᵢ); the blend's OCP at
/// overall stoichiometry x is the potential U at which Σ wᵢ xᵢ(U) = x, wᵢ being each
/// component's share of the sites. Diffusivity and rate constant are site-weighted means, each
/// component evaluated at its own equilibrium stoichiometry.
public enum MaterialBlend {
  /// One component: its share of the active volume and its properties.
  public struct Component: Sendable {
    /// Share of the blend's active-material volume, 0…1.
    public let volumeShare: Double
    /// Maximum lithium concentration, mol/m³.
    public let maxConcentrationMolM3: Double
    /// OCP against Li/Li⁺ as a function of the component's stoichiometry, V.
    public let openCircuitPotential: MaterialFunction
    /// Solid diffusivity, m²/s.
    public let diffusivity: MaterialFunction
    /// Reaction rate constant (same units for every component).
    public let rateConstant: Double

    /// A component.
    public init(
      volumeShare: Double, maxConcentrationMolM3: Double, openCircuitPotential: MaterialFunction,
      diffusivity: MaterialFunction, rateConstant: Double
    ) {
      self.volumeShare = volumeShare
      self.maxConcentrationMolM3 = maxConcentrationMolM3
      self.openCircuitPotential = openCircuitPotential
      self.diffusivity = diffusivity
      self.rateConstant = rateConstant
    }
  }

  /// The blend as one material.
  public struct Blended: Sendable {
    /// Σ φᵢ c_max,ᵢ, mol/m³.
    public let maxConcentrationMolM3: Double
    /// OCP against the blend's overall stoichiometry, tabulated.
    public let openCircuitPotential: MaterialFunction
    /// Diffusivity against the overall stoichiometry, tabulated (constant when every
    /// component's is).
    public let diffusivity: MaterialFunction
    /// Site-weighted mean rate constant.
    public let rateConstant: Double
  }

  /// Points of the blend's tables in overall stoichiometry.
  public static let tablePoints = 401

  /// Combines `components` (volume shares summing to 1) at temperature `temperatureK`.
  public static func combine(_ components: [Component], temperatureK: Double) throws(TableError)
    -> Blended
  {
    let sites = components.map { $0.volumeShare * $0.maxConcentrationMolM3 }
    let total = sites.reduce(0, +)
    let shares = sites.map { $0 / total }
    let inverses = components.map {
      InverseOCP($0.openCircuitPotential, temperatureK: temperatureK)
    }
    let high = inverses.map(\.highest).max() ?? 0
    let low = inverses.map(\.lowest).min() ?? 0
    var xs: [Double] = []
    var potentials: [Double] = []
    var diffusivities: [Double] = []
    for k in 0..<tablePoints {
      let x = Double(k) / Double(tablePoints - 1)
      // Σ wᵢ xᵢ(U) falls as U rises: bisect on U.
      var lower = low
      var upper = high
      for _ in 0..<80 {
        let middle = (lower + upper) / 2
        let filled = zip(shares, inverses).reduce(0) { $0 + $1.0 * $1.1.stoichiometry(at: middle) }
        if filled > x { lower = middle } else { upper = middle }
      }
      let potential = (lower + upper) / 2
      xs.append(x)
      potentials.append(potential)
      diffusivities.append(
        zip(shares, zip(components, inverses)).reduce(0) { sum, item in
          let (share, (component, inverse)) = item
          let own = inverse.stoichiometry(at: potential)
          return sum + share * component.diffusivity.value(x: own, temperature: temperatureK)
        })
    }
    let constantDiffusivity = components.allSatisfy {
      if case .constant = $0.diffusivity { return true }
      return false
    }
    let diffusivity: MaterialFunction =
      constantDiffusivity
      ? .constant(diffusivities[0])
      : .table(
        try InterpolationTable(xs: xs, ys: diffusivities, extrapolation: .clamp), variable: .x)
    return Blended(
      maxConcentrationMolM3: total,
      openCircuitPotential: .table(
        try InterpolationTable(xs: xs, ys: potentials, extrapolation: .clamp), variable: .x),
      diffusivity: diffusivity,
      rateConstant: zip(shares, components).reduce(0) { $0 + $1.0 * $1.1.rateConstant })
  }
}

/// A component's stoichiometry as a function of potential: its OCP sampled finely, made
/// non-increasing (a measured curve's noise must not fold the inverse), and interpolated.
private struct InverseOCP {
  private let potentials: [Double]
  private static let samples = 2001

  init(_ ocp: MaterialFunction, temperatureK: Double) {
    var values: [Double] = []
    for j in 0..<Self.samples {
      let u = ocp.value(x: Double(j) / Double(Self.samples - 1), temperature: temperatureK)
      values.append(min(u, values.last ?? u))
    }
    potentials = values
  }

  /// The potential at x = 0 and at x = 1.
  var highest: Double { potentials[0] }
  var lowest: Double { potentials[potentials.count - 1] }

  /// The stoichiometry at `potential` (0 above the curve, 1 below it).
  func stoichiometry(at potential: Double) -> Double {
    if potential >= potentials[0] { return 0 }
    if potential <= potentials[potentials.count - 1] { return 1 }
    // The first sample at or below the potential, by bisection on the falling curve.
    var lo = 0
    var hi = potentials.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if potentials[mid] > potential { lo = mid } else { hi = mid }
    }
    let span = potentials[lo] - potentials[hi]
    let fraction = span > 0 ? (potentials[lo] - potential) / span : 0
    return (Double(lo) + fraction) / Double(potentials.count - 1)
  }
}
