// Optimised kernels for SUNDIALS serial vectors.
//
// Debian's libsundials 6.4.1 is built without compiler optimisation, and IDA spends much of
// its time in these element-wise loops. SUNDIALS lets a program supply its own vector
// operations; CSundials_NewVector installs these on an ordinary serial vector (clones inherit
// them), keeping the data layout and every other operation of the library.
#include "CSundials.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// Element-wise kernels are compiled twice, for AVX2 and for any x86-64, and the loader picks
// one by the processor (an ifunc). No multiply-add is ever fused (the pragma below, and FMA is
// not among the features anyway), so both clones compute every element with the same
// operations and give the same bits. Reductions keep one fixed order everywhere.
#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__linux__)
#define ELEMENTWISE __attribute__((target_clones("avx2", "default")))
#else
#define ELEMENTWISE
#endif

// Each element reads only the same element of its operands, so a result may share storage
// with an operand (z = x is common in IDA) and the loop is still safe to vectorise; saying
// so spares the runtime overlap check, which sends in-place calls to the scalar loop.
#define EACH _Pragma("clang loop vectorize(assume_safety)") for

#define DATA(v) NV_DATA_S(v)
#define LENGTH(v) NV_LENGTH_S(v)

ELEMENTWISE static void linear_sum(realtype a, N_Vector x, realtype b, N_Vector y, N_Vector z) {
  const realtype *xd = DATA(x), *yd = DATA(y);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = a * xd[i] + b * yd[i];
}

ELEMENTWISE static void constant(realtype c, N_Vector z) {
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(z);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = c;
}

ELEMENTWISE static void product(N_Vector x, N_Vector y, N_Vector z) {
  const realtype *xd = DATA(x), *yd = DATA(y);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = xd[i] * yd[i];
}

ELEMENTWISE static void divide(N_Vector x, N_Vector y, N_Vector z) {
  const realtype *xd = DATA(x), *yd = DATA(y);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = xd[i] / yd[i];
}

ELEMENTWISE static void scale(realtype c, N_Vector x, N_Vector z) {
  const realtype *xd = DATA(x);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = c * xd[i];
}

ELEMENTWISE static void absolute(N_Vector x, N_Vector z) {
  const realtype *xd = DATA(x);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = fabs(xd[i]);
}

ELEMENTWISE static void inverse(N_Vector x, N_Vector z) {
  const realtype *xd = DATA(x);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = 1.0 / xd[i];
}

ELEMENTWISE static void add_constant(N_Vector x, realtype b, N_Vector z) {
  const realtype *xd = DATA(x);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = xd[i] + b;
}

static realtype dot(N_Vector x, N_Vector y) {
  const realtype *xd = DATA(x), *yd = DATA(y);
  const sunindextype n = LENGTH(x);
  realtype sum = 0;
  for (sunindextype i = 0; i < n; i++) sum += xd[i] * yd[i];
  return sum;
}

static realtype max_norm(N_Vector x) {
  const realtype *xd = DATA(x);
  const sunindextype n = LENGTH(x);
  realtype largest = 0;
  for (sunindextype i = 0; i < n; i++) {
    realtype value = fabs(xd[i]);
    if (value > largest) largest = value;
  }
  return largest;
}

// Weighted sums of squares keep four partial sums, element i going to sum i mod 4, added as
// (s0 + s1) + (s2 + s3) at the end: one fixed order, so every build and processor gives the
// same bits, and four independent chains instead of one long one. The four sums are the lanes
// of one vector, written out so that the masked loop vectorises too (the compiler left its
// per-element selections scalar: five times the instructions of the unmasked loop).
typedef realtype Lanes __attribute__((ext_vector_type(4)));
typedef long long LaneMask __attribute__((ext_vector_type(4)));

