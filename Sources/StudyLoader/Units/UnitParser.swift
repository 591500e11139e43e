import Foundation
import StudyModel

/// A unit as a scale (and offset, for °C) to SI and a dimension.
public struct UnitValue: Sendable, Equatable {
  /// Multiply by this to get SI.
  public var factor: Double
  /// Then add this (non-zero only for degC).
  public var offset: Double
  /// The dimension.
  public var dimension: UnitDimension
}

/// Why a unit string could not be read.
public struct UnitError: Error, Equatable, Sendable {
  /// What is wrong.
  public let message: String
}

/// Reads unit strings such as `um`, `mA/cm2`, `ohm m2`, `m2/s`, `1/m3`, `degC`,
/// `A/m2 (m3/mol)^1.5`: symbols with an optional power (`m2`, `s^-1`), separated by spaces
/// (multiplication) or `/` (divides the next factor), and parenthesised groups with `^`.
public struct UnitParser {
  private let characters: [Character]
  private var position = 0

  /// Parses `text` into a unit.
  public static func parse(_ text: String) throws(UnitError) -> UnitValue {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == "degC" || trimmed == "°C" {
      return UnitValue(factor: 1, offset: 273.15, dimension: .temperature)
    }
    var parser = UnitParser(characters: Array(trimmed))
    let value = try parser.parseProduct()
    guard parser.position == parser.characters.count else {
      throw UnitError(
        message: "unexpected '\(parser.characters[parser.position])' in unit '\(text)'")
    }
    return value
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private mutating func skipSpaces() -> Bool {
    let start = position
    while position < characters.count, characters[position] == " " { position += 1 }
    return position > start
  }

  private mutating func parseProduct() throws(UnitError) -> UnitValue {
    _ = skipSpaces()
    var result = try parseFactor()
    while true {
      let spaced = skipSpaces()
      guard position < characters.count, characters[position] != ")" else { return result }
      var divide = false
      if characters[position] == "/" {
        divide = true
        position += 1
        _ = skipSpaces()
      } else if characters[position] == "*" {
        position += 1
        _ = skipSpaces()
      } else if !spaced {
        throw UnitError(message: "expected a space, '*' or '/' before '\(characters[position])'")
      }
      let next = try parseFactor()
      result = UnitParser.multiply(result, next, power: divide ? -1 : 1)
    }
  }

  private static func multiply(_ lhs: UnitValue, _ rhs: UnitValue, power: Double) -> UnitValue {
    UnitValue(
      factor: lhs.factor * pow(rhs.factor, power), offset: 0,
      dimension: lhs.dimension * rhs.dimension.raised(to: power))
  }

  private mutating func parseFactor() throws(UnitError) -> UnitValue {
    guard position < characters.count else { throw UnitError(message: "a unit is missing") }
    var base: UnitValue
    if characters[position] == "(" {
      position += 1
      base = try parseProduct()
      guard position < characters.count, characters[position] == ")" else {
        throw UnitError(message: "missing ')' in unit")
      }
      position += 1
    } else {
      let start = position
      while position < characters.count,
        characters[position].isLetter || characters[position] == "µ" || characters[position] == "%"
      {
        position += 1
      }
      let symbol = String(characters[start..<position])
      if symbol.isEmpty, position < characters.count, characters[position] == "1" {
        position += 1
        return UnitValue(factor: 1, offset: 0, dimension: .none)
      }
      guard let known = UnitTable.symbols[symbol] else {
        throw UnitError(
          message:
            "unknown unit '\(symbol)' (known: \(UnitTable.symbols.keys.sorted().joined(separator: ", ")))"
        )
      }
      base = known
    }
    let power = try parsePower()
    return UnitValue(
      factor: pow(base.factor, power), offset: 0, dimension: base.dimension.raised(to: power))
  }

  /// An optional power: `2`, `-1`, `^1.5`, `^-2`.
  private mutating func parsePower() throws(UnitError) -> Double {
    if position < characters.count, characters[position] == "^" { position += 1 }
    let start = position
    if position < characters.count, characters[position] == "-" { position += 1 }
    while position < characters.count, characters[position].isNumber || characters[position] == "."
    {
      position += 1
    }
    if start == position { return 1 }
    guard let value = Double(String(characters[start..<position])) else {
      throw UnitError(message: "malformed power '\(String(characters[start..<position]))'")
    }
    return value
  }
}
