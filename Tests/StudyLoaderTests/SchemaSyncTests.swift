import Foundation
import StudyLoader
import StudyModel
import TestSupport
import Testing

/// schema/study.schema.json lists, at every level, exactly the keys the loader accepts there.
///
/// A probe key is planted at one level of the valid fixture study; the loader rejects it and
/// names the keys it knows at that level, which must equal the schema's properties there.
@Suite struct SchemaSyncTests {
  struct Probe: Sendable, CustomTestStringConvertible {
    /// The line after which the probe goes, and the probe's indentation.
    let after: String
    let indent: Int
    /// The schema object whose properties must match.
    let pointer: [String]
    var testDescription: String { pointer.joined(separator: "/") }
  }

  static let probes: [Probe] = [
    Probe(after: "title: N/P sweep of the seed cell", indent: 0, pointer: []),
    Probe(after: "  filmed:", indent: 4, pointer: ["$defs", "cell"]),
    Probe(after: "    negative:", indent: 6, pointer: ["$defs", "electrode"]),
    Probe(after: "  np-sweep:", indent: 4, pointer: ["$defs", "simulation"]),
    Probe(after: "    sweep:", indent: 6, pointer: ["$defs", "simulation", "properties", "sweep"]),
    Probe(
      after: "      np:", indent: 8,
      pointer: ["$defs", "simulation", "properties", "sweep", "properties", "np"]),
    Probe(after: "  capacity-np1:", indent: 4, pointer: ["$defs", "observation"]),
    Probe(after: "  - id: capacity-rises", indent: 4, pointer: ["$defs", "claim"]),
    Probe(after: "  fig2a:", indent: 4, pointer: ["$defs", "dataset"]),
    Probe(after: "  - id: fig-capacity-vs-np", indent: 4, pointer: ["$defs", "figure"]),
    Probe(after: "      - simulation: np-sweep", indent: 8, pointer: ["$defs", "panel"]),
    Probe(after: "  - id: tab-capacity", indent: 4, pointer: ["$defs", "table"]),
  ]

  private func schemaKeys(_ pointer: [String]) throws -> Set<String> {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: "\(ProjectPaths.root())/schema/study.schema.json"))
    var node = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for key in pointer { node = try #require(node[key] as? [String: Any]) }
    let properties = try #require(node["properties"] as? [String: Any])
    return Set(properties.keys)
  }

  @Test(arguments: probes)
  func schemaAndLoaderAgreeOnTheKeys(_ probe: Probe) throws {
    let fixture = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies/np-valid"
    let original = try String(contentsOfFile: "\(fixture)/study.yaml", encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex(of: probe.after), "no line '\(probe.after)'")
    lines.insert(String(repeating: " ", count: probe.indent) + "zz_probe: 1", at: index + 1)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(lines.joined(separator: "\n"), to: "probe/study.yaml")
    let data = try String(contentsOfFile: "\(fixture)/data/fig2a.csv", encoding: .utf8)
    try folder.write(data, to: "probe/data/fig2a.csv")
    let curve = try String(contentsOfFile: "\(fixture)/data/charge-curve.csv", encoding: .utf8)
    try folder.write(curve, to: "probe/data/charge-curve.csv")
    guard
      case .failure(let list) = StudyFileLoader.load(
        folder: "\(folder.path)/probe", libraryFolder: ProjectPaths.library)
    else {
      Issue.record("the probe key was accepted")
      return
    }
    let problem = try #require(list.diagnostics.first { $0.message.hasSuffix("zz_probe'") })
    let hint = try #require(problem.hint)
    let prefix = "known keys here: "
    #expect(hint.hasPrefix(prefix), "\(hint)")
    let loaderKeys = Set(hint.dropFirst(prefix.count).components(separatedBy: ", "))
    #expect(loaderKeys == (try schemaKeys(probe.pointer)), "loader: \(loaderKeys.sorted())")
  }

  @Test func theValidFixtureStudyLoads() throws {
    let fixture = "\(ProjectPaths.root())/Tests/StudyLoaderTests/Fixtures/studies/np-valid"
    _ = try StudyFileLoader.load(folder: fixture, libraryFolder: ProjectPaths.library).get()
  }
}
