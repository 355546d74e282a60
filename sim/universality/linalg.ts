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

/** G = X Xᵀ for X (n×d, row-major). */
export function gramRows(X: Float64Array, n: number, d: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * d;
    for (let j = 0; j <= i; j++) {
      const rj = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[ri + k]! * X[rj + k]!;
      G[i * n + j] = s;
      G[j * n + i] = s;
    }
  }
  return G;
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
