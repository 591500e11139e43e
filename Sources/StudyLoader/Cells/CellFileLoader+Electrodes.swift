import Foundation
import StudyModel
import Yams

extension CellFileLoader {
  func readElectrode(_ reader: MappingReader) -> ElectrodeParameters? {
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
    let degradation = DegradationReader(reader: reader).read()
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
      practicalWindow: material.window, degradation: degradation)
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

  func readMaterial(_ reader: MappingReader) -> Material? {
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
  func readBlend(_ reader: MappingReader) -> Material? {
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
  func maxConcentration(_ reader: MappingReader, density: Double?) -> Double? {
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

  func practicalWindow(_ reader: MappingReader) -> ClosedRange<Double> {
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
}
