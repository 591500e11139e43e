import StudyModel

/// Per-volume constants of the discretised cell, computed once per parameter set.
struct DFNGeometry: Sendable {
  /// Width of each volume along x, m.
  let width: [Double]
  /// Distance between the centres of volumes k and k+1, m.
  let centreDistance: [Double]
  /// Electrolyte volume fraction of each volume.
  let porosity: [Double]
  /// ε^b of each volume (effective-transport factor).
  let transportFactor: [Double]
  /// Specific surface area of each volume, 1/m (0 in the separator).
  let specificArea: [Double]
  /// Index into `electrodes` for each volume (0 negative, 1 positive, -1 separator).
  let electrodeIndex: [Int]
  /// Particle shell volumes divided by 4π, m³ (r³/3 differences), per electrode.
  let shellVolume: [[Double]]
  /// Outer-face area of each shell divided by 4π, m² (r²), per electrode.
  let shellFaceArea: [[Double]]
  /// Shell thickness, m, per electrode.
  let shellWidth: [Double]

  init(cell: CellParameters, layout: DFNLayout) {
    let mesh = layout.mesh
    var width: [Double] = []
    var porosity: [Double] = []
    var factor: [Double] = []
    var area: [Double] = []
    var index: [Int] = []
    func append(count: Int, thickness: Double, eps: Double, brug: Double, a: Double, e: Int) {
      for _ in 0..<count {
        width.append(thickness / Double(count))
        porosity.append(eps)
        factor.append(Math.pow(eps, brug))
        area.append(a)
        index.append(e)
      }
    }
    let n = cell.negative
    let s = cell.separator
    let p = cell.positive
    append(
      count: mesh.negative, thickness: n.thicknessM, eps: n.porosity,
      brug: n.bruggemanElectrolyte, a: n.specificAreaPerM, e: 0)
    append(
      count: mesh.separator, thickness: s.thicknessM, eps: s.porosity, brug: s.bruggeman, a: 0,
      e: -1)
    append(
      count: mesh.positive, thickness: p.thicknessM, eps: p.porosity,
      brug: p.bruggemanElectrolyte, a: p.specificAreaPerM, e: 1)
    self.width = width
    self.centreDistance = (0..<(width.count - 1)).map { (width[$0] + width[$0 + 1]) / 2 }
    self.porosity = porosity
    self.transportFactor = factor
    self.specificArea = area
    self.electrodeIndex = index
    var volumes: [[Double]] = []
    var faces: [[Double]] = []
    var shells: [Double] = []
    for electrode in [n, p] {
      let dr = electrode.particleRadiusM / Double(mesh.particle)
      shells.append(dr)
      volumes.append(
        (0..<mesh.particle).map { i in
          (Math.pow(Double(i + 1) * dr, 3) - Math.pow(Double(i) * dr, 3)) / 3
        })
      faces.append((0..<mesh.particle).map { i in Math.pow(Double(i + 1) * dr, 2) })
    }
    self.shellVolume = volumes
    self.shellFaceArea = faces
    self.shellWidth = shells
  }
}
