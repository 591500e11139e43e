import StudyModel

/// The Doyle–Fuller–Newman model of one cell, discretised by finite volumes in x and in the
/// particle radius: residual F(y, y') = 0, its sparsity, and derived quantities.
///
/// Equations (BRIEF §1.1): Fickian diffusion in spherical particles with the reaction flux at
/// the surface; Butler–Volmer kinetics with film resistance; concentrated-solution electrolyte
/// (mass and charge); Ohm's law in the solid with φ_s(0) = 0 and the applied current entering
/// at x = L. One instance keeps scratch buffers: use one per thread.
public final class DFNModel {
  /// The cell being modelled.
  public let cell: CellParameters
  /// Where each unknown lives.
  public let layout: DFNLayout
  let geometry: DFNGeometry
  let electrodes: [ElectrodeParameters]
  /// F / (R T), 1/V.
  let fOverRT: Double

  // Scratch, one entry per volume or face.
  private var concentration: [Double]
  private var logConcentration: [Double]
  private var effectiveDiffusivity: [Double]
  private var effectiveConductivity: [Double]
  private var diffusionPotentialFactor: [Double]
  private var saltFlux: [Double]
  private var electrolyteCurrent: [Double]

  /// A model of `cell` on `mesh`.
  public init(cell: CellParameters, mesh: DFNMesh) {
    self.cell = cell
    self.layout = DFNLayout(mesh: mesh)
    self.geometry = DFNGeometry(cell: cell, layout: layout)
    self.electrodes = [cell.negative, cell.positive]
    self.fOverRT = PhysicalConstants.faraday / (PhysicalConstants.gas * cell.temperatureK)
    let count = layout.volumeCount
    concentration = Array(repeating: 0, count: count)
    logConcentration = Array(repeating: 0, count: count)
    effectiveDiffusivity = Array(repeating: 0, count: count)
    effectiveConductivity = Array(repeating: 0, count: count)
    diffusionPotentialFactor = Array(repeating: 0, count: count)
    saltFlux = Array(repeating: 0, count: count + 1)
    electrolyteCurrent = Array(repeating: 0, count: count + 1)
  }

  /// The coefficient of y'_i in row i (0 for algebraic rows).
  public func massCoefficient(_ index: Int) -> Double { mass[index] }

  private lazy var mass: [Double] = {
    var mass = layout.isDifferential.map { $0 ? 1.0 : 0.0 }
    for k in 0..<layout.volumeCount {
      mass[layout.electrolyteConcentration(k)] = geometry.porosity[k]
    }
    return mass
  }()

  // MARK: - Residual

  /// Writes F(y, y') for the given control into `residual`; returns false when the state is
  /// outside the physical domain (a concentration not positive or not finite), which the
  /// integrator treats as a reason to retry with a smaller step.
  public func residual(
    y: Span<Double>, yp: Span<Double>, control: CellControl, residual r: inout MutableSpan<Double>
  ) -> Bool {
    let electrolyte = cell.electrolyte
    let c0 = electrolyte.initialConcentrationMolM3
    let temperature = cell.temperatureK
    let count = layout.volumeCount
    let thermalVoltage = 1 / fOverRT

    // Electrolyte properties at each volume centre.
    for k in 0..<count {
      let c = y[layout.electrolyteConcentration(k)] * c0
      guard c > 0, c.isFinite else { return false }
      concentration[k] = c
      logConcentration[k] = Math.log(c)
      let values = ExpressionValues(x: 0, c: c, temperature: temperature)
      effectiveDiffusivity[k] = geometry.transportFactor[k] * electrolyte.diffusivity.value(values)
      effectiveConductivity[k] =
        geometry.transportFactor[k] * electrolyte.conductivity.value(values)
      diffusionPotentialFactor[k] =
        2 * (1 - electrolyte.transferenceNumber)
        * electrolyte.thermodynamicFactor.value(values) * thermalVoltage
    }

    // Fluxes through interior faces (none through the current collectors).
    saltFlux[0] = 0
    electrolyteCurrent[0] = 0
    saltFlux[count] = 0
    electrolyteCurrent[count] = 0
    for k in 0..<(count - 1) {
      let half0 = geometry.width[k] / 2
      let half1 = geometry.width[k + 1] / 2
      let distance = geometry.centreDistance[k]
      // Series (harmonic) combination keeps flux continuous where ε jumps.
      let diffusivity =
        distance / (half0 / effectiveDiffusivity[k] + half1 / effectiveDiffusivity[k + 1])
      let conductivity =
        distance / (half0 / effectiveConductivity[k] + half1 / effectiveConductivity[k + 1])
      let factor = (diffusionPotentialFactor[k] + diffusionPotentialFactor[k + 1]) / 2
      saltFlux[k + 1] = diffusivity * (concentration[k + 1] - concentration[k]) / distance
      let potentialGradient =
        (y[layout.electrolytePotential(k + 1)] - y[layout.electrolytePotential(k)]) / distance
      let logGradient = (logConcentration[k + 1] - logConcentration[k]) / distance
      electrolyteCurrent[k + 1] = -conductivity * (potentialGradient - factor * logGradient)
    }

    let current = y[layout.current]
    for k in 0..<count {
      let width = geometry.width[k]
      let e = geometry.electrodeIndex[k]
      let reaction = e >= 0 ? geometry.specificArea[k] * y[layout.interfacialCurrent(k)] : 0
      // Salt mass: ε ∂c/∂t = ∂/∂x(D_eff ∂c/∂x) + (1 − t₊) a j / F, scaled by c0.
      let massRow = layout.electrolyteConcentration(k)
      r[massRow] =
        geometry.porosity[k] * yp[massRow]
        - ((saltFlux[k + 1] - saltFlux[k]) / width
          + (1 - electrolyte.transferenceNumber) * reaction / PhysicalConstants.faraday) / c0
      // Electrolyte charge: ∂i_e/∂x = a j, multiplied by the width.
      r[layout.electrolytePotential(k)] =
        electrolyteCurrent[k + 1] - electrolyteCurrent[k] - reaction * width
      if e >= 0 {
        solidRows(k: k, electrode: e, current: current, y: y, yp: yp, r: &r)
      }
    }

    // External circuit and charge counter (1 mAh/cm² = 36 000 C/m²).
    r[layout.current] = controlResidual(control, y: y)
    r[layout.charge] = yp[layout.charge] - current / 36000
    return true
  }

