import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM during a build: the staging folder is removed and the
/// process exits with status 130, leaving the published site as it was; a swap already under
/// way is finished first.
public enum InterruptCleanup {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Installs the handlers for a build writing to `outputFolder`.
  public static func install(outputFolder: String) {
    let staging = OutputFolder(target: outputFolder).staging
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(
        signal: signalNumber, queue: .global(qos: .userInitiated))
      source.setEventHandler {
        OutputFolder.swapLock.lock()
        try? FileManager.default.removeItem(atPath: staging)
        FileHandle.standardError.write(
          Data("\ninterrupted: \(outputFolder)/ was left as it was\n".utf8))
        exit(130)
      }
      source.resume()
      sources.append(source)
    }
  }
}
