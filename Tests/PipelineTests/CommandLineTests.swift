import Foundation
import TestSupport
import Testing

/// The `cellbook` executable as a user runs it: exit statuses and what an interrupt leaves.
@Suite(.serialized) struct CommandLineTests {
  /// The executable that `swift build --build-tests` builds beside the tests.
  private var executable: String { ProjectPaths.product("cellbook") }

  private func run(_ arguments: [String], in folder: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func exitStatusesAreZeroOneAndTwo() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    #expect(try run(["build", "--archive", "not a label"], in: project.path).0 == 2)
    #expect(try run(["build", "--jobs", "0"], in: project.path).0 == 2)
    #expect(try run(["diff", "nowhere", "nothing"], in: project.path).0 == 2)
    // A tolerance that is not positive is refused before anything is solved.
    let cell = "\(ProjectPaths.library)/cells/reference-seed-chen2020.yaml"
    let (rtolStatus, rtolText) = try run(
      ["simulate", cell, "--protocol", "Rest for 1 minute", "--rtol=-1e-4"], in: project.path)
    #expect(rtolStatus == 2)
    #expect(rtolText.contains("--rtol must be a positive number"))
    try project.folder.write("title: [unclosed\n", to: "studies/broken/study.yaml")
    let (status, text) = try run(["build"], in: project.path)
    #expect(status == 1)
    #expect(text.contains("studies/broken/study.yaml:2:1: error:"))
    try FileManager.default.removeItem(atPath: "\(project.path)/studies/broken")
    #expect(try run(["build"], in: project.path).0 == 0)
    #expect(try run(["check", "--site", "output"], in: project.path).0 == 0)
  }

  @Test func anInterruptLeavesThePreviousSiteAndNoStagingFolder() throws {
    let project = try FixtureProject()
    defer { project.remove() }
    #expect(try run(["build"], in: project.path).0 == 0)
    let before = project.tree("output")
    // A longer sweep, so the interrupt arrives while simulations run.
    let study = FixtureProject.study.replacingOccurrences(
      of: "      current: [2.8 mA/cm2]",
      with: "      current: [0.5 mA/cm2, 1 mA/cm2, 1.5 mA/cm2, 2 mA/cm2, 2.8 mA/cm2, 3.5 mA/cm2]")
    #expect(study != FixtureProject.study)
    try project.folder.write(study, to: "studies/pair/study.yaml")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["build", "--no-cache", "--jobs", "1"]
    process.currentDirectoryURL = URL(fileURLWithPath: project.path)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    // Wait for the simulate step, then press Ctrl-C.
    var seen = ""
    while !seen.contains("[5/9] simulate") {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    kill(process.processIdentifier, SIGINT)
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    seen += String(decoding: rest, as: UTF8.self)
    #expect(process.terminationStatus == 130, "\(seen)")
    #expect(seen.contains("interrupted: output/ was left as it was"))
    #expect(project.tree("output") == before, "the previous site must survive the interrupt")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path)
      .filter { $0.hasPrefix("output.") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
