import Foundation
import StudyModel
import Yams

/// Reads cell files (`studies/library/cells/*.yaml`, or a study's own), resolving materials and
/// electrolytes that are given by name from the library.
public struct CellFileLoader {
  /// The library folder that named materials and electrolytes are looked up in.
  public let libraryFolder: String
  let sink = DiagnosticSink()
  private let sources = SourceBook()

  /// A loader that resolves names in `libraryFolder`.
  public init(libraryFolder: String) {
    self.libraryFolder = libraryFolder
  }

  /// The library folder for a file: the nearest enclosing folder named `library`, else
  /// `studies/library` beside the nearest enclosing `studies` folder, else `studies/library`.
  public static func library(for path: String) -> String {
    var folder = ((path as NSString).deletingLastPathComponent as NSString)
    while folder.length > 0, folder as String != "/" {
      if folder.lastPathComponent == "library" { return folder as String }
      if folder.lastPathComponent == "studies" { return folder.appendingPathComponent("library") }
      let parent = folder.deletingLastPathComponent as NSString
      if parent == folder { break }
      folder = parent
    }
    return "studies/library"
  }

  /// Loads the cell in `path`, or every problem found in it.
  public func load(path: String) -> Result<CellDefinition, DiagnosticList> {
    let (result, files) = InputFiles.recording { loadRecorded(path: path) }
    return result.map { cell in
      var cell = cell
      cell.inputFiles = files
      return cell
    }
  }

  private func loadRecorded(path: String) -> Result<CellDefinition, DiagnosticList> {
    guard let document = YAMLDocument.load(path: path, sink: sink),
      let root = MappingReader(document.root, file: path, sink: sink, path: "")
    else { return .failure(DiagnosticList(sink.diagnostics)) }
    root.allow(["base"])
    attachBase(to: root, folder: "cells", depth: 0)
    let definition = readCell(root)
    root.finish()
    guard let definition, !sink.hasErrors else { return .failure(DiagnosticList(sink.diagnostics)) }
    return .success(definition)
  }

  private func readCell(_ root: MappingReader) -> CellDefinition? {
    let name = root.string("name", example: "my-cell")
    let description = root.string("description", required: false) ?? ""
    let source = root.string(
      "source", example: "the paper, table or data file the values come from")
    let area = root.quantity("area", .area, required: false, open: 0...Double.infinity) ?? 1
    let temperature =
      root.quantity("temperature", .temperature, required: false, open: 0...1e4) ?? 298.15
    let contact =
      root.quantity("contact_resistance", .areaResistance, required: false, range: 0...) ?? 0
    let nominal = root.quantity(
      "nominal_capacity", .charge, required: false, open: 0...Double.infinity)
    let negative = root.mapping("negative").flatMap { self.readElectrode($0) }
    let separator = root.mapping("separator").flatMap { self.readSeparator($0) }
    let positive = root.mapping("positive").flatMap { self.readElectrode($0) }
    let electrolyte = reference(root, key: "electrolyte", folder: "electrolytes") {
      self.readElectrolyte($0)
    }
    guard let name, let source, let negative, let separator, let positive, let electrolyte else {
      return nil
    }
    let parameters = CellParameters(
      negative: negative, separator: separator, positive: positive, electrolyte: electrolyte,
      temperatureK: temperature, contactResistanceOhmM2: contact, areaM2: area)
    var definition = CellDefinition(
      name: name, description: description, source: source, parameters: parameters,
      nominalCapacityAh: nominal.map { $0 / 3600 })
    let prefix = root.path.isEmpty ? "" : "\(root.path)."
    for part in ["negative.material", "positive.material", "electrolyte"] {
      definition.partSources[part] = sources.source(for: prefix + part)
    }
    return definition
  }

  /// A study's cell `key` of `parent`.
  ///
  /// It is a library cell by name, or a mapping that starts from one with `base:` and
  /// overrides what differs. The definition takes the study's name for it.
  func studyCell(_ parent: MappingReader, key: String) -> CellDefinition? {
    let (cell, files) = InputFiles.recording {
      reference(parent, key: key, folder: "cells") { self.readCell($0) }
    }
    return cell.map { cell in
      var definition = CellDefinition(
        name: key, description: cell.description, source: cell.source, parameters: cell.parameters,
        nominalCapacityAh: cell.nominalCapacityAh)
      definition.inputFiles = files
      definition.partSources = cell.partSources
      return definition
    }
  }

  /// The diagnostics collected so far by this loader.
  var diagnostics: [Diagnostic] { sink.diagnostics }

  /// The sink this loader reports into (shared with a study loader).
  var diagnosticSink: DiagnosticSink { sink }

  /// Checks a library material file on its own; returns every problem found.
  public func checkMaterial(path: String) -> [Diagnostic] {
    checkEntry(path: path, folder: "materials") { self.readMaterial($0) != nil }
  }

  /// Checks a library electrolyte file on its own; returns every problem found.
  public func checkElectrolyte(path: String) -> [Diagnostic] {
    checkEntry(path: path, folder: "electrolytes") { self.readElectrolyte($0) != nil }
  }

