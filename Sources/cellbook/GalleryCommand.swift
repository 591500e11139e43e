import ArgumentParser
import Foundation
import Pipeline

/// `cellbook gallery`: renders every figure kind from sample data with an HTML index.
struct GalleryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gallery",
    abstract: "Render every figure kind from built-in sample data into one folder.")

  @Option(name: .long, help: "The folder to write into.")
  var out = "gallery"

  func run() throws {
    let folder = URL(fileURLWithPath: out)
    let count = try GalleryBuild.run(into: folder)
    print("wrote \(count) files to \(folder.path); open \(folder.path)/index.html")
  }
}
