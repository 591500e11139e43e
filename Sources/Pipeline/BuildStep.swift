/// The named steps of `cellbook build`, in the order they run; each prints `[i/n] title`.
public enum BuildStep: Int, CaseIterable, Sendable {
  /// Read every study file and its report.
  case load
  /// Check templates and the reports' references before anything runs.
  case check
  /// Run the studies' fits (reusing cached ones) and set the fitted values in their cells.
  case fit
  /// Expand sweeps into jobs with content hashes and look them up in the cache.
  case plan
  /// Run what the cache does not hold.
  case simulate
  /// Collect results and evaluate the claims.
  case analyse
  /// Draw figures and fill tables (reusing cached drawings).
  case draw
  /// Write pages, manifests and data files into the staging folder.
  case write
  /// Swap the staging folder into place (and archive it when asked).
  case publish

  /// The step's name as printed.
  public var title: String {
    switch self {
    case .load: return "load studies"
    case .check: return "check reports and templates"
    case .fit: return "fit parameters"
    case .plan: return "plan simulations"
    case .simulate: return "simulate"
    case .analyse: return "analyse results and check claims"
    case .draw: return "draw figures and tables"
    case .write: return "write reports"
    case .publish: return "publish"
    }
  }
}
