import Foundation

/// Every figure kind drawn from built-in sample data at both widths, with an HTML index:
/// the whole visual vocabulary in one folder.
public enum Gallery {
  /// One gallery entry.
  public struct Entry: Sendable {
    /// The file-name stem.
    public let name: String
    /// What it shows.
    public let title: String
    /// The figure at its natural width.
    public let figure: Figure
  }

  /// The entries, one or more per kind.
  public static func entries() -> [Entry] {
    let sweep = GallerySamples.sweepTable()
    var builder = VersusNPBuilder()
    builder.groupLabel = { Ticks.shortest($0) }
    let twoCurrents = DataTable(
      sweep.columns.map { column in
        let keep = sweep.values("current").indices.filter { sweep.values("current")[$0] < 5 }
        return DataColumn(
          column.name, label: column.label, unit: column.unit,
          values: keep.map { column.values[$0] })
      })
    let quantities = ["capacity", "capacity_per_gram_negative", "state_of_charge"]
    let figure2 = Figure(
      panels: quantities.map { builder.panel(twoCurrents, quantity: $0) }, columns: 3,
      width: .doubleColumn, sharedX: true)
    let utilization = Figure(
      panels: ["negative_utilization", "positive_utilization"].map {
        builder.panel(sweep, quantity: $0)
      },
      columns: 2, width: .doubleColumn)
    let measured = GallerySamples.measuredCapacity(sweep)
    let overlay = builder.panel(twoCurrents, quantity: "capacity", measured: [measured])
    let discharge = GallerySamples.dischargeCases()
    let curves = Figure(
      panels: [
        CaseCurvesBuilder(x: "capacity", y: "voltage").panel(discharge, legendTitle: nil),
        CaseCurvesBuilder(x: "soc", y: "eta_net").panel(discharge),
      ], columns: 2)
    let profile = GallerySamples.profileCases()
    var cycles = CycleBuilder().panel(GallerySamples.cycleCases())
    // A shaded band (spread of repeat cells) and a step line show the remaining series styles.
    if let first = cycles.series.first {
      cycles.series.insert(
        Series(
          nil, x: first.x, y: first.y, style: .line,
          band: (first.y.map { $0 - 1.5 }, first.y.map { $0 + 1.5 }), paletteIndex: 0), at: 0)
    }
    var voltage = curves.panels[0]
    voltage.annotations = [
      .arrow("N/P 0.8 stops first", fromX: 1.4, fromY: 4.08, toX: 2.25, toY: 3.96)
    ]
    let stepPanel = Panel(
      x: Axis("Cycle number"), y: Axis("Current density", unit: "mA/cm2"),
      series: [
        Series(
          "protocol", x: [0, 10, 20, 30, 40, 50], y: [0.75, 2.8, 5.48, 2.8, 0.75, 0.75],
          style: .step)
      ], legend: .none)
    return [
      Entry(
        name: "versus-np",
        title: "Capacity, capacity per gram of anode and SOC at cut-off against N/P, shared x",
        figure: figure2),
      Entry(
        name: "versus-np-utilization",
        title: "Utilization of each electrode against N/P at three current densities",
        figure: utilization),
      Entry(
        name: "versus-np-measured",
        title: "Simulation (lines) with measured points and their uncertainty",
        figure: Figure(panels: [overlay], width: .singleColumn)),
      Entry(
        name: "versus-np-residuals", title: "The same with residuals (measured minus simulated)",
        figure: ResidualBuilder().figure(overlay)),
      Entry(
        name: "versus-cycle",
        title:
          "Capacity retention (left, solid) and coulombic efficiency (right, dashed) against cycle",
        figure: Figure(
          panels: [cycles], width: .singleColumn)),
      Entry(
        name: "voltage-curves",
        title: "Voltage against capacity and net overpotential against SOC, one curve per N/P",
        figure: Figure(panels: [voltage, curves.panels[1]], columns: 2)),
      Entry(
        name: "step-protocol", title: "A step line: the current density of a rate test",
        figure: Figure(panels: [stepPanel], width: .singleColumn)),
      Entry(
        name: "overpotential-breakdown", title: "Overpotential breakdown against SOC for N/P 1.0",
        figure: Figure(
          panels: [OverpotentialBuilder().panel(discharge[1].table)], width: .singleColumn)),
      Entry(
        name: "equilibrium-potential", title: "Equilibrium voltage against SOC, one curve per N/P",
        figure: Figure(
          panels: [CaseCurvesBuilder(x: "soc", y: "ocv").panel(discharge)], width: .singleColumn)),
      Entry(
        name: "electrode-potentials",
        title: "Three-electrode view: each electrode against Li, plating region shaded",
        figure: ElectrodePotentialsBuilder().figure(discharge)),
      Entry(
        name: "profiles",
        title: "Electrolyte concentration across the cell at three times, separator shaded",
        figure: Figure(
          panels: [ProfileBuilder().panel(profile.cases, separator: profile.separator)],
          width: .singleColumn)),
    ]
  }

  /// Writes every entry at single and double width (files `<name>-single.*`, `<name>-double.*`)
  /// and `index.html` into `folder`; returns the file names.
  @discardableResult
  public static func write(to folder: URL) throws -> [String] {
    var written: [String] = []
    var rows: [String] = []
    for entry in entries() {
      var cells: [String] = []
      for width in FigureWidth.allCases {
        let stem = "\(entry.name)-\(width.rawValue)"
        written += try FigureFiles().write(entry.figure.at(width), name: stem, to: folder)
        cells.append(
          "<figure><img src=\"\(stem).svg\" alt=\"\(entry.title) (\(width.rawValue) column)\">"
            + "<figcaption>\(width.rawValue) column · <a href=\"\(stem).png\">PNG</a> · "
            + "<a href=\"\(stem).pdf\">PDF</a> · <a href=\"\(stem).csv\">CSV</a></figcaption></figure>"
        )
      }
      rows.append("<section><h2>\(entry.name)</h2><p>\(entry.title)</p>\(cells.joined())</section>")
    }
    let html = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Cellbook figure gallery</title>
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}
      section{border-top:1px solid #ddd;padding:1rem 0}figure{display:inline-block;margin:0 1rem 1rem 0;vertical-align:top}
      img{max-width:100%;border:1px solid #eee}figcaption{font-size:.85rem;color:#555}</style></head>
      <body><h1>Figure gallery</h1><p>Every figure kind, drawn from built-in sample data (made-up curves with
      the shapes of the seed paper's results), at single (3.5 in) and double (7 in) column width.</p>
      \(rows.joined(separator: "\n"))
      </body></html>

      """
    try Data(html.utf8).write(to: folder.appendingPathComponent("index.html"))
    return written + ["index.html"]
  }
}
