import Foundation
import Review
import Testing

@testable import Pipeline

/// What the build prints while it runs, and the rules for archive labels.
@Suite struct BuildReportingTests {
  @Test func progressLineGivesDoneFailedRateAndTimeLeft() {
    #expect(
      SweepProgress.line(done: 12, total: 75, failed: 1, elapsedS: 4)
        == "12/75 done, 1 failed, 3.0/s, 21 s left")
    #expect(
      SweepProgress.line(done: 75, total: 75, failed: 0, elapsedS: 25)
        == "75/75 done, 0 failed, 3.0/s")
    #expect(SweepProgress.bar(done: 0, total: 8) == "[........................]")
    #expect(SweepProgress.bar(done: 4, total: 8) == "[############............]")
    #expect(SweepProgress.bar(done: 8, total: 8) == "[########################]")
  }

  @Test func plainProgressPrintsATenthOfTheWorkAtATime() {
    final class Lines: @unchecked Sendable { var all: [String] = [] }
    let lines = Lines()
    let progress = SweepProgress(total: 40, style: .lines) { lines.all.append($0) }
    for index in 0..<40 { progress.finished(completed: index != 7) }
    #expect(lines.all.count == 10)
    #expect(lines.all.last?.hasPrefix("  40/40 done, 1 failed") == true)
  }

  @Test func archiveLabelsAreSafeFolderNames() {
    for good in ["v1", "2026-11-review", "rev_2.1"] { #expect(SiteArchiveLabel.isValid(good)) }
    for bad in ["", "../x", "a/b", ".hidden", "with space", "é"] {
      #expect(!SiteArchiveLabel.isValid(bad), "\(bad)")
    }
  }
}
