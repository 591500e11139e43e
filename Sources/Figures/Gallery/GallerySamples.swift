import Foundation

/// Built-in sample data with the shapes of the seed paper's results, for the gallery.
///
/// The numbers are smooth model curves made up for display, not simulation results.
enum GallerySamples {
  static let npValues = stride(from: 0.3, through: 2.25, by: 0.075).map { $0 }
  static let currents = [0.75, 2.8, 5.48]

  /// Capacity, capacity per gram of anode, SOC and utilizations against N/P.
  static func sweepTable() -> DataTable {
    var np: [Double] = []
    var current: [Double] = []
    var capacity: [Double] = []
    var perGram: [Double] = []
    var soc: [Double] = []
    var anode: [Double] = []
    var cathode: [Double] = []
    for rate in currents {
      let loss = 0.06 * rate
      for value in npValues {
        let limited = min(value, 1)
        let cap = 2.9 * (limited - 0.18 * exp(-abs(value - 1) * 4) * 0.5) * (1 - loss / (1 + value))
        np.append(value)
        current.append(rate)
        capacity.append(cap)
        perGram.append(cap / (value * 0.0072))
        soc.append(100 * (0.97 - 0.16 * exp(-abs(value - 1) * 3.2)) * (1 - loss / 3))
        anode.append(min(0.98, 0.95 / max(value, 0.3)) * (1 - loss / 4))
        cathode.append(0.82 * min(value, 1.05) * (1 - loss / 5) / 1.05)
      }
    }
    return DataTable([
      DataColumn("ratio", label: "N/P ratio", values: np),
      DataColumn("current", label: "Current density", unit: "mA/cm2", values: current),
      DataColumn("capacity", label: "Capacity", unit: "mAh/cm2", values: capacity),
      DataColumn("capacity_per_gram_negative", label: "Capacity", unit: "mAh/g", values: perGram),
      DataColumn("state_of_charge", label: "SOC at cut-off", unit: "%", values: soc),
      DataColumn("negative_utilization", label: "Anode utilization", values: anode),
      DataColumn("positive_utilization", label: "Cathode utilization", values: cathode),
    ])
  }

  /// Measured capacities at 0.75 mA cm⁻² with uncertainties, from the same made-up curve.
  static func measuredCapacity(_ table: DataTable) -> MeasuredData {
    let rows = table.filter("current", equals: 0.75)
    let picks = [2, 6, 9, 13, 18, 24]
    let x = picks.map { rows.values("ratio")[$0] }
    let y = picks.enumerated().map { index, pick in
      rows.values("capacity")[pick] * (1 + 0.04 * sin(Double(index) * 2.3))
    }
    return MeasuredData("measured", x: x, y: y, yErrors: y.map { 0.05 * $0 })
  }

  /// One discharge per N/P: state of charge, voltage, equilibrium voltage and overpotentials.
  static func dischargeCases() -> [LabelledTable] {
    [0.8, 1.0, 1.35].map { np in
      let soc = stride(from: 0.0, through: 100, by: 1).map { $0 }
      let slope = np < 1 ? 0.55 : 0.7
      let ocv = soc.map { 3.35 + slope * pow($0 / 100, 0.8) + 0.18 * tanh(($0 - 8) / 6) }
      let reaction = soc.map { 28 + 14 * exp(-$0 / 12) + 6 * np }
      let ohmic = soc.map { 55 / np + 0.2 * $0 }
      let concentration = soc.map { 3 + 0.02 * $0 }
      let net = zip(zip(reaction, ohmic), concentration).map { $0.0 + $0.1 + $1 }
      let voltage = zip(ocv, net).map { $0 - $1 / 1000 }
      let label = "N/P \(Ticks.format(np, decimals: 2))"
      return LabelledTable(
        label,
        DataTable([
          DataColumn("soc", label: "SOC", unit: "%", values: soc),
          DataColumn(
            "capacity", label: "Capacity", unit: "mAh/cm2",
            values: soc.map { $0 * 0.029 * min(np, 1) }),
          DataColumn("voltage", label: "Voltage", unit: "V", values: voltage),
          DataColumn("ocv", label: "Equilibrium voltage", unit: "V", values: ocv),
          DataColumn("eta_net", label: "Net \\eta", unit: "mV", values: net),
          DataColumn(
            "eta_reaction_neg", label: "\\eta_{rxn}, anode", unit: "mV",
            values: reaction.map { $0 * 0.45 }),
          DataColumn(
            "eta_reaction_pos", label: "\\eta_{rxn}, cathode", unit: "mV",
            values: reaction.map { $0 * 0.55 }),
          DataColumn(
            "ohmic_electrolyte", label: "\\eta_{ohm}, electrolyte", unit: "mV",
            values: ohmic.map { $0 * 0.8 }),
          DataColumn(
            "ohmic_solid", label: "\\eta_{ohm}, solid", unit: "mV", values: ohmic.map { $0 * 0.2 }),
          DataColumn("eta_concentration", label: "\\eta_{conc}", unit: "mV", values: concentration),
          DataColumn(
            "negative_potential", label: "Anode vs Li/Li^+", unit: "V",
            values: soc.map { 0.02 + 0.5 * pow(1 - $0 / 100, 2) - (np < 1 ? 0.04 * $0 / 100 : 0) }),
          DataColumn(
            "positive_potential", label: "Cathode vs Li/Li^+", unit: "V",
            values: soc.map { 3.55 + 0.65 * $0 / 100 }),
        ]))
    }
  }

  /// Electrolyte concentration across the cell at three times.
  static func profileCases() -> (cases: [LabelledTable], separator: ClosedRange<Double>) {
    let x = stride(from: 0.0, through: 190, by: 2).map { $0 }
    let cases = [60.0, 600, 1800].map { time in
      let depth = 1 - exp(-time / 700)
      let c = x.map { 1000 + 160 * depth * tanh(($0 - 95) / 60) * -1 }
      return LabelledTable(
        "\(Int(time)) s",
        DataTable([
          DataColumn("x", label: "Position", unit: "um", values: x),
          DataColumn("electrolyte_concentration", label: "c_{e}", unit: "mol/m3", values: c),
        ]))
    }
    return (cases, 87...99)
  }

  /// Retention and coulombic efficiency over 100 cycles for three N/P.
  static func cycleCases() -> [LabelledTable] {
    [0.8, 1.0, 1.35].map { np in
      let cycles = stride(from: 1.0, through: 100, by: 3).map { $0 }
      let fade = 0.004 / np
      return LabelledTable(
        "N/P \(Ticks.format(np, decimals: 2))",
        DataTable([
          DataColumn("cycle", label: "Cycle number", values: cycles),
          DataColumn(
            "retention", label: "Capacity retention", unit: "%",
            values: cycles.map { 100 * exp(-fade * ($0 - 1)) }),
          DataColumn(
            "coulombic_efficiency", label: "Coulombic efficiency", unit: "%",
            values: cycles.map { 99.8 - 9 * exp(-$0 / (6 * np)) }),
        ]))
    }
  }
}
