/// Input the engine refuses before solving: it names the parameter or step and says why.
public struct SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The parameter path or protocol step concerned.
  public let subject: String
  /// What is wrong and how to fix it.
  public let message: String

  /// One line: subject and message.
  public var description: String { "\(subject): \(message)" }
}
