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

  /// The degradation submodels, one `path=value` line each (none when all are off).
  public static func degradation(_ degradation: Degradation) -> [String] {
    var lines: [String] = []
    if let sei = degradation.sei {
      let limit: String
      switch sei.limit {
      case .reaction(let j0, let alpha): limit = "reaction(\(number(j0)),\(number(alpha)))"
      case .solventDiffusion(let d, let c): limit = "solvent(\(number(d)),\(number(c)))"
      case .ecReaction(let k, let d, let c, let alpha):
        limit = "ec(\(number(k)),\(number(d)),\(number(c)),\(number(alpha)))"
      case .interstitialDiffusion(let d, let c): limit = "interstitial(\(number(d)),\(number(c)))"
      case .electronMigration(let kappa): limit = "migration(\(number(kappa)))"
      }
      lines += [
        "sei.limit=\(limit)", "sei.ocp=\(number(sei.openCircuitPotentialV))",
        "sei.partial_molar_volume=\(number(sei.partialMolarVolumeM3Mol))",
        "sei.lithium_per_sei=\(number(sei.lithiumPerSEI))",
        "sei.resistivity=\(number(sei.resistivityOhmM))",
        "sei.initial_thickness=\(number(sei.initialThicknessM))",
        "sei.activation_energy=\(number(sei.activationEnergyJMol))",
        "sei.reference_temperature=\(number(sei.referenceTemperatureK))",
      ]
    }
    if let plating = degradation.plating {
      let kind: String
      switch plating.reversibility {
      case .reversible: kind = "reversible"
      case .irreversible: kind = "irreversible"
      case .partiallyReversible(let gamma): kind = "partially(\(number(gamma)))"
      }
      lines += [
        "plating.model=\(kind)", "plating.rate_constant=\(number(plating.rateConstantMs))",
        "plating.transfer_coefficient=\(number(plating.transferCoefficient))",
        "plating.initial=\(number(plating.initialPlatedMolM3))",
      ]
    }
    if let loss = degradation.activeMaterialLoss {
      if let stress = loss.stress {
        lines.append(
          "lam.stress=\(number(stress.rateConstantPerS)),\(number(stress.exponent)),"
            + "\(number(stress.criticalStressPa)),\(number(stress.partialMolarVolumeM3Mol)),"
            + "\(number(stress.youngsModulusPa)),\(number(stress.poissonRatio)),"
            + "\(stress.stressInducedDiffusion),\(number(stress.referenceConcentrationMolM3))")
      }
      if let lithiation = loss.lithiation {
        lines.append(
          "lam.lithiation=\(number(lithiation.rate)),\(number(lithiation.exponent))")
      }
      lines += [
        "lam.per_sei=\(number(loss.perSEIM3Mol))",
        "lam.per_current=\(number(loss.perCurrentM2PerAS))",
      ]
    }
    return lines
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
      // Only a cell with degradation gets these lines, so the hashes of cells without stay.
      lines += degradation(electrode.degradation).map { "\(side).\($0)" }
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
