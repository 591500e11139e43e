/// Typesets unit strings as papers print them: `mA/cm2` → mA cm⁻², `mAh/g` → mAh g⁻¹,
/// `m2/s` → m² s⁻¹, `ohm m2` → Ω m², `degC` → °C, `um` → µm.
public enum UnitText {
  /// The unit as rich-text markup; an empty string or `1` (dimensionless) gives "".
  public static func markup(_ unit: String) -> String {
    let trimmed = unit.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed != "1", trimmed != "-" else { return "" }
    if trimmed == "%" { return "%" }
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    var factors: [String] = []
    for (index, part) in parts.enumerated() {
      for token in part.split(separator: " ") where token != "1" {
        factors.append(factor(String(token), negative: index > 0))
      }
    }
    return factors.joined(separator: " ")
  }

  /// `quantity (unit)` with the unit typeset, or the quantity alone when dimensionless.
  public static func axisLabel(_ quantity: String, unit: String) -> RichText {
    let unitMarkup = markup(unit)
    return RichText(unitMarkup.isEmpty ? quantity : "\(quantity) (\(unitMarkup))")
  }

  private static let symbols: [String: String] = [
    "ohm": "Ω", "um": "µm", "degC": "°C", "uA": "µA", "uV": "µV", "us": "µs",
    "percent": "%",
  ]

  /// One factor such as `cm2` or `s-1`, with its exponent raised.
  private static func factor(_ token: String, negative: Bool) -> String {
    var base = token
    var exponent = ""
    while let last = base.last, last.isNumber || last == "-" {
      exponent = String(last) + exponent
      base.removeLast()
    }
    if base.isEmpty {
      base = token
      exponent = ""
    }
    let symbol = symbols[base] ?? base
    var power = Int(exponent) ?? 1
    if negative { power = -power }
    return power == 1 ? symbol : "\(symbol)^{\(power)}"
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}

extension Set where Element == Character {
  fileprivate static let whitespaces: Set<Character> = [" ", "\t"]
}
