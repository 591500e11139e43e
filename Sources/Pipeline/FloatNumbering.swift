import StudyModel

/// The printed labels of a study's figures and tables, fixed by declaration order alone
/// (supplementary ones numbered apart as S1, S2, …), so references can be checked before
/// anything is drawn.
enum FloatNumbering {
  /// "Figure 1", "Figure S1", "Table 1", … by figure or table id.
  static func labels(_ study: Study) -> [String: String] {
    var labels: [String: String] = [:]
    for (word, items) in [
      ("Figure", study.figures.map { ($0.id, $0.supplementary) }),
      ("Table", study.tables.map { ($0.id, $0.supplementary) }),
    ] {
      var main = 0
      var supplementary = 0
      for (id, isSupplementary) in items {
        if isSupplementary {
          supplementary += 1
          labels[id] = "\(word) S\(supplementary)"
        } else {
          main += 1
          labels[id] = "\(word) \(main)"
        }
      }
    }
    return labels
  }
}
