import Foundation
import StudyModel

/// `output/<study>/manifest.json`: what a study's pages were built from and how, enough to
/// reproduce them and to compare two design reviews (`cellbook diff`).
struct StudyManifest: Codable, Equatable {
  /// The tool that built it.
  struct Tool: Codable, Equatable {
    let version: String
    let engine: String
    let figures: String
    /// The project's git commit, when it is a git checkout.
    let gitCommit: String?
    /// Whether the checkout had uncommitted changes (nil outside git).
    let gitClean: Bool?
  }

  /// One input file, by its path relative to the project, with the SHA-256 of its bytes.
  struct Input: Codable, Equatable {
    let path: String
    let sha256: String
  }

  /// A cell's resolved parameters in SI units, one canonical `path=value` each.
  struct Cell: Codable, Equatable {
    let source: String
    let parameters: [String: String]
  }

  /// The numerical settings of one declared simulation.
  struct Solver: Codable, Equatable {
    let simulation: String
    let volumesPerRegion: Int
    let shellsPerParticle: Int
    let relativeTolerance: Double
    let absoluteTolerance: Double
  }

  /// One run: how it ended, what it cost, its headline numbers and its raw data file.
  struct Run: Codable, Equatable {
    let id: String
    let hash: String
    let status: String
    let reason: String?
    let wallSeconds: Double
    let solverSteps: Int
    let series: String
    /// Metrics in display units ("discharge.capacity [mAh/cm2]" → value).
    let metrics: [String: Double]
  }

  /// A claim's verdict and the numbers behind it.
  struct ClaimResult: Codable, Equatable {
    let id: String
    let text: String
    let verdict: String
    let evidence: String
  }

  let study: String
  let title: String
  /// ISO 8601 date from `SOURCE_DATE_EPOCH`, else absent: the output carries no clock time.
  let builtAt: String?
  let tool: Tool
  let inputs: [Input]
  let cells: [String: Cell]
  let solver: [Solver]
  let runs: [Run]
  let claims: [ClaimResult]

  /// The manifest's JSON: sorted keys, two-space indentation, newline at the end.
  func json() throws -> Data {
    try Self.encoder.encode(self) + Data("\n".utf8)
  }

  /// Reads a manifest written by `json()`.
  static func read(_ data: Data) throws -> StudyManifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(StudyManifest.self, from: data)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }
}
