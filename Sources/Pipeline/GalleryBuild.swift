import Figures
import Foundation

/// `cellbook gallery`: every figure kind from built-in sample data into one folder.
public enum GalleryBuild {
  /// Writes the gallery into `folder` (created if needed); returns the number of files.
  public static func run(into folder: URL) throws -> Int {
    try Gallery.write(to: folder).count
  }
}
