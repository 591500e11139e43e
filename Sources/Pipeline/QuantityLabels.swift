import Figures

/// How figures and tables name result quantities, sweep axes and time-series columns, and the
/// factor from the stored value to the display unit.
enum QuantityLabels {
  /// An axis label, its unit (study-file notation) and the factor from stored to displayed.
  struct Label {
    let text: String
    let unit: String
    let scale: Double
  }

  /// A sweep axis ("np", "current" in A/m², or a parameter path in SI).
  static func axis(_ name: String) -> Label {
    switch name {
    case "np": return Label(text: "N/P ratio", unit: "", scale: 1)
    case "current": return Label(text: "Current density", unit: "mA/cm2", scale: 0.1)
    default: return Label(text: name, unit: "", scale: 1)
    }
  }

  /// A result quantity `<step>.<metric>` (stored in SI).
  static func quantity(_ name: String) -> Label {
    let metric = name.split(separator: ".").last.map(String.init) ?? name
    switch metric {
    case "capacity": return Label(text: "Capacity", unit: "mAh/cm2", scale: 1 / 36000)
    case "capacity_per_gram_negative":
      return Label(text: "Anode capacity", unit: "mAh/g", scale: 1 / 3600)
    case "capacity_per_gram_positive":
      return Label(text: "Cathode capacity", unit: "mAh/g", scale: 1 / 3600)
    case "energy": return Label(text: "Energy", unit: "mWh/cm2", scale: 1 / 36000)
    case "average_voltage": return Label(text: "Average voltage", unit: "V", scale: 1)
    case "negative_utilization": return Label(text: "Anode utilization", unit: "", scale: 1)
    case "positive_utilization": return Label(text: "Cathode utilization", unit: "", scale: 1)
    case "state_of_charge": return Label(text: "SOC at cut-off", unit: "%", scale: 100)
    case "plating_onset": return Label(text: "Plating onset", unit: "h", scale: 1 / 3600)
    case "minimum_negative_potential":
      return Label(text: "Lowest anode potential vs Li/Li^+", unit: "V", scale: 1)
    case "duration": return Label(text: "Step duration", unit: "h", scale: 1 / 3600)
    case "mean_net_overpotential":
      return Label(text: "Mean net overpotential", unit: "mV", scale: 1000)
    case "mean_reaction_overpotential":
      return Label(text: "Mean reaction overpotential", unit: "mV", scale: 1000)
    case "mean_ohmic_drop": return Label(text: "Mean ohmic drop", unit: "mV", scale: 1000)
    case "electrolyte_spread":
      return Label(text: "Electrolyte concentration spread", unit: "%", scale: 100)
    default: return Label(text: metric, unit: "", scale: 1)
    }
  }

  /// A curve or profile column as `RunCurves` stores it (already in display units).
  static func column(_ name: String) -> Label {
    let labels: [String: (String, String)] = [
      "time": ("Time", "h"), "capacity": ("Capacity", "mAh/cm2"), "soc": ("Global SOC", "%"),
      "voltage": ("Voltage", "V"), "ocv": ("Equilibrium voltage", "V"),
      "net_overpotential": ("Net overpotential", "mV"),
      "reaction_overpotential": ("Reaction overpotential", "mV"),
      "concentration_overpotential": ("Concentration overpotential", "mV"),
      "ohmic_drop": ("Ohmic drop", "mV"),
      "negative_potential": ("Anode vs Li/Li^+", "V"),
      "positive_potential": ("Cathode vs Li/Li^+", "V"),
      "negative_stoichiometry": ("Anode stoichiometry", ""),
      "positive_stoichiometry": ("Cathode stoichiometry", ""),
      "negative_utilization": ("Anode utilization", ""),
      "positive_utilization": ("Cathode utilization", ""),
      "x": ("Position", "um"), "electrolyte_concentration": ("c_{e}", "mol/m3"),
      "electrolyte_potential": ("\\phi_{e}", "V"), "solid_potential": ("\\phi_{s}", "V"),
      "surface_stoichiometry": ("Surface stoichiometry", ""),
      "reaction_rate": ("Interfacial current density", "A/m2"),
    ]
    let (text, unit) = labels[name] ?? (name, "")
    return Label(text: text, unit: unit, scale: 1)
  }

  /// The legend text of a series value on `axis` ("N/P 0.8", "0.75").
  static func seriesEntry(_ axis: String, value: Double) -> String {
    let label = self.axis(axis)
    let shown = Ticks.shortest((value * label.scale * 1e9).rounded() / 1e9)
    return axis == "np" ? "N/P \(shown)" : shown
  }

  /// The legend title of a series axis ("Current density (mA cm^{-2})"), nil for N/P.
  static func seriesTitle(_ axis: String) -> String? {
    guard axis != "np" else { return nil }
    let label = self.axis(axis)
    let unit = UnitText.markup(label.unit)
    return unit.isEmpty ? label.text : "\(label.text) (\(unit))"
  }
}
