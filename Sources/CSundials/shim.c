#include "CSundials.h"

#include <stdlib.h>

#include <sunlinsol/sunlinsol_klu.h>

SUNLinearSolver CSundials_KLU(N_Vector y, SUNMatrix a, SUNContext context) {
  return SUNLinSol_KLU(y, a, context);
}

// A direct linear solver whose factorisation and solve are supplied by the caller.
struct CSundials_Direct {
  void *content;
  CSundials_FactorFn factor;
  CSundials_SolveFn solve;
};

static SUNLinearSolver_Type direct_type(SUNLinearSolver solver) { return SUNLINEARSOLVER_DIRECT; }

static SUNLinearSolver_ID direct_id(SUNLinearSolver solver) { return SUNLINEARSOLVER_CUSTOM; }

static int direct_initialize(SUNLinearSolver solver) { return SUNLS_SUCCESS; }

static int direct_setup(SUNLinearSolver solver, SUNMatrix a) {
  struct CSundials_Direct *direct = solver->content;
  return direct->factor(direct->content, SM_DATA_S(a)) == 0 ? SUNLS_SUCCESS : SUNLS_LUFACT_FAIL;
}

static int direct_solve(SUNLinearSolver solver, SUNMatrix a, N_Vector x, N_Vector b,
                        realtype tolerance) {
  struct CSundials_Direct *direct = solver->content;
  N_VScale(1.0, b, x);
  return direct->solve(direct->content, NV_DATA_S(x)) == 0 ? SUNLS_SUCCESS
                                                           : SUNLS_PACKAGE_FAIL_REC;
}

static sunindextype direct_last_flag(SUNLinearSolver solver) { return 0; }

static int direct_free(SUNLinearSolver solver) {
  if (solver == NULL) return SUNLS_SUCCESS;
  free(solver->content);
  solver->content = NULL;
  SUNLinSolFreeEmpty(solver);
  return SUNLS_SUCCESS;
}

SUNLinearSolver CSundials_DirectSolver(SUNContext context, void *content,
                                       CSundials_FactorFn factor, CSundials_SolveFn solve) {
  SUNLinearSolver solver = SUNLinSolNewEmpty(context);
  if (solver == NULL) return NULL;
  struct CSundials_Direct *direct = malloc(sizeof(struct CSundials_Direct));
  if (direct == NULL) {
    SUNLinSolFreeEmpty(solver);
    return NULL;
  }
  direct->content = content;
  direct->factor = factor;
  direct->solve = solve;
  solver->content = direct;
  solver->ops->gettype = direct_type;
  solver->ops->getid = direct_id;
  solver->ops->initialize = direct_initialize;
  solver->ops->setup = direct_setup;
  solver->ops->solve = direct_solve;
  solver->ops->lastflag = direct_last_flag;
  solver->ops->free = direct_free;
  return solver;
}