  private func solidRows(
    k: Int, electrode e: Int, current: Double, y: Span<Double>, yp: Span<Double>,
    r: inout MutableSpan<Double>
  ) {
    let parameters = electrodes[e]
    let width = geometry.width[k]
    let sigma = parameters.effectiveConductivitySM
    let j = y[layout.interfacialCurrent(k)]
    let reaction = geometry.specificArea[k] * j

    // Solid charge: ∂i_s/∂x = −a j, multiplied by the width. φ_s(0) = 0 at the negative
    // collector; the applied current enters the positive one; electrode/separator faces
    // carry no solid current.
    let phi = y[layout.solidPotential(k)]
    let left: Double
    if e == 0 {
      left =
        k == 0
        ? -sigma * phi / (width / 2)
        : -sigma * (phi - y[layout.solidPotential(k - 1)]) / geometry.centreDistance[k - 1]
    } else {
      left =
        k == layout.positiveVolumes.lowerBound
        ? 0 : -sigma * (phi - y[layout.solidPotential(k - 1)]) / geometry.centreDistance[k - 1]
    }
    let right: Double
    if e == 0 {
      right =
        k == layout.negativeVolumes.upperBound - 1
        ? 0 : -sigma * (y[layout.solidPotential(k + 1)] - phi) / geometry.centreDistance[k]
    } else {
      right =
        k == layout.volumeCount - 1
        ? current : -sigma * (y[layout.solidPotential(k + 1)] - phi) / geometry.centreDistance[k]
    }
    r[layout.solidPotential(k)] = right - left + reaction * width

    // Kinetics: j = j0 [exp(α_a f η) − exp(−α_c f η)], η = φ_s − φ_e − U(x_surf) − j R_film.
    let surface = surfaceStoichiometry(k: k, electrode: e, y: y)
    let overpotential = overpotential(k: k, electrode: e, surface: surface, y: y)
    let exchange = exchangeCurrent(
      electrode: e, surface: surface, electrolyte: concentrationAt(k, y))
    let alphaA = parameters.anodicTransferCoefficient
    r[layout.interfacialCurrent(k)] =
      j
      - exchange
      * (Math.exp(alphaA * fOverRT * overpotential)
        - Math.exp(-(1 - alphaA) * fOverRT * overpotential))

    particleRows(k: k, electrode: e, flux: j, y: y, yp: yp, r: &r)
  }

