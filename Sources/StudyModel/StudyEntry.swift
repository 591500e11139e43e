/// A study found on disk: its folder, its slug and its title.
public struct StudyEntry: Sendable, Equatable {
  /// The folder name, used in URLs.
  public let slug: String
  /// The title the study file declares.
  public let title: String
  /// The path of the study folder.
  public let folder: String

  /// A study entry.
  public init(slug: String, title: String, folder: String) {
    self.slug = slug
    self.title = title
    self.folder = folder
  }
}
