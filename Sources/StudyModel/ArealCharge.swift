/// The conversions between the units results are stored in (SI) and those batteries are
/// quoted in.
public enum ArealCharge {
  /// Coulombs per m² in one mAh/cm² (3.6 C per mAh, 10 000 cm² per m²); inlinable, so the
  /// residual divides by a constant.
  @inlinable public static var coulombsPerM2PerMAhCm2: Double { 36000 }
  /// Coulombs per kg in one mAh/g.
  @inlinable public static var coulombsPerKgPerMAhG: Double { 3600 }
}
