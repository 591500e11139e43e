import CSundials

/// How a call to `IDASolver.advance(to:)` ended.
public enum AdvanceOutcome: Sendable, Equatable {
  /// The requested output time was reached.
  case reached(time: Double)
  /// A root function changed sign; `directions` has one entry per root function
  /// (+1 rising, −1 falling, 0 not triggered).
  case root(time: Double, directions: [Int])
  /// The integration failed; the state is the last one IDA accepted.
  case failed(DAEError)
}

/// Counters of the work IDA has done since the last reset.
public struct IDAStatistics: Sendable, Equatable {
  /// All counters at zero.
  public init() {}

  /// Internal time steps taken.
  public var steps = 0
  /// Residual evaluations.
  public var residualEvaluations = 0
  /// Jacobian evaluations.
  public var jacobianEvaluations = 0
  /// Nonlinear (Newton) iterations.
  public var nonlinearIterations = 0
  /// Local error test failures.
  public var errorTestFailures = 0
  /// Nonlinear convergence failures.
  public var convergenceFailures = 0
}

/// IDA with the KLU sparse direct solver and a user Jacobian, for one `DAEProblem`.
///
/// One instance is reused for many integrations of the same structure (reset it with new
/// initial values); KLU keeps its symbolic analysis between them. Not thread-safe: use one
/// solver per worker.
public final class IDASolver {
  private let problem: DAEProblem
  private let box: CallbackBox
  private let options: IDAOptions
  private var context: SUNContext?
  private var memory: UnsafeMutableRawPointer?
  private var y: N_Vector?
  private var yp: N_Vector?
  private var matrix: SUNMatrix?
  private var linearSolver: SUNLinearSolver?
  private let directSolver: LinearSolverBox?
  private var initialized = false

  /// Creates the SUNDIALS objects for `problem`; throws only when SUNDIALS refuses them.
  ///
  /// The Newton systems are solved by `linearSolver` when one is given, and by KLU otherwise.
  public init(
    problem: DAEProblem, system: any DAESystem, options: IDAOptions,
    linearSolver: (any DAELinearSolver)? = nil
  ) throws(DAEError) {
    self.problem = problem
    self.box = CallbackBox(system: system, problem: problem)
    self.options = options
    self.directSolver = linearSolver.map(LinearSolverBox.init)
    try create()
  }

  deinit {
    if memory != nil { IDAFree(&memory) }
    if let linearSolver { _ = SUNLinSolFree(linearSolver) }
    if let matrix { SUNMatDestroy(matrix) }
    if let y { N_VDestroy(y) }
    if let yp { N_VDestroy(yp) }
    if context != nil { _ = SUNContext_Free(&context) }
  }

  private func create() throws(DAEError) {
    try IDAFlag.check(SUNContext_Create(nil, &context), "SUNContext_Create")
    let size = sunindextype(problem.size)
    y = CSundials_NewVector(size, context)
    yp = CSundials_NewVector(size, context)
    guard y != nil, yp != nil else { throw IDAFlag.nullResult("N_VNew_Serial") }
    matrix = CSundials_NewSparseMatrix(
      size, sunindextype(problem.pattern.nonzeroCount), context)
    guard matrix != nil else { throw IDAFlag.nullResult("SUNSparseMatrix") }
    if let directSolver {
      linearSolver = CSundials_DirectSolver(
        context, Unmanaged.passUnretained(directSolver).toOpaque(), linearFactorEntry,
        linearSolveEntry)
      guard linearSolver != nil else { throw IDAFlag.nullResult("CSundials_DirectSolver") }
    } else {
      linearSolver = CSundials_KLU(y, matrix, context)
      guard linearSolver != nil else { throw IDAFlag.nullResult("SUNLinSol_KLU") }
    }
    memory = IDACreate(context)
    guard memory != nil else { throw IDAFlag.nullResult("IDACreate") }
  }

  /// Whether the algebraic components are left out of the local error test (`suppressalg`).
  ///
  /// They follow from the differential ones, so only the latter need to meet the tolerances.
  /// Takes effect from the next step.
  public var suppressesAlgebraicError = false {
    didSet {
      guard initialized, suppressesAlgebraicError != oldValue else { return }
      _ = IDASetSuppressAlg(memory, suppressesAlgebraicError ? 1 : 0)
    }
  }

