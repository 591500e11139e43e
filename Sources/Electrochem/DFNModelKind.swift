import StudyModel

/// The Doyle–Fuller–Newman model with a liquid binary electrolyte: the engine's default kind.
public struct DFNModelKind: CellModelKind {
  /// The kind.
  public init() {}

  /// The side states the cell's degradation submodels need.
  public func variant(of cell: CellParameters) -> AnyHashable { DFNSideStates(cell) }

  /// The structure of `DFNLayout(mesh:sides:)` for `cell`'s side states.
  public func structure(mesh: DFNMesh, cell: CellParameters) -> ModelStructure {
    DFNLayout(mesh: mesh, sides: DFNSideStates(cell)).structure
  }

  /// A `DFNModel` of `cell` on `mesh`.
  public func model(cell: CellParameters, mesh: DFNMesh) -> any CellModel {
    DFNModel(cell: cell, mesh: mesh)
  }
}
