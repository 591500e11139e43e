import DAESolver
import Electrochem
import Testing

/// The DFN Jacobian's structure keeps finite differences cheap.
@Suite struct JacobianStructureTests {
  @Test(arguments: [DFNMesh.coarse, DFNMesh.fine])
  func colouringNeedsFewResidualsWhateverTheMesh(_ mesh: DFNMesh) {
    let layout = DFNLayout(mesh: mesh)
    let pattern = SparsityPattern(size: layout.size, entries: layout.jacobianEntries)
    let jacobian = ColoredJacobian(
      pattern: pattern, typicalMagnitude: Array(repeating: 1, count: layout.size))
    // Columns in one group share no row: the difference quotients do not mix.
    for group in jacobian.groups {
      var rows = Set<Int>()
      for column in group {
        for entry in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
          #expect(rows.insert(pattern.rowIndices[entry]).inserted)
        }
      }
    }
    #expect(jacobian.groups.count <= 16)
  }
}
