import Foundation

/// Text with superscripts, subscripts and Greek letters, written in a small markup.
///
/// For example `mA cm^{-2}`, `Li^+`, `c_{e}`, `\eta_{ohm}`. A minus sign in a script becomes a true minus.
public struct RichText: Sendable, Equatable, Hashable {
  /// Where a run sits relative to the baseline.
  public enum Script: String, Sendable, Equatable, Hashable {
    /// On the baseline at full size.
    case normal
    /// Raised and smaller.
    case raised
    /// Lowered and smaller.
    case lowered
  }

  /// A stretch of text in one script.
  public struct Run: Sendable, Equatable, Hashable {
    /// The characters.
    public let text: String
    /// Its position relative to the baseline.
    public let script: Script
  }

  /// The runs, in reading order.
  public let runs: [Run]

  /// Parses `markup`; text without markup characters is one normal run.
  public init(_ markup: String) {
    var parser = RichTextParser(markup)
    runs = parser.parse()
  }

  /// The text without markup, as a screen reader or a CSV header would show it.
  public var plain: String {
    runs.map { run in
      switch run.script {
      case .normal: return run.text
      case .raised: return "^" + run.text
      case .lowered: return "_" + run.text
      }
    }.joined()
  }

  /// Size of a script relative to the base size.
  static let scriptScale = 0.7
  /// Raise of a superscript and drop of a subscript, as fractions of the base size.
  static let superscriptRaise = 0.36
  static let subscriptDrop = 0.14

  /// The size and baseline offset (upwards, points) of `script` at base `size`.
  static func metrics(_ script: Script, size: Double) -> (size: Double, raise: Double) {
    switch script {
    case .normal: return (size, 0)
    case .raised: return (size * scriptScale, size * superscriptRaise)
    case .lowered: return (size * scriptScale, -size * subscriptDrop)
    }
  }
}

/// Greek letters and symbols the markup names with a backslash.
private let namedSymbols: [String: String] = [
  "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η",
  "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "µ", "nu": "ν", "pi": "π", "rho": "ρ",
  "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
  "Delta": "Δ", "Phi": "Φ", "Omega": "Ω", "Sigma": "Σ", "times": "×", "cdot": "·",
  "deg": "°", "pm": "±", "minus": "−",
]

/// Turns markup into runs.
private struct RichTextParser {
  let characters: [Character]
  var index = 0
  var runs: [RichText.Run] = []

  init(_ markup: String) {
    characters = Array(markup)
  }

  mutating func parse() -> [RichText.Run] {
    var normal = ""
    while index < characters.count {
      let character = characters[index]
      if character == "^" || character == "_" {
        flush(&normal, script: .normal)
        index += 1
        let script: RichText.Script = character == "^" ? .raised : .lowered
        var group = readGroup()
        group = group.replacingOccurrences(of: "-", with: "−")
        if !group.isEmpty { runs.append(RichText.Run(text: group, script: script)) }
      } else if character == "\\" {
        normal += readEscape()
      } else {
        normal.append(character)
        index += 1
      }
    }
    flush(&normal, script: .normal)
    return runs
  }

  private mutating func flush(_ text: inout String, script: RichText.Script) {
    if !text.isEmpty { runs.append(RichText.Run(text: text, script: script)) }
    text = ""
  }

  /// `{...}` up to the matching brace, or one character (or one escape).
  private mutating func readGroup() -> String {
    guard index < characters.count else { return "" }
    if characters[index] == "\\" { return readEscape() }
    guard characters[index] == "{" else {
      defer { index += 1 }
      return String(characters[index])
    }
    index += 1
    var text = ""
    while index < characters.count, characters[index] != "}" {
      if characters[index] == "\\" {
        text += readEscape()
      } else {
        text.append(characters[index])
        index += 1
      }
    }
    index += 1
    return text
  }

  /// `\name` as its symbol, or an escaped markup character as itself.
  private mutating func readEscape() -> String {
    index += 1
    guard index < characters.count else { return "\\" }
    var name = ""
    while index < characters.count, characters[index].isLetter {
      name.append(characters[index])
      index += 1
    }
    if name.isEmpty {
      defer { index += 1 }
      return String(characters[index])
    }
    return namedSymbols[name] ?? "\\" + name
  }
}

extension Canvas {
  /// The advance width and the height above and below the baseline of `text` at `size`.
  public func measure(_ text: RichText, size: Double, bold: Bool = false) -> TextExtent {
    var width = 0.0
    var ascent = 0.0
    var descent = 0.0
    for run in text.runs {
      let (runSize, raise) = RichText.metrics(run.script, size: size)
      let extent = measure(run.text, size: runSize, bold: bold)
      width += extent.width
      ascent = max(ascent, extent.ascent + raise)
      descent = max(descent, extent.descent - raise)
    }
    if text.runs.isEmpty {
      let extent = measure(" ", size: size, bold: bold)
      return TextExtent(width: 0, ascent: extent.ascent, descent: extent.descent)
    }
    return TextExtent(width: width, ascent: ascent, descent: descent)
  }

  /// Draws `text` with its baseline through `at`, rotated `angleDegrees` counter-clockwise.
  public mutating func draw(
    _ text: RichText, at: Point, size: Double, color: Color = .black,
    anchor: TextAnchor = .start, bold: Bool = false, angleDegrees: Double = 0
  ) {
    let width = measure(text, size: size, bold: bold).width
    let angle = angleDegrees * Double.pi / 180
    let along = Point(x: cos(angle), y: -sin(angle))
    let up = Point(x: -sin(angle), y: -cos(angle))
    var offset: Double
    switch anchor {
    case .start: offset = 0
    case .middle: offset = -width / 2
    case .end: offset = -width
    }
    for run in text.runs {
      let (runSize, raise) = RichText.metrics(run.script, size: size)
      let origin = Point(
        x: at.x + along.x * offset + up.x * raise, y: at.y + along.y * offset + up.y * raise)
      add(
        .text(
          run.text, at: origin, size: runSize, color: color, anchor: .start, bold: bold,
          angleDegrees: angleDegrees))
      offset += measure(run.text, size: runSize, bold: bold).width
    }
  }
}
