/// Deterministic text forms of model values, the input of content hashes: the same values
/// always give the same text, and any change to a value that affects a simulation changes it.
public enum CanonicalText {
  /// A number in its shortest round-trip form.
  public static func number(_ value: Double) -> String { "\(value)" }

  /// A material function: constant, expression or table (every point).
  public static func function(_ function: MaterialFunction) -> String {
    switch function {
    case .constant(let value): return "constant(\(number(value)))"
    case .expression(let program): return "expression(\(expression(program.expression)))"
    case .table(let table, let variable):
      let points = zip(table.xs, table.ys).map { "\(number($0)):\(number($1))" }.joined(
        separator: ",")
      return "table(\(variable.rawValue),\(table.extrapolation.rawValue),[\(points)])"
    }
  }

  /// An expression, fully parenthesised.
  public static func expression(_ expression: Expression) -> String {
    switch expression {
    case .number(let value): return number(value)
    case .variable(let variable): return variable.rawValue
    case .negate(let operand): return "(-\(self.expression(operand)))"
    case .binary(let op, let lhs, let rhs):
      return "(\(self.expression(lhs))\(op.rawValue)\(self.expression(rhs)))"
    case .call(let function, let argument):
      return "\(function.rawValue)(\(self.expression(argument)))"
    case .power(let base, let exponent):
      return "(\(self.expression(base))^\(self.expression(exponent)))"
    }
  }

  /// Every parameter of a cell, one `path=value` line each, in a fixed order.
  public static func cell(_ cell: CellParameters) -> String {
    var lines: [String] = []
    for (side, electrode) in [("negative", cell.negative), ("positive", cell.positive)] {
      lines += [
        "\(side).thickness=\(number(electrode.thicknessM))",
        "\(side).porosity=\(number(electrode.porosity))",
        "\(side).active_fraction=\(number(electrode.activeFraction))",
        "\(side).particle_radius=\(number(electrode.particleRadiusM))",
        "\(side).conductivity=\(number(electrode.conductivitySM))",
        "\(side).bruggeman=\(number(electrode.bruggemanElectrolyte))",
        "\(side).bruggeman_solid=\(number(electrode.bruggemanSolid))",
        "\(side).film_resistance=\(number(electrode.filmResistanceOhmM2))",
        "\(side).max_concentration=\(number(electrode.maxConcentrationMolM3))",
        "\(side).diffusivity=\(function(electrode.diffusivity))",
        "\(side).rate_constant=\(number(electrode.rateConstant))",
        "\(side).transfer_coefficient=\(number(electrode.anodicTransferCoefficient))",
        "\(side).ocp=\(function(electrode.openCircuitPotential))",
        "\(side).initial_stoichiometry=\(number(electrode.initialStoichiometry))",
        "\(side).density=\(number(electrode.activeDensityKgM3))",
        "\(side).practical_window=\(number(electrode.practicalWindow.lowerBound)),\(number(electrode.practicalWindow.upperBound))",
      ]
    }
    let electrolyte = cell.electrolyte
    lines += [
      "separator.thickness=\(number(cell.separator.thicknessM))",
      "separator.porosity=\(number(cell.separator.porosity))",
      "separator.bruggeman=\(number(cell.separator.bruggeman))",
      "electrolyte.initial_concentration=\(number(electrolyte.initialConcentrationMolM3))",
      "electrolyte.diffusivity=\(function(electrolyte.diffusivity))",
      "electrolyte.conductivity=\(function(electrolyte.conductivity))",
      "electrolyte.transference_number=\(number(electrolyte.transferenceNumber))",
      "electrolyte.thermodynamic_factor=\(function(electrolyte.thermodynamicFactor))",
      "temperature=\(number(cell.temperatureK))",
      "contact_resistance=\(number(cell.contactResistanceOhmM2))",
      "area=\(number(cell.areaM2))",
    ]
    return lines.joined(separator: "\n")
  }
}
