import StudyModel

/// Where each unknown of the discretised DFN lives in the state vector.
///
/// Unknowns are grouped by volume along x so that the couplings along x stay narrow: for each
/// volume the electrolyte concentration (scaled by its initial value) and potential, then, in
/// an electrode, the solid potential and the interfacial current density. The particles'
/// stoichiometries follow, electrode by electrode and shell by shell from the centre out, with
/// the particles of one shell side by side: the loops over particles (residual, Newton solves,
/// averages) then run over consecutive memory. The applied current density and the charge
/// passed close the vector.
public struct DFNLayout: Sendable, Equatable {
  /// The region a volume belongs to.
  public enum Region: Sendable, Equatable {
    /// Negative electrode.
    case negative
    /// Separator.
    case separator
    /// Positive electrode.
    case positive
  }

  /// Where each unknown of a volume sits after the volume's first (`volumeStart`): the
  /// residual, the Jacobian and the observers address the state through these offsets.
  public enum Slot {
    /// The electrolyte concentration, scaled by its initial value.
    public static let electrolyteConcentration = 0
    /// The electrolyte potential, V.
    public static let electrolytePotential = 1
    /// The solid potential, V (electrode volumes only).
    public static let solidPotential = 2
    /// The interfacial current density, A/m² of particle surface (electrode volumes only).
    public static let interfacialCurrent = 3
    /// Unknowns of a separator volume.
    public static let separatorCount = 2
    /// Unknowns of an electrode volume.
    public static let electrodeCount = 4
  }

  /// The mesh this layout was made for.
  public let mesh: DFNMesh
  /// The degradation states each electrode's volumes carry after their four unknowns.
  public let sides: DFNSideStates
  /// Where the negative electrode's side states sit in its volumes' blocks.
  public let negativeSlots: SideStates.Slots
  /// Where the positive electrode's side states sit in its volumes' blocks.
  public let positiveSlots: SideStates.Slots
  /// Number of volumes along x.
  public let volumeCount: Int
  /// Region of each volume.
  public let regions: [Region]
  /// Index of the first unknown of each volume (its scaled electrolyte concentration).
  public let volumeStart: [Int]
  /// Index of the innermost shell of the first particle of the negative electrode.
  public let negativeShellStart: Int
  /// Index of the innermost shell of the first particle of the positive electrode.
  public let positiveShellStart: Int
  /// Index of the applied current density, A/m² (positive on discharge).
  public let current: Int
  /// Index of the charge passed since the step began, mAh/cm² (positive on discharge).
  public let charge: Int
  /// Total number of unknowns.
  public let size: Int

  /// The layout for `mesh`, with the side states `sides` (none by default).
  public init(mesh: DFNMesh, sides: DFNSideStates = DFNSideStates()) {
    self.mesh = mesh
    self.sides = sides
    negativeSlots = sides.negative.slots
    positiveSlots = sides.positive.slots
    var regions: [Region] = []
    regions += Array(repeating: .negative, count: mesh.negative)
    regions += Array(repeating: .separator, count: mesh.separator)
    regions += Array(repeating: .positive, count: mesh.positive)
    var starts: [Int] = []
    var next = 0
    for region in regions {
      starts.append(next)
      switch region {
      case .separator: next += Slot.separatorCount
      case .negative: next += Slot.electrodeCount + negativeSlots.count
      case .positive: next += Slot.electrodeCount + positiveSlots.count
      }
    }
    self.regions = regions
    self.volumeCount = regions.count
    self.volumeStart = starts
    negativeShellStart = next
    positiveShellStart = next + mesh.negative * mesh.particle
    next = positiveShellStart + mesh.positive * mesh.particle
    self.current = next
    self.charge = next + 1
    self.size = next + 2
  }

  /// Scaled electrolyte concentration of volume `k`.
  @inline(__always) public func electrolyteConcentration(_ k: Int) -> Int {
    volumeStart[k] + Slot.electrolyteConcentration
  }
  /// Electrolyte potential of volume `k`.
  @inline(__always) public func electrolytePotential(_ k: Int) -> Int {
    volumeStart[k] + Slot.electrolytePotential
  }
  /// Solid potential of electrode volume `k`.
  @inline(__always) public func solidPotential(_ k: Int) -> Int {
    volumeStart[k] + Slot.solidPotential
  }
  /// Interfacial current density of electrode volume `k`, A/m² of particle surface.
  @inline(__always) public func interfacialCurrent(_ k: Int) -> Int {
    volumeStart[k] + Slot.interfacialCurrent
  }
  /// Stoichiometry of shell `shell` (0 = centre) of the particle in electrode volume `k`.
  @inline(__always) public func stoichiometry(_ k: Int, shell: Int) -> Int {
    if k < mesh.negative { return negativeShellStart + shell * mesh.negative + k }
    let particle = k - mesh.negative - mesh.separator
    precondition(particle >= 0, "volume \(k) is in the separator")
    return positiveShellStart + shell * mesh.positive + particle
  }

  /// Unknowns of volume `k`'s block.
  public func blockWidth(_ k: Int) -> Int {
    switch regions[k] {
    case .separator: return Slot.separatorCount
    case .negative: return Slot.electrodeCount + negativeSlots.count
    case .positive: return Slot.electrodeCount + positiveSlots.count
    }
  }

  /// The side-state offsets of electrode volume `k`'s block.
  public func slots(_ k: Int) -> SideStates.Slots {
    regions[k] == .positive ? positiveSlots : negativeSlots
  }

  /// The volumes of the negative electrode.
  public var negativeVolumes: Range<Int> { 0..<mesh.negative }
  /// The volumes of the separator.
  public var separatorVolumes: Range<Int> { mesh.negative..<(mesh.negative + mesh.separator) }
  /// The volumes of the positive electrode.
  public var positiveVolumes: Range<Int> { (mesh.negative + mesh.separator)..<volumeCount }

  /// The magnitude each unknown's absolute tolerance is relative to: 1 for the scaled
  /// concentrations, stoichiometries, potentials (V), interfacial currents (A/m²) and the
  /// charge counter (mAh/cm²); 10 for the applied current density (A/m²).
  public var toleranceScales: [Double] {
    var scales = [Double](repeating: 1, count: size)
    scales[current] = 10
    return scales
  }

  /// Whether each unknown has a time derivative in the equations.
  public var isDifferential: [Bool] {
    var flags = [Bool](repeating: false, count: size)
    for k in 0..<volumeCount {
      flags[electrolyteConcentration(k)] = true
      if regions[k] != .separator {
        for shell in 0..<mesh.particle { flags[stoichiometry(k, shell: shell)] = true }
        let slots = self.slots(k)
        let algebraic = slots.algebraic
        for offset in 0..<slots.count where !algebraic.contains(Slot.electrodeCount + offset) {
          flags[volumeStart[k] + Slot.electrodeCount + offset] = true
        }
      }
    }
    flags[charge] = true
    return flags
  }
}
