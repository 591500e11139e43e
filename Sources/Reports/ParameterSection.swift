import Electrochem
import Foundation
import StudyModel

/// `{{parameters}}`: every parameter of every cell of a study, with its value, unit and
/// source, as Markdown tables (sources numbered under each table).
public enum ParameterSection {
  /// The section's Markdown.
  public static func markdown(study: Study) -> String {
    guard !study.cells.isEmpty else { return "This study declares no cells.\n" }
    var blocks: [String] = []
    for name in study.cells.keys.sorted() {
      guard let cell = study.cells[name] else { continue }
      let fits = study.fits.filter { $0.cell == name }
      blocks.append(
        table(name: name, cell: cell, swept: sweptPaths(study, cell: name), fits: fits))
    }
    return blocks.joined(separator: "\n")
  }

  private struct Row {
    let part: String
    let name: String
    let value: String
    let unit: String
    let source: Int
  }

  private static func table(
    name: String, cell: CellDefinition, swept: Set<String>, fits: [FitSpec]
  ) -> String {
    var sources = [cell.source]
    func sourceIndex(_ part: String) -> Int {
      guard let text = cell.partSources[part] else { return 1 }
      if let index = sources.firstIndex(of: text) { return index + 1 }
      sources.append(text)
      return sources.count
    }
    let parameters = cell.parameters
    var rows: [Row] = []
    for (part, electrode) in [("negative", parameters.negative), ("positive", parameters.positive)]
    {
      let material = sourceIndex("\(part).material")
      rows += electrodeRows(part, electrode, design: 1, material: material, swept: swept)
      for row in DegradationRows.rows(part, electrode.degradation) {
        // A fitted value's source is its fit; the rest come from the cell's sources.
        var source = 1
        if let path = row.path,
          let fit = fits.first(where: { $0.parameters.contains { $0.path.name == path } })
        {
          let text = "fitted by this study's fit \(fit.id) (its table shows the fit)"
          if let index = sources.firstIndex(of: text) {
            source = index + 1
          } else {
            sources.append(text)
            source = sources.count
          }
        }
        rows.append(
          Row(part: part, name: row.name, value: row.value, unit: row.unit, source: source))
      }
    }
    let separator = parameters.separator
    rows += [
      Row(
        part: "separator", name: "thickness", value: number(separator.thicknessM * 1e6),
        unit: "µm", source: 1),
      Row(
        part: "separator", name: "porosity", value: number(separator.porosity), unit: "", source: 1),
      Row(
        part: "separator", name: "Bruggeman exponent", value: number(separator.bruggeman), unit: "",
        source: 1),
    ]
    let electrolyte = parameters.electrolyte
    let salt = sourceIndex("electrolyte")
    rows += [
      Row(
        part: "electrolyte", name: "initial concentration",
        value: number(electrolyte.initialConcentrationMolM3), unit: "mol/m³", source: salt),
      Row(
        part: "electrolyte", name: "diffusivity", value: function(electrolyte.diffusivity),
        unit: "m²/s", source: salt),
      Row(
        part: "electrolyte", name: "conductivity", value: function(electrolyte.conductivity),
        unit: "S/m", source: salt),
      Row(
        part: "electrolyte", name: "transference number",
        value: number(electrolyte.transferenceNumber), unit: "", source: salt),
      Row(
        part: "electrolyte", name: "thermodynamic factor",
        value: function(electrolyte.thermodynamicFactor), unit: "", source: salt),
      Row(
        part: "cell", name: "temperature", value: number(parameters.temperatureK - 273.15),
        unit: "°C", source: 1),
      Row(
        part: "cell", name: "contact resistance", value: number(parameters.contactResistanceOhmM2),
        unit: "Ω m²", source: 1),
    ]
    var lines = [
      "**Cell `\(name)`**\(cell.description.isEmpty ? "" : ": \(escape(cell.description))")", "",
      "| Part | Parameter | Value | Unit | Source |", "|---|---|--:|---|---|",
    ]
    for row in rows {
      lines.append(
        "| \(row.part) | \(row.name) | \(row.value) | \(row.unit) | [\(row.source)] |")
    }
    lines.append("")
    for (index, text) in sources.enumerated() {
      lines.append("\(index + 1). \(escape(text))")
    }
    if !swept.isEmpty {
      lines += [
        "",
        "Swept in this study (the table shows the base value): "
          + swept.sorted().map { "`\($0)`" }.joined(separator: ", ") + ".",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func electrodeRows(
    _ part: String, _ electrode: ElectrodeParameters, design: Int, material: Int,
    swept: Set<String>
  ) -> [Row] {
    let theoretical = CellDesign.arealCapacity(electrode, basis: .theoretical)
    let practical = CellDesign.arealCapacity(electrode, basis: .practical)
    func row(_ name: String, _ value: String, _ unit: String, _ source: Int) -> Row {
      Row(part: part, name: name, value: value, unit: unit, source: source)
    }
    return [
      row("thickness", number(electrode.thicknessM * 1e6), "µm", design),
      row("porosity", number(electrode.porosity), "", design),
      row("active volume fraction", number(electrode.activeFraction), "", design),
      row("particle radius", number(electrode.particleRadiusM * 1e6), "µm", design),
      row("solid conductivity", number(electrode.conductivitySM), "S/m", design),
      row("Bruggeman exponent (electrolyte)", number(electrode.bruggemanElectrolyte), "", design),
      row("film resistance", number(electrode.filmResistanceOhmM2), "Ω m²", design),
      row("initial stoichiometry", number(electrode.initialStoichiometry), "", design),
      row("maximum concentration", number(electrode.maxConcentrationMolM3), "mol/m³", material),
      row("diffusivity", function(electrode.diffusivity), "m²/s", material),
      row("rate constant", number(electrode.rateConstant), "A/m² (m³/mol)^1.5", material),
      row("transfer coefficient", number(electrode.anodicTransferCoefficient), "", material),
      row("open-circuit potential", function(electrode.openCircuitPotential), "V", material),
      row("density", number(electrode.activeDensityKgM3), "kg/m³", material),
      row(
        "practical stoichiometry window",
        "\(number(electrode.practicalWindow.lowerBound))–\(number(electrode.practicalWindow.upperBound))",
        "", material),
      row("areal capacity, theoretical (derived)", number(theoretical), "mAh/cm²", design),
      row("areal capacity, practical (derived)", number(practical), "mAh/cm²", design),
    ]
  }

  /// Parameter paths of `cell` that a sweep varies (N/P varies the negative thickness or
  /// loading).
  private static func sweptPaths(_ study: Study, cell: String) -> Set<String> {
    var paths: Set<String> = []
    for simulation in study.simulations where simulation.cell == cell {
      for axis in simulation.sweeps {
        switch axis {
        case .npRatio(_, _, let method):
          paths.insert(method == .thickness ? "negative.thickness" : "negative.active_fraction")
        case .parameter(let path, _): paths.insert(path.name)
        case .currentDensity: continue
        }
      }
    }
    return paths
  }

  /// Four significant digits, or scientific notation for very small or large values.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let magnitude = abs(value)
    if magnitude != 0, magnitude < 1e-3 || magnitude >= 1e5 {
      let text = String(format: "%.3e", value)
      let parts = text.split(separator: "e")
      guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
      let mantissa = trimmed(String(parts[0]))
      return "\(mantissa) × 10\(superscript(exponent))"
    }
    // Whole numbers below 10⁵ keep every digit (a c_max of 34684, not 3.468e+04).
    if magnitude >= 1000 { return String(format: "%.0f", value) }
    return trimmed(String(format: "%.4g", value))
  }

  private static func superscript(_ exponent: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let magnitude = String(abs(exponent)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
    return (exponent < 0 ? "⁻" : "") + String(magnitude)
  }

  private static func trimmed(_ text: String) -> String {
    guard text.contains("."), !text.contains("e") else { return text }
    var result = text
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return result
  }

  private static func function(_ function: MaterialFunction) -> String {
    switch function {
    case .constant(let value): return number(value)
    case .expression(let program):
      let text = CanonicalText.expression(program.expression)
      // Long formulas (electrolyte fits) would push the table off a phone's screen.
      return text.count <= 48
        ? "`\(text)`" : "a formula of \(text.count) characters (in its source)"
    case .table(let table, let variable):
      return "table of \(table.xs.count) points in \(variable.rawValue)"
    }
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