// Macros rather than functions: a four-double vector may not cross a call in the baseline
// clone's ABI. The load is unaligned (a packed struct member).
typedef struct __attribute__((packed, may_alias)) {
  Lanes lanes;
} UnalignedLanes;
#define LOAD_LANES(from) (((const UnalignedLanes *)(from))->lanes)
#define SUM_LANES(s) (((s).x + (s).y) + ((s).z + (s).w))

ELEMENTWISE static realtype weighted_square_sum(N_Vector x, N_Vector w) {
  const realtype *xd = DATA(x), *wd = DATA(w);
  const sunindextype n = LENGTH(x);
  Lanes s = 0;
  sunindextype i = 0;
  for (; i + 4 <= n; i += 4) {
    const Lanes p = LOAD_LANES(xd + i) * LOAD_LANES(wd + i);
    s += p * p;
  }
  for (; i < n; i++) {
    const realtype p = xd[i] * wd[i];
    s.x += p * p;
  }
  return SUM_LANES(s);
}

// As above over the components whose id is positive; the others add an exact zero (the product
// is masked away, not multiplied by zero, so an infinite value there stays out of the sum).
ELEMENTWISE static realtype weighted_square_sum_mask(N_Vector x, N_Vector w, N_Vector id) {
  const realtype *xd = DATA(x), *wd = DATA(w), *idd = DATA(id);
  const sunindextype n = LENGTH(x);
  Lanes s = 0;
  sunindextype i = 0;
  for (; i + 4 <= n; i += 4) {
    const Lanes p = LOAD_LANES(xd + i) * LOAD_LANES(wd + i);
    // A vector comparison gives all ones where true; the bits of p survive only there.
    const Lanes q = (Lanes)((LaneMask)p & (LOAD_LANES(idd + i) > 0));
    s += q * q;
  }
  for (; i < n; i++) {
    const realtype p = xd[i] * wd[i];
    const realtype q = idd[i] > 0 ? p : 0.0;
    s.x += q * q;
  }
  return SUM_LANES(s);
}

static realtype wrms_norm(N_Vector x, N_Vector w) {
  return sqrt(weighted_square_sum(x, w) / (realtype)LENGTH(x));
}

static realtype wrms_norm_mask(N_Vector x, N_Vector w, N_Vector id) {
  return sqrt(weighted_square_sum_mask(x, w, id) / (realtype)LENGTH(x));
}

static realtype minimum(N_Vector x) {
  const realtype *xd = DATA(x);
  const sunindextype n = LENGTH(x);
  realtype smallest = xd[0];
  for (sunindextype i = 1; i < n; i++) {
    if (xd[i] < smallest) smallest = xd[i];
  }
  return smallest;
}

ELEMENTWISE static void compare(realtype c, N_Vector x, N_Vector z) {
  const realtype *xd = DATA(x);
  realtype *zd = DATA(z);
  const sunindextype n = LENGTH(x);
  EACH (sunindextype i = 0; i < n; i++) zd[i] = fabs(xd[i]) >= c ? 1.0 : 0.0;
}

ELEMENTWISE static int linear_combination(int count, realtype *c, N_Vector *x, N_Vector z) {
  const sunindextype n = LENGTH(z);
  realtype *zd = DATA(z);
  const realtype *first = DATA(x[0]);
  if (x[0] == z) {
    EACH (sunindextype i = 0; i < n; i++) zd[i] *= c[0];
  } else {
    EACH (sunindextype i = 0; i < n; i++) zd[i] = c[0] * first[i];
  }
  for (int k = 1; k < count; k++) {
    const realtype *xd = DATA(x[k]);
    const realtype ck = c[k];
    EACH (sunindextype i = 0; i < n; i++) zd[i] += ck * xd[i];
  }
  return 0;
}

ELEMENTWISE static int scale_add_multi(int count, realtype *a, N_Vector x, N_Vector *y, N_Vector *z) {
  const sunindextype n = LENGTH(x);
  const realtype *xd = DATA(x);
  for (int k = 0; k < count; k++) {
    const realtype *yd = DATA(y[k]);
    realtype *zd = DATA(z[k]);
    const realtype ak = a[k];
    EACH (sunindextype i = 0; i < n; i++) zd[i] = ak * xd[i] + yd[i];
  }
  return 0;
}

