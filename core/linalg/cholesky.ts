/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive (semi-)definite n × n matrix, row-major
 * Float64Array; only the lower triangle of A is read. One kernel behind every variant below.
 *
 * Why hand-written rather than ml-matrix's CholeskyDecomposition (bench/linalg.bench.ts, Node 20, best
 * of 7 interleaved rounds on a shared 2-core machine, µs per factorisation, hand vs ml-matrix from a
 * prebuilt Matrix): n = 10: 0.94 vs 6.4; 25: 5.7 vs 15.5; 50: 37 vs 91; 100: 279 vs 676; 200: 3.4k vs
 * 6.3k; 400: 21k vs 54k; 500: 34k vs 80k — ml-matrix is 1.9–6.8× slower at every size the simulations
 * use (more with the Float64Array → Matrix conversion every caller would add). The kernel also keeps the
 * summation order L_ij = (A_ij − L_i0 L_j0 − L_i1 L_j1 − …)/L_jj of the four copies it replaced, so their
 * results are unchanged bit for bit (ml-matrix sums Σ_k L_ik L_jk first, then subtracts).
 */

/**
 * Factors the lower triangle of `a` in place (column by column, upper triangle zeroed). A pivot
 * s ≤ 0 (or NaN) stops the factorisation and returns its index; with `dropAtOrBelow` set, a pivot
 * s ≤ dropAtOrBelow instead leaves column j zero (a rank-deficient PSD matrix) and goes on.
 * Returns −1 when every pivot was accepted.
 */
function factorInPlace(a: Float64Array, n: number, dropAtOrBelow?: number): number {
  for (let j = 0; j < n; j++) {
    const oj = j * n;
    let s = a[oj + j]!;
    for (let k = 0; k < j; k++) s -= a[oj + k]! * a[oj + k]!;
    for (let k = j + 1; k < n; k++) a[oj + k] = 0;
    if (dropAtOrBelow !== undefined) {
      if (s <= dropAtOrBelow) {
        for (let i = j; i < n; i++) a[i * n + j] = 0;
        continue;
      }
    } else if (!(s > 0)) return j;
    const ljj = Math.sqrt(s);
    a[oj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const oi = i * n;
      let t = a[oi + j]!;
      for (let k = 0; k < j; k++) t -= a[oi + k]! * a[oj + k]!;
      a[oi + j] = t / ljj;
    }
  }
  return -1;
}

/** In place: the lower triangle of `a` becomes L. Returns false (partially factored) if A is not positive definite. */
export function tryCholeskyInPlace(a: Float64Array, n: number): boolean {
  return factorInPlace(a, n) < 0;
}

/** In place: the lower triangle of `g` becomes L (upper zeroed). Throws a RangeError if G is not positive definite. */
export function choleskyInPlace(g: Float64Array, n: number): Float64Array {
  const j = factorInPlace(g, n);
  if (j >= 0) throw new RangeError(`cholesky: matrix not positive definite at pivot ${j}`);
  return g;
}

/** The lower Cholesky factor L of A (A untouched). Throws a RangeError if A is not positive definite. */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array {
  return choleskyInPlace(Float64Array.from(a), n);
}

/**
 * Lower Cholesky factor of a positive semi-definite A (A untouched): a direction whose pivot is
 * ≤ relTol · max diag(A) is dropped (its column of L stays zero), so L Lᵀ ≈ A on the numerical range.
 */
export function choleskyPsd(a: ArrayLike<number>, n: number, relTol = 1e-13): Float64Array {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, a[i * n + i]!);
  const l = Float64Array.from(a);
  factorInPlace(l, n, relTol * maxDiag);
  return l;
}
