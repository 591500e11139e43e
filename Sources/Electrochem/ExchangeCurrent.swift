/// The Butler–Volmer exchange current density j0 = k ĉ_e^α (1 − x)^α x^(1−α) (ĉ_e = c_e / 1000
/// mol/m³, x the surface stoichiometry) near the ends of its range.
///
/// Where every factor is at least `threshold`, the reaction is the usual
/// j = j0 [exp(α f η) − exp(−(1 − α) f η)]. Below it, the two directions are regularised apart,
/// each by what it consumes: insertion (the cathodic term) needs salt and vacant sites, so its
/// salt and site factors fall to zero with zero slope at zero and stay zero past it; extraction
/// (the anodic term) needs lithium in the solid, so its lithium factor does the same. The factor
/// a direction does not consume continues as a positive exponential matched in value and slope.
/// A saturated surface then stops filling but can still empty when the current reverses, and an
/// empty one the other way round; the slope stays bounded where the bare power law's is
/// infinite.
enum ExchangeCurrent {
  /// Below this value of a factor the regularisation applies.
  static let threshold = 1e-6

  /// Whether every factor is in the power law's range.
  @inline(__always)
  static func isRegular(salt: Double, surface: Double) -> Bool {
    salt >= threshold && surface >= threshold && 1 - surface >= threshold
  }

  /// A factor consumed by the direction: v^p, continued below the threshold by
  /// t^p s² (3 − p + (p − 2) s) with s = v / t (value and slope matched), 0 for v ≤ 0; with its
  /// derivative.
  @inline(__always)
  static func consumed(_ value: Double, _ exponent: Double) -> (value: Double, slope: Double) {
    if value >= threshold {
      let power = Math.pow(value, exponent)
      return (power, exponent * power / value)
    }
    guard value > 0 else { return (0, 0) }
    let s = value / threshold
    let scale = Math.pow(threshold, exponent)
    return (
      scale * s * s * ((3 - exponent) + (exponent - 2) * s),
      scale * s * (2 * (3 - exponent) + 3 * (exponent - 2) * s) / threshold
    )
  }

  /// A factor the direction does not consume: v^p, continued below the threshold by
  /// t^p exp(p (v − t) / t) (value and slope matched, positive for every v); with its
  /// derivative.
  @inline(__always)
  static func spectator(_ value: Double, _ exponent: Double) -> (value: Double, slope: Double) {
    if value >= threshold {
      let power = Math.pow(value, exponent)
      return (power, exponent * power / value)
    }
    let factor =
      Math.pow(threshold, exponent) * Math.exp(exponent * (value - threshold) / threshold)
    return (factor, factor * exponent / threshold)
  }

  /// The regularised reaction's two coefficients over the rate constant, and their derivatives
  /// with respect to the salt ĉ_e and the surface stoichiometry x.
  struct Split {
    var anodic = 0.0
    var cathodic = 0.0
    var anodicPerSalt = 0.0
    var cathodicPerSalt = 0.0
    var anodicPerSurface = 0.0
    var cathodicPerSurface = 0.0
  }

  /// The two coefficients at salt `salt` (ĉ_e) and surface stoichiometry `surface`.
  @inline(__always)
  static func split(salt: Double, surface: Double, alpha: Double) -> Split {
    let vacancy = 1 - surface
    // Extraction: salt and sites are spectators, lithium is consumed.
    let saltA = spectator(salt, alpha)
    let siteA = spectator(vacancy, alpha)
    let lithiumA = consumed(surface, 1 - alpha)
    // Insertion: salt and sites are consumed, lithium is a spectator.
    let saltC = consumed(salt, alpha)
    let siteC = consumed(vacancy, alpha)
    let lithiumC = spectator(surface, 1 - alpha)
    var split = Split()
    split.anodic = saltA.value * siteA.value * lithiumA.value
    split.cathodic = saltC.value * siteC.value * lithiumC.value
    split.anodicPerSalt = saltA.slope * siteA.value * lithiumA.value
    split.cathodicPerSalt = saltC.slope * siteC.value * lithiumC.value
    split.anodicPerSurface =
      saltA.value * (-siteA.slope * lithiumA.value + siteA.value * lithiumA.slope)
    split.cathodicPerSurface =
      saltC.value * (-siteC.slope * lithiumC.value + siteC.value * lithiumC.slope)
    return split
  }
}
