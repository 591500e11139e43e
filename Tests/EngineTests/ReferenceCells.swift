import Electrochem

/// The cells of the PyBaMM reference cases (Fixtures/pybamm/README.md), built directly.
enum ReferenceCells {
  static let graphiteOCP =
    "1.9793 * exp(-39.3631 * x) + 0.2482 - 0.0909 * tanh(29.8538 * (x - 0.1234)) - 0.04478 * tanh(14.9159 * (x - 0.2769)) - 0.0205 * tanh(30.4444 * (x - 0.6103))"
  static let nmcOCP =
    "-0.8090 * x + 4.4875 - 0.0428 * tanh(18.5138 * (x - 0.5542)) - 17.7326 * tanh(15.7890 * (x - 0.3117)) + 17.5842 * tanh(15.9308 * (x - 0.3120))"
  static let nymanDiffusivity = "8.794e-11 * (c / 1000)^2 - 3.972e-10 * (c / 1000) + 4.862e-10"
  static let nymanConductivity =
    "0.1297 * (c / 1000)^3 - 2.51 * (c / 1000)^1.5 + 3.329 * (c / 1000)"

  static func expression(_ text: String, _ variable: ExpressionVariable) -> MaterialFunction {
    do {
      return .expression(try ExpressionParser.parse(text, allowed: [variable]))
    } catch {
      preconditionFailure("reference expression does not parse: \(error)")
    }
  }

  static var nyman: ElectrolyteParameters {
    ElectrolyteParameters(
      initialConcentrationMolM3: 1000, diffusivity: expression(nymanDiffusivity, .c),
      conductivity: expression(nymanConductivity, .c), transferenceNumber: 0.2594)
  }

  /// The seed cell at theoretical N/P `np` (negative thickness scaled, positive fixed).
  static func seed(np: Double) -> CellParameters {
    let avogadro = PhysicalConstants.avogadro
    var negative = ElectrodeParameters(
      thicknessM: 86.7e-6, porosity: 0.216, activeFraction: 0.694, particleRadiusM: 6.1e-6,
      conductivitySM: 100, bruggemanElectrolyte: 1.5, maxConcentrationMolM3: 2.09e28 / avogadro,
      diffusivity: .constant(5e-14), rateConstant: 6.48e-7,
      openCircuitPotential: expression(graphiteOCP, .x), initialStoichiometry: 0.02)
    let positive = ElectrodeParameters(
      thicknessM: 66.2e-6, porosity: 0.171, activeFraction: 0.745, particleRadiusM: 3.8e-6,
      conductivitySM: 0.17, bruggemanElectrolyte: 1.85, maxConcentrationMolM3: 3.01e28 / avogadro,
      diffusivity: .constant(5e-13), rateConstant: 3.42e-6,
      openCircuitPotential: expression(nmcOCP, .x), initialStoichiometry: 0.95)
    let qn = 0.694 * 86.7e-6 * negative.maxConcentrationMolM3
    let qp = 0.745 * 66.2e-6 * positive.maxConcentrationMolM3
    negative.thicknessM = 86.7e-6 * np * qp / qn
    return CellParameters(
      negative: negative,
      separator: SeparatorParameters(thicknessM: 12e-6, porosity: 0.45, bruggeman: 1.5),
      positive: positive, electrolyte: nyman)
  }

  /// PyBaMM's Chen2020 LG M50 cell.
  static var chen2020: CellParameters {
    let negative = ElectrodeParameters(
      thicknessM: 85.2e-6, porosity: 0.25, activeFraction: 0.75, particleRadiusM: 5.86e-6,
      conductivitySM: 215, bruggemanElectrolyte: 1.5, maxConcentrationMolM3: 33133,
      diffusivity: .constant(3.3e-14), rateConstant: 6.48e-7,
      openCircuitPotential: expression(graphiteOCP, .x), initialStoichiometry: 29866.0 / 33133)
    let positive = ElectrodeParameters(
      thicknessM: 75.6e-6, porosity: 0.335, activeFraction: 0.665, particleRadiusM: 5.22e-6,
      conductivitySM: 0.18, bruggemanElectrolyte: 1.5, maxConcentrationMolM3: 63104,
      diffusivity: .constant(4e-15), rateConstant: 3.42e-6,
      openCircuitPotential: expression(nmcOCP, .x), initialStoichiometry: 17038.0 / 63104)
    return CellParameters(
      negative: negative,
      separator: SeparatorParameters(thicknessM: 12e-6, porosity: 0.47, bruggeman: 1.5),
      positive: positive, electrolyte: nyman, areaM2: 0.065 * 1.58)
  }
}
