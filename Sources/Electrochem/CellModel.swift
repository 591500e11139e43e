import StudyModel

/// A discretised cell model as the engine integrates it: the residual F(y, y′) = 0 under a
/// control, its analytic Jacobian, a first state and what an observer reads from a state.
///
/// One instance models one cell on one mesh and keeps scratch buffers: use one per thread.
/// Everything that depends on the mesh but not on the cell's values is in `structure`, so
/// that a simulator can reuse one integrator for every cell of the same structure.
public protocol CellModel: AnyObject {
  /// The unknowns and the Jacobian's structure.
  var structure: ModelStructure { get }

  /// The coefficient of y′ᵢ in row i (0 for algebraic rows).
  func massCoefficient(_ index: Int) -> Double

  /// Writes F(y, y′) for `control` into `residual`; false when the state is outside the
  /// physical domain (the integrator then retries with a smaller step).
  func residual(
    y: Span<Double>, yp: Span<Double>, control: CellControl, residual: inout MutableSpan<Double>
  ) -> Bool

  /// The (row, column) of each value `jacobian` writes, in the order it writes them; the same
  /// for every state, control and cell of this structure.
  var jacobianWriteOrder: [(row: Int, column: Int)] { get }

  /// Writes dF/dy + cj dF/dy′ at (y, y′): every value zeroed, then the n-th value of
  /// `jacobianWriteOrder` added at `values[slots[n]]`; false outside the physical domain.
  func jacobian(
    y: Span<Double>, yp: Span<Double>, cj: Double, control: CellControl, slots: [Int],
    values: inout MutableSpan<Double>
  ) -> Bool

  /// The state at rest with the cell's initial values: differential unknowns exact, algebraic
  /// ones a first guess for the consistent initialisation.
  func restingState() -> [Double]

  /// The terminal voltage of state `y`, V.
  func voltage(_ y: Span<Double>) -> Double

  /// Everything a report reads from state `y`.
  func observe(_ y: Span<Double>) -> CellObservation

  /// The state along the cell at `time` (nil for a model that does not resolve x).
  func profile(_ y: Span<Double>, time: Double) -> CellProfile?

  /// The lowest and highest particle-surface stoichiometry of one electrode (nil when that
  /// side has no particles, as a metal foil).
  func surfaceRange(_ side: ElectrodeSide, _ y: Span<Double>) -> ClosedRange<Double>?

  /// The lowest electrolyte concentration over the cell as a fraction of the initial one (1
  /// for a model whose electrolyte does not deplete).
  func scaledElectrolyteMinimum(_ y: Span<Double>) -> Double
}

/// Makes models of one kind: their structure for a mesh, and a model of each cell.
///
/// Cells of one variant (for the DFN: with the same degradation submodels) share a structure,
/// so a simulator keeps one integrator per variant and mesh.
public protocol CellModelKind: Sendable {
  /// The variant `cell` belongs to.
  func variant(of cell: CellParameters) -> AnyHashable

  /// The structure every model of `cell`'s variant has on `mesh`.
  func structure(mesh: DFNMesh, cell: CellParameters) -> ModelStructure

  /// A model of `cell` on `mesh`.
  func model(cell: CellParameters, mesh: DFNMesh) -> any CellModel
}

/// Which electrode of a cell.
public enum ElectrodeSide: Sendable, Equatable, CaseIterable {
  /// The negative electrode (the anode on discharge).
  case negative
  /// The positive electrode.
  case positive
}

/// The unknowns of a model and its Jacobian's nonzero structure, independent of the cell.
public struct ModelStructure: Sendable {
  /// Number of unknowns.
  public let size: Int
  /// Whether each unknown has a time derivative in the equations.
  public let isDifferential: [Bool]
  /// The magnitude each unknown's absolute tolerance is relative to.
  public let toleranceScales: [Double]
  /// Scales below which finite-difference perturbations do not shrink.
  public let typicalMagnitudes: [Double]
  /// The (row, column) pairs where the Jacobian can be nonzero, for every control.
  public let jacobianEntries: [(row: Int, column: Int)]
  /// Index of the applied current density, A/m² (positive on discharge).
  public let current: Int
  /// Index of the charge passed since the step began, mAh/cm² (positive on discharge).
  public let charge: Int
  /// The particle blocks a block-eliminating linear solver may use (nil: none).
  public let particles: ParticleBlocks?
  /// Unknowns that must never become negative (amounts that only a reaction proportional
  /// to themselves removes, such as plated lithium).
  public let nonNegative: [Int]

  /// A structure from all of its parts; every per-unknown list has `size` entries.
  public init(
    size: Int, isDifferential: [Bool], toleranceScales: [Double], typicalMagnitudes: [Double],
    jacobianEntries: [(row: Int, column: Int)], current: Int, charge: Int,
    particles: ParticleBlocks?, nonNegative: [Int] = []
  ) {
    precondition(
      isDifferential.count == size && toleranceScales.count == size
        && typicalMagnitudes.count == size, "one entry per unknown")
    self.size = size
    self.isDifferential = isDifferential
    self.toleranceScales = toleranceScales
    self.typicalMagnitudes = typicalMagnitudes
    self.jacobianEntries = jacobianEntries
    self.current = current
    self.charge = charge
    self.particles = particles
    self.nonNegative = nonNegative
  }
}

/// Particles that touch the rest of a model only through one interfacial current each: the
/// structure a solver can eliminate block by block before factorising the rest.
public struct ParticleBlocks: Sendable, Equatable {
  /// One particle: the index of its interfacial current and of its shells, centre first,
  /// and its volume's side states (eliminated with the current when there are any).
  public struct Particle: Sendable, Equatable {
    /// The interfacial current density's unknown.
    public let current: Int
    /// The shells' unknowns, from the centre out.
    public let shells: [Int]
    /// The unknowns local to the particle's volume besides the current (degradation states).
    public let sides: [Int]

    /// A particle.
    public init(current: Int, shells: [Int], sides: [Int] = []) {
      self.current = current
      self.shells = shells
      self.sides = sides
    }
  }

  /// The particles, in state order.
  public let particles: [Particle]
  /// For each unknown, the finite volume it belongs to (−1 for none): an interfacial current
  /// may couple only to unknowns of its own volume.
  public let volumeOfUnknown: [Int]

  /// Particle blocks.
  public init(particles: [Particle], volumeOfUnknown: [Int]) {
    self.particles = particles
    self.volumeOfUnknown = volumeOfUnknown
  }
}