  /// The factor on both tolerances (1: those of the options); a smaller one makes the next
  /// steps' error test stricter, for retrying a stretch the integrator failed on.
  public var toleranceScale = 1.0 {
    didSet {
      guard toleranceScale != oldValue else { return }
      let tolerances = options.absoluteTolerances
      box.relativeTolerance = options.relativeTolerance * toleranceScale
      box.absoluteTolerances =
        (tolerances.count == 1 ? Array(repeating: tolerances[0], count: problem.size) : tolerances)
        .map { $0 * toleranceScale }
    }
  }

  /// The current time of the integrator.
  public private(set) var time: Double = 0

  /// A copy of the current state y.
  public var state: [Double] {
    Array(UnsafeBufferPointer(start: vectorData(y), count: problem.size))
  }

  /// A copy of the current time derivative y'.
  public var derivative: [Double] {
    Array(UnsafeBufferPointer(start: vectorData(yp), count: problem.size))
  }

  /// Starts a new integration at `t0` from (`y0`, `yp0`), keeping the solver objects.
  public func reset(time t0: Double, state y0: [Double], derivative yp0: [Double]) throws(DAEError)
  {
    precondition(y0.count == problem.size && yp0.count == problem.size, "wrong state size")
    copy(y0, into: y)
    projectOntoConstraints()
    copy(yp0, into: yp)
    if initialized {
      try IDAFlag.check(IDAReInit(memory, t0, y, yp), "IDAReInit")
    } else {
      try firstInit(t0)
    }
    time = t0
  }

  private func firstInit(_ t0: Double) throws(DAEError) {
    try IDAFlag.check(IDAInit(memory, residualEntry, t0, y, yp), "IDAInit")
    let userData = Unmanaged.passUnretained(box).toOpaque()
    try IDAFlag.check(IDASetUserData(memory, userData), "IDASetUserData")
    try IDAFlag.check(IDASetErrHandlerFn(memory, errorEntry, userData), "IDASetErrHandlerFn")
    try setTolerances()
    try IDAFlag.check(IDASetLinearSolver(memory, linearSolver, matrix), "IDASetLinearSolver")
    try IDAFlag.check(IDASetJacFn(memory, jacobianEntry), "IDASetJacFn")
    try IDAFlag.check(
      IDASetMaxNumSteps(memory, Int(options.maxStepsPerOutput)), "IDASetMaxNumSteps")
    if options.maxStepSize > 0 {
      try IDAFlag.check(IDASetMaxStep(memory, options.maxStepSize), "IDASetMaxStep")
    }
    try setDifferentialMask()
    try setConstraints()
    try IDAFlag.check(
      IDASetSuppressAlg(memory, suppressesAlgebraicError ? 1 : 0), "IDASetSuppressAlg")
    if problem.rootCount > 0 {
      try IDAFlag.check(
        IDARootInit(memory, Int32(problem.rootCount), rootEntry), "IDARootInit")
      if let directions = problem.rootDirections {
        var values = directions.map { Int32($0) }
        try IDAFlag.check(IDASetRootDirection(memory, &values), "IDASetRootDirection")
      }
    }
    initialized = true
  }

  /// Error weights 1 / (rtol |y_i| + atol_i), computed in one pass by `weightEntry` (IDA's
  /// own routine makes four passes over the vector).
  private func setTolerances() throws(DAEError) {
    let tolerances = options.absoluteTolerances
    precondition(
      tolerances.count == 1 || tolerances.count == problem.size,
      "one absolute tolerance, or one per component")
    // The checks IDASVtolerances makes: nothing negative.
    guard options.relativeTolerance >= 0, tolerances.allSatisfy({ $0 >= 0 }) else {
      var error = IDAFlag.error(IDA_ILL_INPUT, "IDAWFtolerances")
      error.detail = "tolerances must not be negative"
      throw error
    }
    box.relativeTolerance = options.relativeTolerance
    box.absoluteTolerances =
      tolerances.count == 1 ? Array(repeating: tolerances[0], count: problem.size) : tolerances
    try IDAFlag.check(IDAWFtolerances(memory, weightEntry), "IDAWFtolerances")
  }

