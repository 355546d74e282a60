/**
 * Small dense float64 kernels for the uowq and universality simulations (row-major Float64Array).
 * Kept local so the simulations import no theory formula.
 */

/** In-place Cholesky A = LLᵀ of an m×m SPD matrix (lower triangle overwritten with L). Returns false if not PD. */
export function cholesky(A: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let s = A[j * m + j]!;
    for (let k = 0; k < j; k++) s -= A[j * m + k]! * A[j * m + k]!;
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    A[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let t = A[i * m + j]!;
      const ri = i * m;
      const rj = j * m;
      for (let k = 0; k < j; k++) t -= A[ri + k]! * A[rj + k]!;
      A[ri + j] = t / ljj;
    }
  }
  return true;
}

/** Solves (LLᵀ)x = b in place given the Cholesky factor from `cholesky`. */
export function cholSolve(L: Float64Array, m: number, b: Float64Array): Float64Array {
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    const ri = i * m;
    for (let k = 0; k < i; k++) s -= L[ri + k]! * b[k]!;
    b[i] = s / L[ri + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < m; k++) s -= L[k * m + i]! * b[k]!;
    b[i] = s / L[i * m + i]!;
  }
  return b;
}

/** G = X Xᵀ for X (n×d, row-major). Four rows j at a time, so each load of row i is reused four times. */
export function gramRows(X: Float64Array, n: number, d: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * d;
    let j = 0;
    for (; j + 3 <= i; j += 4) {
      const r0 = j * d;
      const r1 = r0 + d;
      const r2 = r1 + d;
      const r3 = r2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < d; k++) {
        const x = X[ri + k]!;
        s0 += x * X[r0 + k]!;
        s1 += x * X[r1 + k]!;
        s2 += x * X[r2 + k]!;
        s3 += x * X[r3 + k]!;
      }
      G[i * n + j] = s0;
      G[j * n + i] = s0;
      G[i * n + j + 1] = s1;
      G[(j + 1) * n + i] = s1;
      G[i * n + j + 2] = s2;
      G[(j + 2) * n + i] = s2;
      G[i * n + j + 3] = s3;
      G[(j + 3) * n + i] = s3;
    }
    for (; j <= i; j++) {
      const rj = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[ri + k]! * X[rj + k]!;
      G[i * n + j] = s;
      G[j * n + i] = s;
    }
  }
  return G;
}

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

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Solves the small dense system A x = b (m×m row-major copy) by Gaussian elimination with pivoting. */
export function solveDense(Ain: Float64Array, m: number, bin: Float64Array): Float64Array {
  const A = Float64Array.from(Ain);
  const b = Float64Array.from(bin);
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r * m + c]!) > Math.abs(A[p * m + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < m; k++) {
        const t = A[c * m + k]!;
        A[c * m + k] = A[p * m + k]!;
        A[p * m + k] = t;
      }
      const t = b[c]!;
      b[c] = b[p]!;
      b[p] = t;
    }
    const piv = A[c * m + c]!;
    for (let r = c + 1; r < m; r++) {
      const f = A[r * m + c]! / piv;
      if (f === 0) continue;
      for (let k = c; k < m; k++) A[r * m + k]! -= f * A[c * m + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < m; k++) s -= A[r * m + k]! * x[k]!;
    x[r] = s / A[r * m + r]!;
  }
  return x;
}
