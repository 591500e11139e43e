import Foundation

/// `{{provenance}}`: how the page was made: tool and engine versions, git commit, the input
/// files with their digests, what ran and where the raw data is.
public enum ProvenanceSection {
  /// The section's Markdown, from the study's manifest.
  public static func markdown(_ manifest: StudyManifest) -> String {
    let tool = manifest.tool
    var lines: [String] = []
    var commit = "not a git checkout"
    if let hash = tool.gitCommit {
      commit = "`\(hash.prefix(12))`" + (tool.gitClean == false ? " with uncommitted changes" : "")
    }
    lines += [
      "- Built by Cellbook \(tool.version) (engine `\(tool.engine)`, figures `\(tool.figures)`) from commit \(commit)\(manifest.builtAt.map { " on \($0)" } ?? "")."
    ]
    let failed = manifest.runs.filter { $0.status != "completed" }
    let steps = manifest.runs.reduce(0) { $0 + $1.solverSteps }
    if !manifest.runs.isEmpty {
      lines.append(
        "- \(manifest.runs.count) simulations, \(failed.count) failed, \(steps) integrator steps in all (wall times are in the manifest). Each run's time series is in `data/runs/` and listed in [`manifest.json`](manifest.json) with its content hash."
      )
    }
    for run in failed {
      lines.append("- Failed: \(run.id): \(run.reason ?? "incomplete").")
    }
    lines += ["", "| Input file | SHA-256 |", "|---|---|"]
    for input in manifest.inputs {
      lines.append("| `\(input.path)` | `\(input.sha256.prefix(16))…` |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
