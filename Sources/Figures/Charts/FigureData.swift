import Foundation

/// The data a figure plots, as CSV files with units in the headers: one file when every panel
/// plots the same quantities, otherwise one per panel (suffix `-a`, `-b`, …).
public enum FigureData {
  /// File-name suffixes ("" or "-a", …) and CSV texts.
  public static func csvFiles(_ figure: Figure) -> [(suffix: String, text: String)] {
    let headers = Set(figure.panels.map { headerRow($0) })
    if headers.count <= 1 {
      let rows = figure.panels.enumerated().flatMap { index, panel in
        dataRows(panel, label: figure.panels.count > 1 ? letter(index) : nil)
      }
      let header = figure.panels.first.map { headerRow($0) } ?? "series,x,y"
      let panelColumn = figure.panels.count > 1 ? "panel," : ""
      return [("", ([panelColumn + header] + rows).joined(separator: "\n") + "\n")]
    }
    return figure.panels.enumerated().map { index, panel in
      (
        "-" + letter(index),
        ([headerRow(panel)] + dataRows(panel, label: nil)).joined(separator: "\n") + "\n"
      )
    }
  }

  private static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index % 26)))
  }

  private static func headerRow(_ panel: Panel) -> String {
    var columns = ["series", quote(panel.x.csvHeader), quote(panel.y.csvHeader)]
    if let secondary = panel.secondaryY { columns.append(quote(secondary.csvHeader)) }
    if panel.series.contains(where: { $0.yErrors != nil }) { columns.append("y_uncertainty") }
    return columns.joined(separator: ",")
  }

  private static func dataRows(_ panel: Panel, label: String?) -> [String] {
    let hasErrors = panel.series.contains { $0.yErrors != nil }
    var rows: [String] = []
    for (index, series) in panel.series.enumerated() {
      let name = quote(series.name.map { RichText($0).plain } ?? "series \(index + 1)")
      for (k, (x, y)) in zip(series.x, series.y).enumerated() {
        var fields = [name, number(x)]
        if panel.secondaryY != nil {
          fields += series.axis == .secondary ? ["", number(y)] : [number(y), ""]
        } else {
          fields.append(number(y))
        }
        if hasErrors {
          fields.append(series.yErrors.map { k < $0.count ? number($0[k]) : "" } ?? "")
        }
        rows.append(((label.map { [$0] } ?? []) + fields).joined(separator: ","))
      }
    }
    return rows
  }

  /// Seven significant digits, C locale, "nan" for missing values.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "nan" }
    return String(format: "%.7g", value == 0 ? 0 : value)
  }

  private static func quote(_ text: String) -> String {
    guard text.contains(",") || text.contains("\"") else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
