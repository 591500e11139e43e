/// Why an expression could not be parsed, with the character offset of the problem.
public struct ExpressionError: Error, Equatable, Sendable {
  /// Zero-based offset in the expression text.
  public let offset: Int
  /// What is wrong.
  public let message: String
}

/// Parses the small, safe expression language of material functions.
///
/// It has numbers (with exponents), `x`, `c`, `T`, `+ - * / ^`, parentheses, and `exp log tanh sqrt pow`. `^` binds tighter than unary minus, as in
/// mathematics (`-x^2` is `-(x^2)`).
public struct ExpressionParser {
  private let characters: [Character]
  private var position = 0

  /// Parses `text`, requiring every variable used to be in `allowed`.
  public static func parse(_ text: String, allowed: Set<ExpressionVariable>) throws(ExpressionError)
    -> Expression
  {
    var parser = ExpressionParser(characters: Array(text))
    let expression = try parser.parseSum()
    parser.skipSpaces()
    if parser.position < parser.characters.count {
      throw parser.error("unexpected '\(parser.characters[parser.position])'")
    }
    if let extra = expression.variables.subtracting(allowed).first {
      let names = allowed.map(\.rawValue).sorted().joined(separator: ", ")
      throw ExpressionError(
        offset: parser.offset(of: extra.rawValue, in: text),
        message: "variable '\(extra.rawValue)' is not available here (use \(names))")
    }
    return expression
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private func offset(of name: String, in text: String) -> Int {
    guard let range = text.range(of: name) else { return 0 }
    return text.distance(from: text.startIndex, to: range.lowerBound)
  }

  private func error(_ message: String) -> ExpressionError {
    ExpressionError(offset: position, message: message)
  }

  private mutating func skipSpaces() {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
  }

  private mutating func consume(_ character: Character) -> Bool {
    skipSpaces()
    guard position < characters.count, characters[position] == character else { return false }
    position += 1
    return true
  }

  private mutating func parseSum() throws(ExpressionError) -> Expression {
    var result = try parseProduct()
    while true {
      if consume("+") {
        result = .binary(.add, result, try parseProduct())
      } else if consume("-") {
        result = .binary(.subtract, result, try parseProduct())
      } else {
        return result
      }
    }
  }

  private mutating func parseProduct() throws(ExpressionError) -> Expression {
    var result = try parseUnary()
    while true {
      if consume("*") {
        result = .binary(.multiply, result, try parseUnary())
      } else if consume("/") {
        result = .binary(.divide, result, try parseUnary())
      } else {
        return result
      }
    }
  }

  private mutating func parseUnary() throws(ExpressionError) -> Expression {
    if consume("-") { return .negate(try parseUnary()) }
    if consume("+") { return try parseUnary() }
    return try parsePower()
  }

  private mutating func parsePower() throws(ExpressionError) -> Expression {
    let base = try parsePrimary()
    if consume("^") { return .power(base, try parseUnary()) }
    return base
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Expression {
    skipSpaces()
    guard position < characters.count else { throw error("expression ends too early") }
    let character = characters[position]
    if consume("(") {
      let inner = try parseSum()
      guard consume(")") else { throw error("missing ')'") }
      return inner
    }
    if character.isNumber || character == "." { return try parseNumber() }
    if character.isLetter { return try parseName() }
    throw error("unexpected '\(character)'")
  }

  private mutating func parseNumber() throws(ExpressionError) -> Expression {
    let start = position
    while position < characters.count, characters[position].isNumber || characters[position] == "."
    {
      position += 1
    }
    if position < characters.count, characters[position] == "e" || characters[position] == "E" {
      var look = position + 1
      if look < characters.count, characters[look] == "+" || characters[look] == "-" { look += 1 }
      if look < characters.count, characters[look].isNumber {
        position = look
        while position < characters.count, characters[position].isNumber { position += 1 }
      }
    }
    guard let value = Double(String(characters[start..<position])) else {
      position = start
      throw error("malformed number")
    }
    return .number(value)
  }

  private mutating func parseName() throws(ExpressionError) -> Expression {
    let start = position
    while position < characters.count,
      characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
    {
      position += 1
    }
    let name = String(characters[start..<position])
    if let variable = ExpressionVariable(rawValue: name) { return .variable(variable) }
    if name == "pow" { return try parsePowCall(start: start) }
    guard let function = UnaryFunction(rawValue: name) else {
      position = start
      let known = (UnaryFunction.allCases.map(\.rawValue) + ["pow"]).joined(separator: ", ")
      throw error("unknown name '\(name)' (functions: \(known); variables: x, c, T)")
    }
    guard consume("(") else { throw error("'\(name)' needs an argument in parentheses") }
    let argument = try parseSum()
    guard consume(")") else { throw error("missing ')' after the argument of '\(name)'") }
    return .call(function, argument)
  }

  private mutating func parsePowCall(start: Int) throws(ExpressionError) -> Expression {
    guard consume("(") else { throw error("'pow' needs two arguments: pow(base, exponent)") }
    let base = try parseSum()
    guard consume(",") else { throw error("'pow' needs two arguments: pow(base, exponent)") }
    let exponent = try parseSum()
    guard consume(")") else { throw error("missing ')' after the arguments of 'pow'") }
    return .power(base, exponent)
  }
}
