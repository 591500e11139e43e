import Foundation

/// How a build shows simulation progress: a bar redrawn in place on a terminal, or a plain
/// line every tenth of the work when the output is a file or a pipe.
public enum ProgressStyle: Sendable {
  /// Redraws one line with carriage returns through `write` (no newline added).
  case terminal(write: @Sendable (String) -> Void)
  /// Logs plain lines.
  case lines
}

/// Counts finished simulations across worker threads and reports done/total, failures,
/// rate and time left.
final class SweepProgress: @unchecked Sendable {
  private let total: Int
  private let style: ProgressStyle
  // Called only under the lock, so a non-Sendable logger is never entered twice at once.
  private let log: (String) -> Void
  private let started = DispatchTime.now().uptimeNanoseconds
  private let lock = NSLock()
  private var done = 0
  private var failed = 0
  private var lastDecile = 0

  init(total: Int, style: ProgressStyle, log: @escaping (String) -> Void) {
    self.total = total
    self.style = style
    self.log = log
  }

  /// Records one finished simulation and reports.
  func finished(completed: Bool) {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    if !completed { failed += 1 }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let line = Self.line(done: done, total: total, failed: failed, elapsedS: elapsed)
    switch style {
    case .terminal(let write):
      // Erase to the end of the line: a shorter line must not leave the old one's tail.
      write("\r\(Self.bar(done: done, total: total)) \(line)\u{1B}[K\(done == total ? "\n" : "")")
    case .lines:
      let decile = total == 0 ? 10 : done * 10 / total
      if decile > lastDecile || done == total {
        lastDecile = decile
        log("  \(line)")
      }
    }
  }

  /// "12/75 done, 1 failed, 3.4/s, 19 s left".
  static func line(done: Int, total: Int, failed: Int, elapsedS: Double) -> String {
    let rate = elapsedS > 0 ? Double(done) / elapsedS : 0
    var text = "\(done)/\(total) done, \(failed) failed"
    if rate > 0 {
      text += ", \(String(format: "%.1f", rate))/s"
      if done < total {
        text += ", \(Int((Double(total - done) / rate).rounded(.up))) s left"
      }
    }
    return text
  }

  /// A 24-character bar: "[#########...............]".
  static func bar(done: Int, total: Int) -> String {
    let width = 24
    let filled = total == 0 ? width : min(width, done * width / total)
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: ".", count: width - filled) + "]"
  }
}
