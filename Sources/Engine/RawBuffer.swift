extension UnsafeMutablePointer {
  /// A new allocation holding a copy of `values` (at least one element, so that an empty
  /// block still has an address): the raw storage of the Newton solvers, freed by their owner.
  static func copying(_ values: [Pointee]) -> UnsafeMutablePointer<Pointee> {
    let pointer = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(values.count, 1))
    pointer.initialize(from: values, count: values.count)
    return pointer
  }
}