  /// Fick's law in a sphere by finite volumes: shell i exchanges r² D ∂x/∂r with its
  /// neighbours; the surface face carries −j / (F c_max).
  private func particleRows(
    k: Int, electrode e: Int, flux j: Double, y: Span<Double>, yp: Span<Double>,
    r: inout MutableSpan<Double>
  ) {
    let parameters = electrodes[e]
    let shells = layout.mesh.particle
    let dr = geometry.shellWidth[e]
    let areas = geometry.shellFaceArea[e]
    let volumes = geometry.shellVolume[e]
    let temperature = cell.temperatureK
    var inward = 0.0  // r² D ∂x/∂r through the inner face of the current shell
    for shell in 0..<shells {
      let index = layout.stoichiometry(k, shell: shell)
      let outward: Double
      if shell == shells - 1 {
        outward = -areas[shell] * j / (PhysicalConstants.faraday * parameters.maxConcentrationMolM3)
      } else {
        let x0 = y[index]
        let x1 = y[index + 1]
        let diffusivity = faceDiffusivity(parameters.diffusivity, x0, x1, temperature)
        outward = areas[shell] * diffusivity * (x1 - x0) / dr
      }
      r[index] = yp[index] - (outward - inward) / volumes[shell]
      inward = outward
    }
  }

  @inline(__always)
  private func faceDiffusivity(
    _ function: MaterialFunction, _ x0: Double, _ x1: Double, _ t: Double
  )
    -> Double
  {
    if case .constant(let value) = function { return value }
    return function.value(x: (x0 + x1) / 2, temperature: t)
  }

  // MARK: - Derived quantities

  /// Electrolyte concentration of volume `k`, mol/m³.
  @inline(__always)
  func concentrationAt(_ k: Int, _ y: Span<Double>) -> Double {
    y[layout.electrolyteConcentration(k)] * cell.electrolyte.initialConcentrationMolM3
  }

  /// Surface stoichiometry of the particle in volume `k`, extrapolated linearly from the two
  /// outer shells (as PyBaMM's finite volumes do; with 10 shells it tracks the converged
  /// surface value more closely than a flux-based extrapolation).
  @inline(__always)
  func surfaceStoichiometry(k: Int, electrode e: Int, y: Span<Double>) -> Double {
    let outer = layout.stoichiometry(k, shell: layout.mesh.particle - 1)
    return 1.5 * y[outer] - 0.5 * y[outer - 1]
  }

  /// The reaction overpotential η of volume `k`, V.
  func overpotential(k: Int, electrode e: Int, surface: Double, y: Span<Double>) -> Double {
    let parameters = electrodes[e]
    let j = y[layout.interfacialCurrent(k)]
    return y[layout.solidPotential(k)] - y[layout.electrolytePotential(k)]
      - parameters.openCircuitPotential.value(x: surface, temperature: cell.temperatureK)
      - j * parameters.filmResistanceOhmM2
  }

  /// Exchange current density j0 = k c_e^α_a (c_max − c_s)^α_a c_s^α_c, A/m².
  ///
  /// Each power law is continued below a fraction of 1e-6 by a quadratic that keeps value
  /// and slope continuous and reaches zero at zero: the slope stays bounded as a surface
  /// nears saturation (the bare power law's is infinite and stalls the integrator), and past
  /// saturation j0 changes sign, so the kinetics push the surface back instead of over-filling.
  func exchangeCurrent(electrode e: Int, surface: Double, electrolyte: Double) -> Double {
    let parameters = electrodes[e]
    let alphaA = parameters.anodicTransferCoefficient
    let cMax = parameters.maxConcentrationMolM3
    let scale = alphaA == 0.5 ? (1000 * cMax).squareRoot() * cMax.squareRoot()
      : Math.pow(1000, alphaA) * Math.pow(cMax, alphaA) * Math.pow(cMax, 1 - alphaA)
    return parameters.rateConstant * scale
      * DFNModel.regularizedPower(electrolyte / 1000, alphaA)
      * DFNModel.regularizedPower(1 - surface, alphaA)
      * DFNModel.regularizedPower(surface, 1 - alphaA)
  }

  /// v^p for v ≥ 1e-6, and v0^p (a s + b s²) with s = v / v0 below, matched in value and slope.
  @inline(__always)
  static func regularizedPower(_ value: Double, _ exponent: Double) -> Double {
    let threshold = 1e-6
    if value >= threshold { return exponent == 0.5 ? value.squareRoot() : Math.pow(value, exponent) }
    let s = value / threshold
    return Math.pow(threshold, exponent) * ((2 - exponent) * s + (exponent - 1) * s * s)
  }

  /// The terminal voltage, V: φ_s at x = L (extrapolated with the applied current) minus the
  /// contact drop.
  public func voltage(_ y: Span<Double>) -> Double {
    let last = layout.volumeCount - 1
    let current = y[layout.current]
    let sigma = cell.positive.effectiveConductivitySM
    return y[layout.solidPotential(last)] - current * geometry.width[last] / 2 / sigma
      - current * cell.contactResistanceOhmM2
  }

  private func controlResidual(_ control: CellControl, y: Span<Double>) -> Double {
    switch control {
    case .current(let value): return y[layout.current] - value
    case .voltage(let value): return voltage(y) - value
    case .power(let value): return y[layout.current] * voltage(y) - value
    }
  }
}