  private func checkEntry(path: String, folder: String, read: (MappingReader) -> Bool)
    -> [Diagnostic]
  {
    guard let document = YAMLDocument.load(path: path, sink: sink),
      let reader = MappingReader(document.root, file: path, sink: sink, path: "")
    else { return sink.diagnostics }
    reader.allow(["name", "description", "base"])
    attachBase(to: reader, folder: folder, depth: 0)
    _ = reader.string("source", example: "the paper, table or data file the values come from")
    _ = read(reader)
    reader.finish()
    return sink.diagnostics
  }

  /// A mapping given inline, or by name from `libraryFolder/folder/NAME.yaml`; either may
  /// name a `base:` entry of the same folder and override it field by field.
  func reference<T>(
    _ parent: MappingReader, key: String, folder: String, read: (MappingReader) -> T?
  ) -> T? {
    guard
      let located = parent.value(
        key, required: true, example: "a name from the library, or { ... }")
    else { return nil }
    let reader: MappingReader
    if let name = located.node.scalar?.string {
      guard let path = libraryPath(name, folder: folder, at: located.location),
        let document = YAMLDocument.load(path: path, sink: sink),
        let entry = MappingReader(document.root, file: path, sink: sink, path: "")
      else { return nil }
      if entry.string("source", example: "where the values come from") == nil { return nil }
      reader = entry
    } else {
      guard
        let inline = MappingReader(
          located.node, file: located.file, sink: sink,
          path: parent.path.isEmpty ? key : "\(parent.path).\(key)",
          anchor: parent.location(of: key))
      else { return nil }
      reader = inline
    }
    reader.allow(["name", "description", "source", "base"])
    attachBase(to: reader, folder: folder, depth: 0)
    defer { reader.finish() }
    let qualified = parent.path.isEmpty ? key : "\(parent.path).\(key)"
    sources.record(reader.lookup("source")?.node.scalar?.string, for: qualified)
    return read(reader)
  }

  /// The file of library entry `name` in `folder`, or a diagnostic with a suggestion.
  private func libraryPath(_ name: String, folder: String, at location: SourceLocation) -> String? {
    let path = "\(libraryFolder)/\(folder)/\(name).yaml"
    if FileManager.default.fileExists(atPath: path) { return path }
    let available =
      (try? FileManager.default.contentsOfDirectory(atPath: "\(libraryFolder)/\(folder)")) ?? []
    let names = available.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    let hint =
      Suggestions.closest(to: name, in: names).map { "did you mean '\($0)'?" }
      ?? "available: \(names.joined(separator: ", "))"
    let noun = String(folder.dropLast())  // cells → cell, materials → material
    sink.error("no \(noun) named '\(name)' in \(libraryFolder)/\(folder)", at: location, hint: hint)
    return nil
  }

  /// Resolves `base: NAME` into the reader's fallback chain (at most 8 levels, so a cycle is
  /// reported rather than followed forever).
  private func attachBase(to reader: MappingReader, folder: String, depth: Int) {
    guard let base = reader.node.mapping?["base"], let name = base.scalar?.string else { return }
    let at = YAMLDiagnostics.location(of: base, file: reader.file)
    guard depth < 8 else {
      sink.error("'base' entries nest more than 8 deep (a cycle?)", at: at)
      return
    }
    guard let path = libraryPath(name, folder: folder, at: at),
      let document = YAMLDocument.load(path: path, sink: sink),
      let parent = MappingReader(document.root, file: path, sink: sink, path: reader.path)
    else { return }
    attachBase(to: parent, folder: folder, depth: depth + 1)
    reader.fallback = parent
  }

  private func readSeparator(_ reader: MappingReader) -> SeparatorParameters? {
    defer { reader.finish() }
    let thickness = reader.quantity("thickness", .length, open: 0...Double.infinity)
    let porosity = reader.quantity("porosity", .none, open: 0...1)
    let bruggeman = reader.quantity("bruggeman", .none, range: 0...)
    guard let thickness, let porosity, let bruggeman else { return nil }
    return SeparatorParameters(thicknessM: thickness, porosity: porosity, bruggeman: bruggeman)
  }

  private func readElectrolyte(_ reader: MappingReader) -> ElectrolyteParameters? {
    let functions = FunctionReader(reader: reader, sink: reader.sink)
    let variables: Set<ExpressionVariable> = [.c, .temperature]
    let initial = reader.quantity(
      "initial_concentration", .concentration, open: 0...Double.infinity)
    let diffusivity = functions.function(
      "diffusivity", dimension: .diffusivity, variables: variables, example: "3e-10 m2/s")
    let conductivity = functions.function(
      "conductivity", dimension: .conductivity, variables: variables, example: "1 S/m")
    let transference = reader.quantity("transference_number", .none, range: 0...)
    let factor = functions.function(
      "thermodynamic_factor", dimension: .none, variables: variables, required: false, example: "1")
    guard let initial, let diffusivity, let conductivity, let transference else { return nil }
    return ElectrolyteParameters(
      initialConcentrationMolM3: initial, diffusivity: diffusivity, conductivity: conductivity,
      transferenceNumber: transference, thermodynamicFactor: factor ?? .constant(1))
  }
}

/// The `source` texts of the library entries a cell refers to, by the dotted path of the
/// reference ("negative.material"), so a cell's parameter table can cite each part.
private final class SourceBook {
  private var texts: [String: String] = [:]

  func record(_ text: String?, for path: String) {
    texts[path] = text
  }

  func source(for path: String) -> String? { texts[path] }
}
