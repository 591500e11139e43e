import Foundation

/// Records every file a load reads, so that a study (and each of its cells) can name and hash
/// exactly the inputs it was built from.
///
/// Recording is scoped with a task-local value: nested scopes each see the files read inside
/// them, and the outer scopes see them too.
final class InputFiles: @unchecked Sendable {
  @TaskLocal private static var current: InputFiles?

  private let lock = NSLock()
  private var paths: Set<String> = []
  private let parent: InputFiles?

  private init(parent: InputFiles?) {
    self.parent = parent
  }

  /// The bytes of `path`, recorded as an input of every enclosing scope (nil if unreadable).
  static func read(_ path: String) -> Data? {
    let data = FileManager.default.contents(atPath: path)
    if data != nil { current?.record(normalized(path)) }
    return data
  }

  /// `path` with `.` and `..` components resolved, relative paths included (so one file is
  /// always named one way).
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : joined
  }

  /// Runs `body`, returning its value and the sorted paths of the files it read.
  static func recording<Value>(_ body: () -> Value) -> (Value, [String]) {
    let log = InputFiles(parent: current)
    let value = $current.withValue(log) { body() }
    return (value, log.sortedPaths)
  }

  private func record(_ path: String) {
    lock.lock()
    paths.insert(path)
    lock.unlock()
    parent?.record(path)
  }

  private var sortedPaths: [String] {
    lock.lock()
    defer { lock.unlock() }
    return paths.sorted()
  }
}

/// How the loader names input files, for other layers that list them beside the loader's.
public enum InputFileNames {
  /// `path` with `.` and `..` resolved, as `Study.inputFiles` names files.
  public static func normalized(_ path: String) -> String { InputFiles.normalized(path) }
}
