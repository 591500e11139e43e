import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

/// Mutated cell files (deleted lines, swapped lines, values of the wrong type, broken
/// indentation) must give diagnostics that point into the file, or load; never crash.
@Suite struct MutationFuzzTests {
  /// SplitMix64: a small deterministic generator, so a failure can be replayed from its seed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476C_E5B9_E2B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let replacements = [
    "[1, 2]", "{a: 1}", "''", "-3 um", "nan", "1e999 m", "12 furlongs", "x +", "\"unterminated",
    "null", "true", "0", "  bad:indent", "5 mA/cm2",
  ]

  private func mutate(_ lines: [String], _ generator: inout Generator) -> [String] {
    var lines = lines
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      guard lines.count > 2 else { break }
      let index = Int.random(in: 0..<lines.count, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: lines.remove(at: index)
      case 1: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
      case 2:
        if let colon = lines[index].firstIndex(of: ":") {
          let replacement = Self.replacements.randomElement(using: &generator) ?? ""
          lines[index] = String(lines[index][...colon]) + " " + replacement
        }
      default: lines[index] = " " + lines[index]
      }
    }
    return lines
  }

  @Test(arguments: ["reference-seed-chen2020", "reference-lgm50-chen2020"])
  func mutatedCellFilesNeverCrashTheLoader(cell: String) throws {
    let original = try String(
      contentsOfFile: "\(ProjectPaths.library)/cells/\(cell).yaml", encoding: .utf8)
    let lines = original.components(separatedBy: "\n")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var generator = Generator(state: 2026)
    let loader = CellFileLoader(libraryFolder: ProjectPaths.library)
    var failures = 0
    for trial in 0..<150 {
      let mutated = mutate(lines, &generator)
      let name = "trial-\(trial).yaml"
      try folder.write(mutated.joined(separator: "\n"), to: name)
      let path = "\(folder.path)/\(name)"
      switch loader.load(path: path) {
      case .success: continue
      case .failure(let list):
        failures += 1
        #expect(!list.diagnostics.isEmpty, "trial \(trial): a failure without a diagnostic")
        for diagnostic in list.diagnostics where diagnostic.location.file == path {
          #expect(
            diagnostic.location.line <= mutated.count + 1, "trial \(trial): line out of range")
        }
      }
    }
    // Most mutations break something; the test must have exercised the error paths.
    #expect(failures > 50)
  }

  @Test func mutatedStudyFilesNeverCrashTheLoader() throws {
    let fixture = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies/np-valid"
    let lines = try String(contentsOfFile: "\(fixture)/study.yaml", encoding: .utf8).components(
      separatedBy: "\n")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for file in ["fig2a.csv", "charge-curve.csv"] {
      try folder.write(
        try String(contentsOfFile: "\(fixture)/data/\(file)", encoding: .utf8),
        to: "study/data/\(file)")
    }
    var generator = Generator(state: 1968)
    var failures = 0
    for trial in 0..<150 {
      let mutated = mutate(lines, &generator)
      try folder.write(mutated.joined(separator: "\n"), to: "study/study.yaml")
      switch StudyFileLoader.load(
        folder: "\(folder.path)/study", libraryFolder: ProjectPaths.library)
      {
      case .success: continue
      case .failure(let list):
        failures += 1
        #expect(!list.diagnostics.isEmpty, "trial \(trial): a failure without a diagnostic")
        for diagnostic in list.diagnostics
        where diagnostic.location.file.hasSuffix("study/study.yaml") {
          #expect(
            diagnostic.location.line <= mutated.count + 1, "trial \(trial): line out of range")
        }
      }
    }
    #expect(failures > 50)
  }
}
