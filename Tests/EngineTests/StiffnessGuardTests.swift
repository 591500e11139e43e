import Electrochem
import Testing

@testable import Engine

/// The stiffness guard: positive at rest, negative once a particle surface comes within 1e-2
/// of full or empty, or the electrolyte falls below 2 % of its initial concentration.
@Suite struct StiffnessGuardTests {
  @Test func firesNearSaturationAndDepletionOnly() {
    let model = DFNModel(cell: ReferenceCells.seed(np: 1.2), mesh: .coarse)
    let layout = model.layout
    let rest = model.restingState()
    #expect(
      RootCondition.stiffnessGuard.value(
        model: model, current: layout.current, charge: layout.charge, y: rest.span)
        > 0)
    #expect(!RootCondition.stiffnessGuard.endsStep)
    // One negative volume's outer shells nearly full: the surface extrapolates to 0.995.
    var full = rest
    let k = layout.negativeVolumes.upperBound - 1
    full[layout.stoichiometry(k, shell: layout.mesh.particle - 1)] = 0.995
    full[layout.stoichiometry(k, shell: layout.mesh.particle - 2)] = 0.995
    #expect(
      RootCondition.stiffnessGuard.value(
        model: model, current: layout.current, charge: layout.charge, y: full.span)
        < 0)
    var depleted = rest
    depleted[layout.electrolyteConcentration(layout.volumeCount - 1)] = 0.015
    #expect(
      RootCondition.stiffnessGuard.value(
        model: model, current: layout.current, charge: layout.charge, y: depleted.span) < 0)
    var nearlyDepleted = rest
    nearlyDepleted[layout.electrolyteConcentration(layout.volumeCount - 1)] = 0.03
    #expect(
      RootCondition.stiffnessGuard.value(
        model: model, current: layout.current, charge: layout.charge, y: nearlyDepleted.span) > 0)
  }
}
