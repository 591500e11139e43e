import StudyModel

/// Which degradation states an electrode's volumes carry: the structure the layout reserves
/// for them, independent of the parameter values.
public struct SideStates: Sendable, Hashable {
  /// SEI growth: a scaled SEI concentration per volume.
  public var sei: Bool
  /// Lithium plating: plated and dead lithium and the plating current per volume.
  public var plating: Bool
  /// Loss of active material: the active fraction and the lithium lost with it per volume.
  public var activeMaterialLoss: Bool
  /// Whether the loss is driven by the applied current too (its rows then read it).
  public var currentDrivenLoss: Bool

  /// Side states (none by default).
  public init(
    sei: Bool = false, plating: Bool = false, activeMaterialLoss: Bool = false,
    currentDrivenLoss: Bool = false
  ) {
    self.sei = sei
    self.plating = plating
    self.activeMaterialLoss = activeMaterialLoss
    self.currentDrivenLoss = activeMaterialLoss && currentDrivenLoss
  }

  /// The side states of an electrode with `degradation`.
  public init(_ degradation: Degradation) {
    self.init(
      sei: degradation.sei != nil, plating: degradation.plating != nil,
      activeMaterialLoss: degradation.activeMaterialLoss != nil,
      currentDrivenLoss: (degradation.activeMaterialLoss?.perCurrentM2PerAS ?? 0) > 0)
  }

  /// Whether the electrode carries any.
  public var isEmpty: Bool { !sei && !plating && !activeMaterialLoss }

  /// Where each state sits in an electrode volume's block, after the four unknowns of
  /// `DFNLayout.Slot` (nil: not carried).
  public var slots: Slots { Slots(self) }

  /// Offsets of the side states within an electrode volume's block.
  public struct Slots: Sendable, Equatable, Hashable {
    /// The SEI concentration over its initial value.
    public let sei: Int?
    /// Plated lithium over `LithiumPlating.concentrationScale`.
    public let plated: Int?
    /// Dead lithium over the same scale.
    public let dead: Int?
    /// The plating current density, A/m² of particle surface (algebraic).
    public let platingCurrent: Int?
    /// The active material fraction over its initial value.
    public let activeFraction: Int?
    /// Lithium lost with active material, over the electrode's full lithium capacity.
    public let lostLithium: Int?
    /// How many side unknowns a volume carries.
    public let count: Int
    /// Whether the loss of active material reads the applied current.
    public let readsCurrent: Bool

    init(_ states: SideStates) {
      var next = DFNLayout.Slot.electrodeCount
      func take(_ on: Bool) -> Int? {
        guard on else { return nil }
        defer { next += 1 }
        return next
      }
      sei = take(states.sei)
      plated = take(states.plating)
      dead = take(states.plating)
      platingCurrent = take(states.plating)
      activeFraction = take(states.activeMaterialLoss)
      lostLithium = take(states.activeMaterialLoss)
      count = next - DFNLayout.Slot.electrodeCount
      readsCurrent = states.currentDrivenLoss
    }

    /// The algebraic side unknowns.
    var algebraic: [Int] { [platingCurrent].compactMap { $0 } }
  }
}

/// The side states of both electrodes, the part of a DFN's structure its degradation sets.
public struct DFNSideStates: Sendable, Hashable {
  /// The negative electrode's.
  public var negative: SideStates
  /// The positive electrode's.
  public var positive: SideStates

  /// Side states of both electrodes (none by default).
  public init(negative: SideStates = SideStates(), positive: SideStates = SideStates()) {
    self.negative = negative
    self.positive = positive
  }

  /// The side states `cell`'s degradation needs.
  public init(_ cell: CellParameters) {
    self.init(
      negative: SideStates(cell.negative.degradation),
      positive: SideStates(cell.positive.degradation))
  }

  /// Whether neither electrode carries any.
  public var isEmpty: Bool { negative.isEmpty && positive.isEmpty }
}

extension LithiumPlating {
  /// The concentration plated and dead lithium are scaled by in the state, mol/m³ (a typical
  /// plated concentration, as PyBaMM scales them).
  public static let concentrationScale = 1000.0
}
