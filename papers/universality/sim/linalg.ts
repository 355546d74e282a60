/**
 * Small dense float64 kernels for the universality simulations (row-major Float64Array): blocked
 * multi-right-hand-side triangular solves and X v, Xᵀ a. Cholesky, the pivoted solve, dot and the Gram
 * matrix are core/linalg's.
 */

/**
 * Solves L Y = B in place for the rows of B (B is n×d row-major, L lower triangular n×n), or Lᵀ Y = B when
 * `transpose`. Updates of row i are accumulated four source rows at a time (one pass over row i per four).
 */
export function triSolveRows(L: Float64Array, n: number, B: Float64Array, d: number, transpose: boolean): Float64Array {
  const order = transpose ? Array.from({ length: n }, (_, t) => n - 1 - t) : Array.from({ length: n }, (_, t) => t);
  for (const i of order) {
    const ri = i * d;
    const ks: number[] = [];
    if (transpose) for (let k = i + 1; k < n; k++) ks.push(k);
    else for (let k = 0; k < i; k++) ks.push(k);
    const coef = (k: number) => (transpose ? L[k * n + i]! : L[i * n + k]!);
    let q = 0;
    for (; q + 4 <= ks.length; q += 4) {
      const k0 = ks[q]!;
      const k1 = ks[q + 1]!;
      const k2 = ks[q + 2]!;
      const k3 = ks[q + 3]!;
      const l0 = coef(k0);
      const l1 = coef(k1);
      const l2 = coef(k2);
      const l3 = coef(k3);
      const a0 = k0 * d;
      const a1 = k1 * d;
      const a2 = k2 * d;
      const a3 = k3 * d;
      for (let j = 0; j < d; j++) B[ri + j]! -= l0 * B[a0 + j]! + l1 * B[a1 + j]! + l2 * B[a2 + j]! + l3 * B[a3 + j]!;
    }
    for (; q < ks.length; q++) {
      const k = ks[q]!;
      const l = coef(k);
      const a = k * d;
      for (let j = 0; j < d; j++) B[ri + j]! -= l * B[a + j]!;
    }
    const inv = 1 / L[i * n + i]!;
    for (let j = 0; j < d; j++) B[ri + j]! *= inv;
  }
  return B;
}

/** X v (n). */
export function mulXv(X: Float64Array, n: number, d: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const ri = i * d;
    for (let k = 0; k < d; k++) s += X[ri + k]! * v[k]!;
    out[i] = s;
  }
  return out;
}

/** Xᵀ a (d). */
export function mulXtA(X: Float64Array, n: number, d: number, a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    const ri = i * d;
    for (let k = 0; k < d; k++) out[k]! += ai * X[ri + k]!;
  }
  return out;
}
