#include "CSundials.h"

#include <sunlinsol/sunlinsol_klu.h>

SUNLinearSolver CSundials_KLU(N_Vector y, SUNMatrix a, SUNContext context) {
  return SUNLinSol_KLU(y, a, context);
}

int CSundials_CSCFormat(void) { return CSC_MAT; }
