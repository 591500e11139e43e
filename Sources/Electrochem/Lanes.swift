/// Four neighbouring values of a raw buffer as one vector.
///
/// For the loops over particles, which lie side by side in the state: the arithmetic stays
/// element by element (the same bits as the scalar loop) in a quarter of the instructions,
/// where the compiler would not vectorise on its own (it cannot rule out that the buffers
/// overlap).
@usableFromInline package typealias Lanes = SIMD4<Double>

extension UnsafePointer where Pointee == Double {
  /// The four values from `index` on.
  @inlinable @inline(__always) package func lanes(at index: Int) -> Lanes {
    UnsafeRawPointer(self + index).loadUnaligned(as: Lanes.self)
  }
}

extension UnsafeMutablePointer where Pointee == Double {
  /// The four values from `index` on.
  @inlinable @inline(__always) package func lanes(at index: Int) -> Lanes {
    UnsafeRawPointer(self + index).loadUnaligned(as: Lanes.self)
  }

  /// Writes `value` to the four places from `index` on.
  @inlinable @inline(__always) package func setLanes(_ value: Lanes, at index: Int) {
    UnsafeMutableRawPointer(self + index).storeBytes(of: value, as: Lanes.self)
  }
}
