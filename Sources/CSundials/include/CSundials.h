// The part of SUNDIALS 6.x (IDA, serial vectors, sparse matrices, KLU) that DAESolver uses.
// KLU's own header is kept out of this file (it needs /usr/include/suitesparse on the
// include path); the KLU solver is created through the shim below instead.
#ifndef CSUNDIALS_H
#define CSUNDIALS_H

#include <ida/ida.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>
#include <sundials/sundials_matrix.h>
#include <sunmatrix/sunmatrix_sparse.h>

/// Creates the KLU direct sparse linear solver for the CSC matrix `a`.
SUNLinearSolver CSundials_KLU(N_Vector y, SUNMatrix a, SUNContext context);

/// A serial vector whose element-wise operations are the optimised ones of fastvector.c.
N_Vector CSundials_NewVector(sunindextype length, SUNContext context);

/// Factorises the matrix whose nonzero values (in its CSC order) are `values`; 0 on success.
typedef int (*CSundials_FactorFn)(void *content, const double *values);
/// Overwrites `x` (a right-hand side) with the solution for the last factorised matrix; 0 on
/// success.
typedef int (*CSundials_SolveFn)(void *content, double *x);

/// A direct linear solver whose factorisation and solve are the caller's functions, called
/// with `content`.
SUNLinearSolver CSundials_DirectSolver(SUNContext context, void *content,
                                       CSundials_FactorFn factor, CSundials_SolveFn solve);

/// Writes IDA's error weights 1 / (relative |y| + absolute) of `n` unknowns into `weights`;
/// −1 when a tolerance is not positive (the weights are then not to be used).
int CSundials_ErrorWeights(sunindextype n, realtype relative, const realtype *absolute,
                           const realtype *y, realtype *weights);

/// A square CSC sparse matrix whose "zero" clears the values only (see fastvector.c).
SUNMatrix CSundials_NewSparseMatrix(sunindextype size, sunindextype nonzeros, SUNContext context);

#endif
