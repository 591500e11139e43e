/// A failure reported by SUNDIALS IDA, naming the C call and explaining its flag.
public struct DAEError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The SUNDIALS function that returned the flag, for example `IDASolve`.
  public let call: String
  /// The numeric return flag.
  public let flag: Int32
  /// The flag's symbolic name, for example `IDA_CONV_FAIL`.
  public let name: String
  /// What the flag means and what usually causes it.
  public let explanation: String
  /// IDA's own message for this failure (time and step size), when it gave one.
  public var detail: String = ""

  /// A one-line rendering: call, name, explanation and IDA's message.
  public var description: String {
    let base = "\(call) failed with \(name) (\(flag)): \(explanation)"
    return detail.isEmpty ? base : "\(base) [\(detail)]"
  }

  /// Whether the flag came from a numerical failure (as opposed to misuse of the API).
  public var isNumerical: Bool {
    IDAFlag.numericalFailures.contains(flag)
  }
}
