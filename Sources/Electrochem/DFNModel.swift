import StudyModel

/// The Doyle–Fuller–Newman model of one cell, discretised by finite volumes in x and in the
/// particle radius: residual F(y, y') = 0, its sparsity, and derived quantities.
///
/// Equations of Doyle, Fuller and Newman (1993), as PyBaMM states its DFN (Marquis et al.
/// 2019): Fickian diffusion in spherical particles with the reaction flux at
/// the surface; Butler–Volmer kinetics with film resistance; concentrated-solution electrolyte
/// (mass and charge); Ohm's law in the solid with φ_s(0) = 0 and the applied current entering
/// at x = L. One instance keeps scratch buffers: use one per thread.
public final class DFNModel: CellModel {
  /// The cell being modelled.
  public let cell: CellParameters
  /// Where each unknown lives.
  public let layout: DFNLayout
  let geometry: DFNGeometry
  let electrodes: [ElectrodeParameters]
  /// F / (R T), 1/V.
  let fOverRT: Double

  let kernel: DFNKernel

  /// A model of `cell` on `mesh`.
  public init(cell: CellParameters, mesh: DFNMesh) {
    self.cell = cell
    self.layout = DFNLayout(mesh: mesh, sides: DFNSideStates(cell))
    self.geometry = DFNGeometry(cell: cell, layout: layout)
    self.electrodes = [cell.negative, cell.positive]
    self.fOverRT = PhysicalConstants.faraday / (PhysicalConstants.gas * cell.temperatureK)
    self.kernel = DFNKernel(cell: cell, layout: layout, geometry: geometry, fOverRT: fOverRT)
  }

  /// The unknowns and the Jacobian's structure (built on first use: the engine takes it from
  /// `DFNModelKind` once per mesh).
  public private(set) lazy var structure: ModelStructure = layout.structure

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
    kernel.residual(y: y, yp: yp, control: control, r: &r)
  }

  // MARK: - Jacobian

  /// The (row, column) of each value `jacobian(y:yp:cj:control:slots:values:)` writes, in the
  /// order it writes them; the order is the same for every state and control.
  public var jacobianWriteOrder: [(row: Int, column: Int)] {
    var recorder = JacobianRecorder()
    let y = restingState()
    let yp = [Double](repeating: 0, count: layout.size)
    _ = kernel.jacobian(y: y.span, yp: yp.span, cj: 1, control: .current(0), into: &recorder)
    return recorder.entries
  }

  /// Writes the analytic Jacobian dF/dy + cj dF/dy′ at (y, y′) into `values`.
  ///
  /// Every value is zeroed, then the n-th value in `jacobianWriteOrder` is added at
  /// `values[slots[n]]`. Returns false when the state is outside the physical domain, as
  /// `residual` does.
  public func jacobian(
    y: Span<Double>, yp: Span<Double>, cj: Double, control: CellControl, slots: [Int],
    values: inout MutableSpan<Double>
  ) -> Bool {
    slots.withUnsafeBufferPointer { slotBuffer in
      values.withUnsafeMutableBufferPointer { valueBuffer in
        valueBuffer.update(repeating: 0)
        var writer = JacobianSlotWriter(
          slots: slotBuffer, values: UnsafeMutableBufferPointer(rebasing: valueBuffer[...]))
        return kernel.jacobian(y: y, yp: yp, cj: cj, control: control, into: &writer)
      }
    }
  }

  // MARK: - Derived quantities

  /// Electrolyte concentration of volume `k`, mol/m³.
  @inline(__always)
  func concentrationAt(_ k: Int, _ y: Span<Double>) -> Double {
    y[layout.electrolyteConcentration(k)] * cell.electrolyte.initialConcentrationMolM3
  }

  /// Surface stoichiometry of the particle in electrode volume `k` (see `DFNKernel`).
  func surfaceStoichiometry(k: Int, electrode e: Int, y: Span<Double>) -> Double {
    kernel.surfaceStoichiometry(volume: k, y)
  }

  /// v^p for the exchange current's factors in their regular range (see `ExchangeCurrent`).
  @inline(__always)
  static func power(_ value: Double, _ exponent: Double) -> Double {
    exponent == 0.5 ? value.squareRoot() : Math.pow(value, exponent)
  }

  /// The terminal voltage, V: φ_s at x = L (extrapolated with the applied current) minus the
  /// contact drop.
  public func voltage(_ y: Span<Double>) -> Double { kernel.voltage(y) }

}
