/**
 * Triangular solves with a lower-triangular L (n × n, row-major Float64Array), and the SPD solve
 * A x = b from A's Cholesky factor (cholesky.ts): L z = b, then Lᵀ x = z.
 * Why hand-written: factor + solve measured against ml-matrix's CholeskyDecomposition(A).solve(b)
 * (bench/linalg.bench.ts, µs): n = 10: 1.8 vs 6.1; 25: 7.2 vs 25; 50: 44 vs 114; 100: 330 vs 722;
 * 200: 2.5k vs 5.4k; 400: 22k vs 54k; 500: 34k vs 77k — ml-matrix 2.2–3.5× slower.
 */

/** Solves L x = b in place (b becomes x). */
export function forwardSolveInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[oi + k]! * b[k]!;
    b[i] = s / l[oi + i]!;
  }
  return b;
}

/** Solves Lᵀ x = b in place (b becomes x); reads L's lower triangle by columns. */
export function backSolveTransposedInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  return b;
}

/** x with L x = b (b untouched). */
export function forwardSolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  return forwardSolveInPlace(l, n, Float64Array.from(b));
}

/** Solves (L Lᵀ) x = b in place given the Cholesky factor L (b becomes x). */
export function cholSolveInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  return backSolveTransposedInPlace(l, n, forwardSolveInPlace(l, n, b));
}

/** x with (L Lᵀ) x = b given the Cholesky factor L (b untouched). */
export function cholSolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  return cholSolveInPlace(l, n, Float64Array.from(b));
}
