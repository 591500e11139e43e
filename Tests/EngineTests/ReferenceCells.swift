import Electrochem
import StudyLoader
import StudyModel
import TestSupport

/// The cells of the PyBaMM reference cases, loaded from the project's library files, so that
/// validating the engine also validates those files.
enum ReferenceCells {
  static func load(_ name: String) -> CellDefinition {
    let path = "\(ProjectPaths.library)/cells/\(name).yaml"
    switch CellFileLoader(libraryFolder: ProjectPaths.library).load(path: path) {
    case .success(let cell): return cell
    case .failure(let list): preconditionFailure("\(name) does not load: \(list.diagnostics)")
    }
  }

  /// The seed cell at theoretical N/P `np` (negative thickness scaled, positive fixed).
  static func seed(np: Double) -> CellParameters {
    CellDesign.withNegativeThickness(
      for: np, basis: .theoretical, cell: load("reference-seed-chen2020").parameters)
  }

  /// PyBaMM's Chen2020 LG M50 cell.
  static var chen2020: CellParameters { load("reference-lgm50-chen2020").parameters }
}
