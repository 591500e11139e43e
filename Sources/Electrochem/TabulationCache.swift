import Foundation
import StudyModel

/// Tabulated functions shared by every model in the process.
///
/// A sweep builds hundreds of models of cells that differ in geometry only, and the tables depend only on the function,
/// its domain and the temperature. Entries are immutable once built, so sharing them across
/// threads is safe.
enum TabulationCache {
  private struct Key: Equatable {
    let function: MaterialFunction
    let variable: ExpressionVariable
    let domain: ClosedRange<Double>
    let directBelow: Double
    let temperature: Double
  }

  private nonisolated(unsafe) static var entries: [(Key, TabulatedFunction)] = []
  private static let lock = NSLock()

  /// The shared table for these arguments, built on first use.
  static func table(
    _ function: MaterialFunction, variable: ExpressionVariable, domain: ClosedRange<Double>,
    directBelow: Double = -.infinity, temperature: Double
  ) -> TabulatedFunction {
    let key = Key(
      function: function, variable: variable, domain: domain, directBelow: directBelow,
      temperature: temperature)
    lock.lock()
    defer { lock.unlock() }
    if let found = entries.first(where: { $0.0 == key }) { return found.1 }
    let table = TabulatedFunction(
      function, variable: variable, domain: domain, directBelow: directBelow,
      temperature: temperature)
    // Keep the cache small: a process rarely uses more than a few dozen distinct functions.
    if entries.count >= 64 { entries.removeFirst() }
    entries.append((key, table))
    return table
  }
}
