import StudyModel

/// The Doyle–Fuller–Newman model with a liquid binary electrolyte: the engine's default kind.
public struct DFNModelKind: CellModelKind {
  /// The kind.
  public init() {}

  /// The structure of `DFNLayout(mesh:)`.
  public func structure(mesh: DFNMesh) -> ModelStructure { DFNLayout(mesh: mesh).structure }

  /// A `DFNModel` of `cell` on `mesh`.
  public func model(cell: CellParameters, mesh: DFNMesh) -> any CellModel {
    DFNModel(cell: cell, mesh: mesh)
  }
}