  private func setDifferentialMask() throws(DAEError) {
    let vector = CSundials_NewVector(sunindextype(problem.size), context)
    defer { N_VDestroy(vector) }
    copy(problem.isDifferential.map { $0 ? 1.0 : 0.0 }, into: vector)
    try IDAFlag.check(IDASetId(memory, vector), "IDASetId")
  }

  private func setConstraints() throws(DAEError) {
    guard !problem.nonNegative.isEmpty else { return }
    let vector = CSundials_NewVector(sunindextype(problem.size), context)
    defer { N_VDestroy(vector) }
    var flags = [Double](repeating: 0, count: problem.size)
    for index in problem.nonNegative { flags[index] = 1 }  // 1: y ≥ 0
    copy(flags, into: vector)
    try IDAFlag.check(IDASetConstraints(memory, vector), "IDASetConstraints")
  }

  private func copy(_ values: [Double], into vector: N_Vector?) {
    let target = vectorData(vector)
    for index in values.indices { target[index] = values[index] }
  }

  /// Makes the algebraic components and the derivatives of the differential ones
  /// consistent (IDACalcIC with IDA_YA_YDP_INIT), looking ahead to `nextTime`.
  public func correctInitialConditions(nextTime: Double) throws(DAEError) {
    box.lastMessage = ""
    let flag = IDACalcIC(memory, IDA_YA_YDP_INIT, nextTime)
    if flag < 0 { throw withDetail(IDAFlag.error(flag, "IDACalcIC")) }
    try IDAFlag.check(IDAGetConsistentIC(memory, y, yp), "IDAGetConsistentIC")
  }

  /// Integrates to `outputTime`, never past `stopTime` when given, stopping early at a root.
  ///
  /// With `singleStep`, returns after one internal step towards `outputTime` instead.
  public func advance(to outputTime: Double, stopTime: Double? = nil, singleStep: Bool = false)
    -> AdvanceOutcome
  {
    box.lastMessage = ""
    if let stopTime {
      let flag = IDASetStopTime(memory, stopTime)
      if flag < 0 { return .failed(IDAFlag.error(flag, "IDASetStopTime")) }
    }
    var reachedTime: sunrealtype = time
    let flag = IDASolve(
      memory, outputTime, &reachedTime, y, yp, singleStep ? IDA_ONE_STEP : IDA_NORMAL)
    time = reachedTime
    if flag < 0 { return .failed(withDetail(IDAFlag.error(flag, "IDASolve"))) }
    projectOntoConstraints()
    if flag == IDA_ROOT_RETURN { return .root(time: reachedTime, directions: rootDirections()) }
    return .reached(time: reachedTime)
  }

  /// IDA keeps its internal steps within the constraints, but a state it interpolates (at a
  /// root or an output time) can lie a rounding error below a bound: it is put on the bound,
  /// both in what the caller reads and in where a new integration starts.
  private func projectOntoConstraints() {
    let values = vectorData(y)
    for index in problem.nonNegative where values[index] < 0 { values[index] = 0 }
  }

  private func rootDirections() -> [Int] {
    var found = [Int32](repeating: 0, count: problem.rootCount)
    _ = IDAGetRootInfo(memory, &found)
    return found.map { Int($0) }
  }

  private func withDetail(_ error: DAEError) -> DAEError {
    var error = error
    error.detail = box.lastMessage
    return error
  }

  /// Work counters since the solver was created.
  public var statistics: IDAStatistics {
    var stats = IDAStatistics()
    var value = 0
    IDAGetNumSteps(memory, &value)
    stats.steps = value
    IDAGetNumResEvals(memory, &value)
    stats.residualEvaluations = value
    IDAGetNumJacEvals(memory, &value)
    stats.jacobianEvaluations = value
    IDAGetNumNonlinSolvIters(memory, &value)
    stats.nonlinearIterations = value
    IDAGetNumErrTestFails(memory, &value)
    stats.errorTestFailures = value
    IDAGetNumNonlinSolvConvFails(memory, &value)
    stats.convergenceFailures = value
    return stats
  }
}
