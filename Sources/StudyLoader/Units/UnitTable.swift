import StudyModel

/// The unit symbols study files may use, with their SI scale and dimension.
enum UnitTable {
  private static func unit(_ factor: Double, _ dimension: UnitDimension) -> UnitValue {
    UnitValue(factor: factor, offset: 0, dimension: dimension)
  }

  static let symbols: [String: UnitValue] = [
    "m": unit(1, .length), "cm": unit(1e-2, .length), "mm": unit(1e-3, .length),
    "um": unit(1e-6, .length), "µm": unit(1e-6, .length), "nm": unit(1e-9, .length),
    "mg": unit(1e-6, UnitDimension(kg: 1)), "g": unit(1e-3, UnitDimension(kg: 1)),
    "kg": unit(1, UnitDimension(kg: 1)),
    "s": unit(1, .time), "min": unit(60, .time), "h": unit(3600, .time),
    "A": unit(1, .current), "mA": unit(1e-3, .current),
    "K": unit(1, .temperature), "mol": unit(1, UnitDimension(mol: 1)),
    "L": unit(1e-3, UnitDimension(m: 3)),
    "M": unit(1000, .concentration),
    "V": unit(1, .voltage), "mV": unit(1e-3, .voltage),
    "%": unit(0.01, .none),
    "S": unit(1, UnitDimension(m: -2, kg: -1, s: 3, a: 2)),
    "ohm": unit(1, UnitDimension(m: 2, kg: 1, s: -3, a: -2)),
    "Ohm": unit(1, UnitDimension(m: 2, kg: 1, s: -3, a: -2)),
    "C": unit(1, .charge), "Ah": unit(3600, .charge), "mAh": unit(3.6, .charge),
    "W": unit(1, UnitDimension(m: 2, kg: 1, s: -3)),
    "Wh": unit(3600, UnitDimension(m: 2, kg: 1, s: -2)),
    "mWh": unit(3.6, UnitDimension(m: 2, kg: 1, s: -2)),
    "J": unit(1, UnitDimension(m: 2, kg: 1, s: -2)),
    "kJ": unit(1e3, UnitDimension(m: 2, kg: 1, s: -2)),
    "Pa": unit(1, .pressure), "kPa": unit(1e3, .pressure), "MPa": unit(1e6, .pressure),
    "GPa": unit(1e9, .pressure),
  ]
}