ELEMENTWISE int CSundials_ErrorWeights(sunindextype n, realtype relative,
                                       const realtype *absolute, const realtype *y,
                                       realtype *weights) {
  int invalid = 0;
  EACH (sunindextype i = 0; i < n; i++) {
    const realtype tolerance = relative * fabs(y[i]) + absolute[i];
    invalid |= !(tolerance > 0);  // NaN too
    weights[i] = 1.0 / tolerance;
  }
  return invalid ? -1 : 0;
}

// Vectors on 64-byte boundaries: malloc's 16-byte alignment put every other 32-byte load of the
// kernels across two cache lines, and the kernels run at the speed of the cache.
static realtype *aligned_data(sunindextype length) {
  void *data = NULL;
  size_t bytes = (size_t)(length > 0 ? length : 1) * sizeof(realtype);
  if (posix_memalign(&data, 64, bytes) != 0) return NULL;
  return (realtype *)data;
}

static N_Vector aligned_clone(N_Vector template) {
  N_Vector vector = N_VCloneEmpty_Serial(template);
  if (vector == NULL) return NULL;
  realtype *data = aligned_data(LENGTH(template));
  if (data == NULL) {
    N_VDestroy_Serial(vector);
    return NULL;
  }
  NV_OWN_DATA_S(vector) = SUNTRUE;
  NV_DATA_S(vector) = data;
  return vector;
}

N_Vector CSundials_NewVector(sunindextype length, SUNContext context) {
  N_Vector vector = N_VNewEmpty_Serial(length, context);
  if (vector == NULL) return NULL;
  realtype *data = aligned_data(length);
  if (data == NULL) {
    N_VDestroy_Serial(vector);
    return NULL;
  }
  NV_OWN_DATA_S(vector) = SUNTRUE;
  NV_DATA_S(vector) = data;
  N_Vector_Ops ops = vector->ops;
  ops->nvclone = aligned_clone;
  ops->nvlinearsum = linear_sum;
  ops->nvconst = constant;
  ops->nvprod = product;
  ops->nvdiv = divide;
  ops->nvscale = scale;
  ops->nvabs = absolute;
  ops->nvinv = inverse;
  ops->nvaddconst = add_constant;
  ops->nvdotprod = dot;
  ops->nvdotprodlocal = dot;
  ops->nvmaxnorm = max_norm;
  ops->nvmaxnormlocal = max_norm;
  ops->nvwrmsnorm = wrms_norm;
  ops->nvwrmsnormmask = wrms_norm_mask;
  ops->nvwsqrsumlocal = weighted_square_sum;
  ops->nvwsqrsummasklocal = weighted_square_sum_mask;
  ops->nvmin = minimum;
  ops->nvminlocal = minimum;
  ops->nvcompare = compare;
  ops->nvlinearcombination = linear_combination;
  ops->nvscaleaddmulti = scale_add_multi;
  return vector;
}

// SUNDIALS's sparse "zero" (also built without optimisation) clears the structure as well as
// the values. Every Jacobian callback in this package rewrites the column starts and row
// indices before it fills the values, so clearing the values is enough.
static int zero_values(SUNMatrix a) {
  memset(SM_DATA_S(a), 0, (size_t)SM_NNZ_S(a) * sizeof(realtype));
  return SUNMAT_SUCCESS;
}

SUNMatrix CSundials_NewSparseMatrix(sunindextype size, sunindextype nonzeros, SUNContext context) {
  SUNMatrix matrix = SUNSparseMatrix(size, size, nonzeros, CSC_MAT, context);
  if (matrix != NULL) matrix->ops->zero = zero_values;
  return matrix;
}
