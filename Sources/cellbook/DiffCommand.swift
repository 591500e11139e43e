import ArgumentParser
import Foundation
import Review

/// `cellbook diff`: compare two archived design reviews of a study.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Print what changed between two archived reviews of a study.",
    discussion: """
      Compares the inputs (files and cell parameters), claim verdicts and key metrics of two \
      folders made by `cellbook build --archive LABEL`, for example \
      output/archive/my-study/v1 and output/archive/my-study/v2.
      Exit status: 0 when they agree, 1 when they differ, 2 when a folder cannot be read.
      """
  )

  @Argument(help: "The earlier review folder.")
  var old: String

  @Argument(help: "The later review folder.")
  var new: String

  func run() throws {
    do {
      let report = try ManifestDiff.compare(old, new)
      print(report.lines.joined(separator: "\n"))
      if report.differs { throw ExitCode.failure }
    } catch let error as ManifestDiff.ReadError {
      FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
      throw ExitCode(2)
    }
  }
}
