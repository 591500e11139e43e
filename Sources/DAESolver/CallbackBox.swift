import CSundials

/// What the C callbacks reach through IDA's `user_data`: the system and the fixed pattern.
final class CallbackBox {
  let system: any DAESystem
  let size: Int
  let rootCount: Int
  let columnStarts: [sunindextype]
  let rowIndices: [sunindextype]
  /// IDA's most recent error message, kept instead of printed to stderr.
  var lastMessage = ""
  /// The relative tolerance of the error weights.
  var relativeTolerance = 0.0
  /// The absolute tolerance of each component.
  var absoluteTolerances: [Double] = []

  init(system: any DAESystem, problem: DAEProblem) {
    self.system = system
    self.size = problem.size
    self.rootCount = problem.rootCount
    self.columnStarts = problem.pattern.columnStarts.map { sunindextype($0) }
    self.rowIndices = problem.pattern.rowIndices.map { sunindextype($0) }
  }

  /// Runs `body` with the box behind `pointer`, which the solver keeps alive for as long as IDA
  /// can call back: no reference counting on the callbacks' path (it was a few percent of a
  /// sweep's time).
  @inline(__always)
  static func with<Result>(
    _ pointer: UnsafeMutableRawPointer?, _ body: (CallbackBox) -> Result
  ) -> Result {
    guard let pointer else { preconditionFailure("IDA called back without user data") }
    return Unmanaged<CallbackBox>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
  }
}

extension CallbackStatus {
  /// The integer IDA expects from a callback.
  var code: Int32 {
    switch self {
    case .ok: return 0
    case .recoverable: return 1
    case .unrecoverable: return -1
    }
  }
}

/// The data of a SUNDIALS serial vector.
func vectorData(_ vector: N_Vector?) -> UnsafeMutablePointer<Double> {
  guard let data = N_VGetArrayPointer(vector) else { preconditionFailure("empty N_Vector") }
  return data
}

// MARK: - C entry points

func residualEntry(
  _ t: sunrealtype, _ y: N_Vector?, _ yp: N_Vector?, _ r: N_Vector?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  CallbackBox.with(userData) { box in
    let ySpan = Span(_unsafeStart: vectorData(y), count: box.size)
    let ypSpan = Span(_unsafeStart: vectorData(yp), count: box.size)
    var residual = MutableSpan(_unsafeStart: vectorData(r), count: box.size)
    return box.system.residual(t: t, y: ySpan, yp: ypSpan, residual: &residual).code
  }
}

func jacobianEntry(
  _ t: sunrealtype, _ cj: sunrealtype, _ y: N_Vector?, _ yp: N_Vector?, _ r: N_Vector?,
  _ matrix: SUNMatrix?, _ userData: UnsafeMutableRawPointer?,
  _ tmp1: N_Vector?, _ tmp2: N_Vector?, _ tmp3: N_Vector?
) -> Int32 {
  // IDA zeroes the whole sparse matrix (structure included) before each call.
  guard let starts = SUNSparseMatrix_IndexPointers(matrix),
    let rows = SUNSparseMatrix_IndexValues(matrix),
    let data = SUNSparseMatrix_Data(matrix)
  else { return -1 }
  return CallbackBox.with(userData) { box in
    for (index, start) in box.columnStarts.enumerated() { starts[index] = start }
    for (index, row) in box.rowIndices.enumerated() { rows[index] = row }
    let ySpan = Span(_unsafeStart: vectorData(y), count: box.size)
    let ypSpan = Span(_unsafeStart: vectorData(yp), count: box.size)
    var values = MutableSpan(_unsafeStart: data, count: box.rowIndices.count)
    return box.system.jacobian(t: t, cj: cj, y: ySpan, yp: ypSpan, values: &values).code
  }
}

func weightEntry(_ y: N_Vector?, _ weights: N_Vector?, _ userData: UnsafeMutableRawPointer?)
  -> Int32
{
  CallbackBox.with(userData) { box in
    let values = vectorData(y)
    let target = vectorData(weights)
    return box.absoluteTolerances.withUnsafeBufferPointer { absolute -> Int32 in
      guard let absolute = absolute.baseAddress else { return -1 }
      return CSundials_ErrorWeights(
        sunindextype(box.size), box.relativeTolerance, absolute, values, target)
    }
  }
}

func rootEntry(
  _ t: sunrealtype, _ y: N_Vector?, _ yp: N_Vector?, _ g: UnsafeMutablePointer<sunrealtype>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let g else { return -1 }
  return CallbackBox.with(userData) { box in
    let ySpan = Span(_unsafeStart: vectorData(y), count: box.size)
    let ypSpan = Span(_unsafeStart: vectorData(yp), count: box.size)
    var values = MutableSpan(_unsafeStart: g, count: box.rootCount)
    box.system.roots(t: t, y: ySpan, yp: ypSpan, values: &values)
    return 0
  }
}

func errorEntry(
  _ code: Int32, _ module: UnsafePointer<CChar>?, _ function: UnsafePointer<CChar>?,
  _ message: UnsafeMutablePointer<CChar>?, _ userData: UnsafeMutableRawPointer?
) {
  CallbackBox.with(userData) { $0.lastMessage = message.map { String(cString: $0) } ?? "" }
}
