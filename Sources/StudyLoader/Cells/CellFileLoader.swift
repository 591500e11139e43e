import Foundation
import StudyModel
import Yams

/// Reads cell files (`studies/library/cells/*.yaml`, or a study's own), resolving materials and
/// electrolytes that are given by name from the library.
public struct CellFileLoader {
  /// The library folder that named materials and electrolytes are looked up in.
  public let libraryFolder: String
  private let sink = DiagnosticSink()
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
  private func reference<T>(
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

  private func readElectrode(_ reader: MappingReader) -> ElectrodeParameters? {
    defer { reader.finish() }
    // Thickness, or areal loading of active material (thickness = loading / (ε_s ρ)).
    let byLoading = reader.has("loading") && !reader.hasOwn("thickness")
    reader.allow(["thickness", "loading"])
    let thickness =
      byLoading ? nil : reader.quantity("thickness", .length, open: 0...Double.infinity)
    let loading =
      byLoading
      ? reader.quantity("loading", UnitDimension(m: -2, kg: 1), open: 0...Double.infinity) : nil
    let porosity = reader.quantity("porosity", .none, open: 0...1)
    let active = reader.quantity("active_fraction", .none, open: 0...1)
    let radius = reader.quantity("particle_radius", .length, open: 0...Double.infinity)
    let conductivity = reader.quantity("conductivity", .conductivity, open: 0...Double.infinity)
    let bruggeman = reader.quantity("bruggeman", .none, range: 0...)
    let bruggemanSolid =
      reader.quantity("bruggeman_solid", .none, required: false, range: 0...) ?? 0
    let film =
      reader.quantity("film_resistance", .areaResistance, required: false, range: 0...) ?? 0
    let initial = reader.quantity("initial_stoichiometry", .none, open: 0...1)
    let material = reference(reader, key: "material", folder: "materials") { self.readMaterial($0) }
    if let porosity, let active, porosity + active > 1 + 1e-12 {
      reader.sink.error(
        "'\(reader.path).porosity' (\(porosity)) and '\(reader.path).active_fraction' (\(active)) add up to more than 1",
        at: reader.location(of: "active_fraction"),
        hint: "volume fractions of pores and active material cannot exceed 1")
    }
    guard let porosity, let active, let radius, let conductivity, let bruggeman, let initial,
      let material
    else { return nil }
    var resolvedThickness = thickness
    if let loading {
      guard let density = material.density, density > 0 else {
        reader.sink.error(
          "'\(reader.path).loading' needs the material's 'density' to give a thickness",
          at: reader.location(of: "loading"), hint: "add 'density: 2.24 g/cm3' to the material")
        return nil
      }
      resolvedThickness = loading / (active * density)
    }
    guard let thickness = resolvedThickness else { return nil }
    return ElectrodeParameters(
      thicknessM: thickness, porosity: porosity, activeFraction: active, particleRadiusM: radius,
      conductivitySM: conductivity, bruggemanElectrolyte: bruggeman, bruggemanSolid: bruggemanSolid,
      filmResistanceOhmM2: film, maxConcentrationMolM3: material.maxConcentration,
      diffusivity: material.diffusivity, rateConstant: material.rateConstant,
      anodicTransferCoefficient: material.transferCoefficient, openCircuitPotential: material.ocp,
      initialStoichiometry: initial, activeDensityKgM3: material.density ?? 0,
      practicalWindow: material.window)
  }

  struct Material {
    let maxConcentration: Double
    let diffusivity: MaterialFunction
    let rateConstant: Double
    let transferCoefficient: Double
    let ocp: MaterialFunction
    let density: Double?
    let window: ClosedRange<Double>
  }

  private func readMaterial(_ reader: MappingReader) -> Material? {
    if reader.has("blend") { return readBlend(reader) }
    let functions = FunctionReader(reader: reader, sink: reader.sink)
    let ocp = functions.function(
      "ocp", dimension: .voltage, variables: [.x, .temperature], example: "4.2 - 0.5 * x")
    let diffusivity = functions.function(
      "diffusivity", dimension: .diffusivity, variables: [.x, .temperature], example: "5e-14 m2/s")
    let rate = reader.quantity("rate_constant", .rateConstant, open: 0...Double.infinity)
    let alpha = reader.quantity("transfer_coefficient", .none, required: false, open: 0...1) ?? 0.5
    let density = reader.quantity("density", .density, required: false, open: 0...Double.infinity)
    let maximum = maxConcentration(reader, density: density)
    let window = practicalWindow(reader)
    guard let ocp, let diffusivity, let rate, let maximum else { return nil }
    return Material(
      maxConcentration: maximum, diffusivity: diffusivity, rateConstant: rate,
      transferCoefficient: alpha, ocp: ocp, density: density, window: window)
  }

  /// A blend of materials in equilibrium (see `MaterialBlend`): a list of components, each a
  /// material (by name or inline) with its `volume_fraction` or `mass_fraction` of the active
  /// material; the shares must add up to 1.
  private func readBlend(_ reader: MappingReader) -> Material? {
    reader.allow(["blend"])
    let window = practicalWindow(reader)
    let alpha = reader.quantity("transfer_coefficient", .none, required: false, open: 0...1) ?? 0.5
    guard let located = reader.value("blend", required: true, example: "[...]") else { return nil }
    guard let items = located.node.sequence, items.count >= 2 else {
      sink.error(
        "'\(reader.path).blend' must list at least two components", at: located.location,
        hint: "- {material: graphite-x, mass_fraction: 0.96}")
      return nil
    }
    var parts: [(material: Material, share: Double, byMass: Bool, at: SourceLocation)] = []
    for (index, item) in items.enumerated() {
      let path = "\(reader.path).blend[\(index + 1)]"
      guard
        let entry = MappingReader(
          item, file: located.file, sink: sink, path: path,
          anchor: YAMLDiagnostics.location(of: item, file: located.file))
      else { return nil }
      defer { entry.finish() }
      let byMass = entry.hasOwn("mass_fraction")
      entry.allow(["mass_fraction", "volume_fraction"])
      let share = entry.quantity(
        byMass ? "mass_fraction" : "volume_fraction", .none, open: 0...1.000001)
      let material = reference(entry, key: "material", folder: "materials") {
        self.readMaterial($0)
      }
      guard let share, let material else { return nil }
      parts.append((material, share, byMass, entry.location))
    }
    let total = parts.reduce(0) { $0 + $1.share }
    guard abs(total - 1) < 1e-6 else {
      sink.error(
        "the fractions of '\(reader.path).blend' add up to \(total), not 1", at: located.location,
        hint: "give every component's share of the active material")
      return nil
    }
    guard Set(parts.map(\.byMass)).count == 1 else {
      sink.error(
        "'\(reader.path).blend' mixes mass and volume fractions", at: located.location,
        hint: "use mass_fraction for every component, or volume_fraction for every one")
      return nil
    }
    var volumes = parts.map(\.share)
    if parts[0].byMass {
      guard parts.allSatisfy({ ($0.material.density ?? 0) > 0 }) else {
        sink.error(
          "mass fractions need every component's density", at: located.location,
          hint: "add 'density:' to each material, or give volume_fraction instead")
        return nil
      }
      let specific = parts.map { $0.share / ($0.material.density ?? 1) }
      volumes = specific.map { $0 / specific.reduce(0, +) }
    }
    let components = zip(parts, volumes).map { part, volume in
      MaterialBlend.Component(
        volumeShare: volume, maxConcentrationMolM3: part.material.maxConcentration,
        openCircuitPotential: part.material.ocp, diffusivity: part.material.diffusivity,
        rateConstant: part.material.rateConstant)
    }
    let blended: MaterialBlend.Blended
    do {
      blended = try MaterialBlend.combine(components, temperatureK: 298.15)
    } catch {
      sink.error("cannot combine '\(reader.path).blend': \(error.message)", at: located.location)
      return nil
    }
    var density: Double?
    if parts.allSatisfy({ $0.material.density != nil }) {
      density = zip(parts, volumes).reduce(0) { $0 + $1.1 * ($1.0.material.density ?? 0) }
    }
    return Material(
      maxConcentration: blended.maxConcentrationMolM3, diffusivity: blended.diffusivity,
      rateConstant: blended.rateConstant, transferCoefficient: alpha,
      ocp: blended.openCircuitPotential, density: density, window: window)
  }

  /// c_max from `max_concentration`, `site_density` or `specific_capacity` with `density`.
  private func maxConcentration(_ reader: MappingReader, density: Double?) -> Double? {
    let options = ["max_concentration", "site_density", "specific_capacity"]
    // An entry that gives one of the three replaces whichever its base gave.
    let own = options.filter { reader.hasOwn($0) }
    let given = own.isEmpty ? options.filter { reader.has($0) } : own
    reader.allow(options)
    guard given.count == 1 else {
      reader.sink.error(
        given.isEmpty
          ? "'\(reader.path)' needs one of max_concentration, site_density or specific_capacity"
          : "'\(reader.path)' gives \(given.joined(separator: " and ")); give exactly one",
        at: reader.location, hint: "for example 'max_concentration: 34705 mol/m3'")
      return nil
    }
    switch given[0] {
    case "max_concentration":
      return reader.quantity("max_concentration", .concentration, open: 0...Double.infinity)
    case "site_density":
      return reader.quantity("site_density", .numberDensity, open: 0...Double.infinity).map {
        $0 / 6.02214076e23
      }
    default:
      guard
        let capacity = reader.quantity(
          "specific_capacity", .specificCharge, open: 0...Double.infinity)
      else { return nil }
      guard let density else {
        reader.sink.error(
          "'\(reader.path).specific_capacity' needs 'density' to give a concentration",
          at: reader.location(of: "specific_capacity"), hint: "add 'density: 2.24 g/cm3'")
        return nil
      }
      return capacity * density / 96485.33212
    }
  }

  private func practicalWindow(_ reader: MappingReader) -> ClosedRange<Double> {
    guard let located = reader.value("practical_window", required: false, example: "[0.0, 0.865]")
    else {
      return 0...1
    }
    let values = located.node.sequence?.compactMap { $0.scalar.flatMap { Double($0.string) } } ?? []
    guard values.count == 2, values[0] >= 0, values[0] < values[1], values[1] <= 1 else {
      reader.sink.error(
        "'\(reader.path).practical_window' must be two stoichiometries [lower, upper] with 0 ≤ lower < upper ≤ 1",
        at: located.location,
        hint: "for example '[0.0, 0.865]'")
      return 0...1
    }
    return values[0]...values[1]
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
