import StudyModel

/// The finite-volume resolution of a DFN model.
public struct DFNMesh: Sendable, Equatable, Hashable {
  /// Volumes across the negative electrode.
  public var negative: Int
  /// Volumes across the separator.
  public var separator: Int
  /// Volumes across the positive electrode.
  public var positive: Int
  /// Radial shells per particle.
  public var particle: Int

  /// A mesh with `perRegion` volumes in each region and `particle` shells per particle.
  public init(perRegion: Int, particle: Int) {
    self.init(negative: perRegion, separator: perRegion, positive: perRegion, particle: particle)
  }

  /// A mesh with explicit counts per region.
  public init(negative: Int, separator: Int, positive: Int, particle: Int) {
    self.negative = negative
    self.separator = separator
    self.positive = positive
    self.particle = particle
  }

  /// The mesh of the PyBaMM reference's coarse cases (20 per region, 10 shells).
  public static let coarse = DFNMesh(perRegion: 20, particle: 10)
  /// The mesh of the PyBaMM reference's fine cases (60 per region, 40 shells).
  public static let fine = DFNMesh(perRegion: 60, particle: 40)
}
