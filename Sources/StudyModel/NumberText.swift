/// Locale-free text of numbers with a fixed number of decimals or significant digits, so the
/// same value always gives the same bytes.
public enum NumberText {
  /// `value` with `digits` decimals ("-0.000000" printed as "0.000000", non-finite as "nan").
  public static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "nan" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return decimal(digits, rounded == 0 ? 0 : rounded)
  }

  /// `value` with `significant` significant digits.
  public static func significant(_ value: Double, _ significant: Int) -> String {
    guard value.isFinite else { return "nan" }
    if value == 0 { return "0" }
    return fixed(value, max(0, significant - 1 - Int(decimalExponent(abs(value)))))
  }

  private static func decimal(_ digits: Int, _ value: Double) -> String {
    // Integer and fraction parts by integer arithmetic: no locale, no platform printf.
    let negative = value < 0
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = (scaled / scale).rounded(.down)
    let fraction = scaled - whole * scale
    var fractionText = digits > 0 ? String(Int64(fraction)) : ""
    while fractionText.count < digits { fractionText = "0" + fractionText }
    let body = digits > 0 ? "\(Int64(whole)).\(fractionText)" : "\(Int64(whole))"
    return negative ? "-" + body : body
  }

  /// ⌊log₁₀ value⌋ by repeated division (exact at powers of ten, unlike a logarithm).
  private static func decimalExponent(_ positive: Double) -> Double {
    var exponent = 0.0
    var value = positive
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
