import CSundials

/// The single place where SUNDIALS return codes are turned into Swift errors.
enum IDAFlag {
  /// Throws a `DAEError` unless `flag` is a success code (zero or a positive warning).
  static func check(_ flag: Int32, _ call: String) throws(DAEError) {
    if flag >= 0 { return }
    throw error(flag, call)
  }

  /// Builds the error for a negative flag returned by `call`.
  static func error(_ flag: Int32, _ call: String) -> DAEError {
    let (name, explanation) =
      linearSolverCalls.contains(call) ? describeLinearSolver(flag) : describe(flag)
    return DAEError(call: call, flag: flag, name: name, explanation: explanation)
  }

  /// The error for a constructor that returned NULL instead of a flag.
  static func nullResult(_ call: String) -> DAEError {
    DAEError(
      call: call, flag: 0, name: "NULL",
      explanation: "the object could not be created (out of memory or invalid sizes)")
  }

  /// Calls of the IDALS interface, whose flags (IDALS_*) reuse the numbers of IDA's own.
  private static let linearSolverCalls: Set<String> = ["IDASetLinearSolver", "IDASetJacFn"]

  private static func describeLinearSolver(_ flag: Int32) -> (String, String) {
    switch flag {
    case IDALS_MEM_NULL: return ("IDALS_MEM_NULL", "the IDA memory block was not created")
    case IDALS_LMEM_NULL: return ("IDALS_LMEM_NULL", "no linear solver is attached")
    case IDALS_ILL_INPUT:
      return ("IDALS_ILL_INPUT", "the linear solver or matrix is incompatible with the vector")
    case IDALS_MEM_FAIL: return ("IDALS_MEM_FAIL", "memory could not be allocated")
    case IDALS_JACFUNC_UNRECVR:
      return ("IDALS_JACFUNC_UNRECVR", "the Jacobian function failed unrecoverably")
    case IDALS_JACFUNC_RECVR:
      return ("IDALS_JACFUNC_RECVR", "the Jacobian function failed recoverably")
    default: return ("IDALS flag \(flag)", "an unlisted linear-solver interface error")
    }
  }

  /// Flags that mean the integration itself failed rather than the API being misused.
  static let numericalFailures: Set<Int32> = [
    IDA_TOO_MUCH_WORK, IDA_TOO_MUCH_ACC, IDA_ERR_FAIL, IDA_CONV_FAIL, IDA_LINIT_FAIL,
    IDA_LSETUP_FAIL, IDA_LSOLVE_FAIL, IDA_RES_FAIL, IDA_REP_RES_ERR, IDA_RTFUNC_FAIL,
    IDA_CONSTR_FAIL, IDA_FIRST_RES_FAIL, IDA_LINESEARCH_FAIL, IDA_NO_RECOVERY,
    IDA_NLS_SETUP_FAIL, IDA_NLS_FAIL,
  ]

  // The explanations follow the IDA user guide's description of each return flag.
  private static func describe(_ flag: Int32) -> (String, String) {
    switch flag {
    case IDA_MEM_NULL: return ("IDA_MEM_NULL", "the IDA memory block was not created")
    case IDA_ILL_INPUT:
      return ("IDA_ILL_INPUT", "an input argument was invalid (sizes, tolerances or times)")
    case IDA_NO_MALLOC: return ("IDA_NO_MALLOC", "IDAInit was not called before this call")
    case IDA_TOO_MUCH_WORK:
      return ("IDA_TOO_MUCH_WORK", "the maximum number of internal steps was taken before tout")
    case IDA_TOO_MUCH_ACC:
      return ("IDA_TOO_MUCH_ACC", "the requested accuracy cannot be reached (tolerances too tight)")
    case IDA_ERR_FAIL:
      return ("IDA_ERR_FAIL", "error test failures repeated or the step size fell to its minimum")
    case IDA_CONV_FAIL:
      return (
        "IDA_CONV_FAIL",
        "the nonlinear solver did not converge repeatedly or the step size fell to its minimum"
      )
    case IDA_LINIT_FAIL: return ("IDA_LINIT_FAIL", "the linear solver could not be initialised")
    case IDA_LSETUP_FAIL:
      return ("IDA_LSETUP_FAIL", "the linear solver setup failed (for example a singular Jacobian)")
    case IDA_LSOLVE_FAIL: return ("IDA_LSOLVE_FAIL", "the linear solve failed unrecoverably")
    case IDA_RES_FAIL: return ("IDA_RES_FAIL", "the residual function failed unrecoverably")
    case IDA_REP_RES_ERR:
      return ("IDA_REP_RES_ERR", "the residual function reported recoverable errors repeatedly")
    case IDA_RTFUNC_FAIL: return ("IDA_RTFUNC_FAIL", "the root function failed")
    case IDA_CONSTR_FAIL: return ("IDA_CONSTR_FAIL", "inequality constraints could not be met")
    case IDA_FIRST_RES_FAIL:
      return ("IDA_FIRST_RES_FAIL", "the residual failed recoverably on its first call")
    case IDA_LINESEARCH_FAIL:
      return ("IDA_LINESEARCH_FAIL", "the line search of the initial-condition solver failed")
    case IDA_NO_RECOVERY:
      return (
        "IDA_NO_RECOVERY", "a recoverable failure of the residual or solver could not be recovered"
      )
    case IDA_NLS_INIT_FAIL:
      return ("IDA_NLS_INIT_FAIL", "the nonlinear solver could not initialise")
    case IDA_NLS_SETUP_FAIL: return ("IDA_NLS_SETUP_FAIL", "the nonlinear solver setup failed")
    case IDA_NLS_FAIL: return ("IDA_NLS_FAIL", "the nonlinear solver failed unrecoverably")
    case IDA_BAD_K: return ("IDA_BAD_K", "the derivative order requested is out of range")
    case IDA_BAD_T: return ("IDA_BAD_T", "the requested time lies outside the last step taken")
    case IDA_BAD_DKY: return ("IDA_BAD_DKY", "the output vector was missing")
    case IDA_VECTOROP_ERR: return ("IDA_VECTOROP_ERR", "a vector operation failed")
    case IDA_CONTEXT_ERR: return ("IDA_CONTEXT_ERR", "the SUNDIALS context was missing")
    case IDA_MEM_FAIL: return ("IDA_MEM_FAIL", "memory could not be allocated")
    case IDA_BAD_EWT:
      return (
        "IDA_BAD_EWT", "an error weight became non-positive (a tolerance is zero where y is zero)"
      )
    default: return ("flag \(flag)", "an unlisted SUNDIALS error")
    }
  }
}
