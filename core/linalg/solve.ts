/**
 * A x = b for a general square A (n × n, row-major) by Gaussian elimination with partial pivoting
 * (largest |entry| in the column; the first such row on ties). A and b are copied, never modified.
 * Why hand-written rather than ml-matrix's LuDecomposition / solve (bench/linalg.bench.ts, µs per solve,
 * hand vs ml-matrix from a prebuilt Matrix): n = 10: 2.0 vs 11; 25: 14 vs 52; 50: 92 vs 237; 100: 698 vs
 * 1.66k; 200: 5.5k vs 9.6k; 400: 43k vs 67k; 500: 84k vs 142k. Above n ≈ 200 ml-matrix comes within
 * ~1.5–1.7×, but the callers solve n ≤ 20 (uowq's d, the support of uowq's QP, fate §4's neurons), where
 * ml-matrix is 3.7–5.5× slower; and this elimination order is the one the three replaced copies used.
 */

/**
 * Reduces (A | b) in place to upper-triangular form and back-substitutes into x. Stops with false
 * when the chosen pivot has |pivot| < minPivot (minPivot = 0 never stops: a singular A gives ±∞/NaN).
 */
function eliminate(a: Float64Array, n: number, b: Float64Array, x: Float64Array, minPivot: number): boolean {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
    if (Math.abs(a[p * n + c]!) < minPivot) return false;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = a[c * n + k]!;
        a[c * n + k] = a[p * n + k]!;
        a[p * n + k] = t;
      }
      const t = b[c]!;
      b[c] = b[p]!;
      b[p] = t;
    }
    const piv = a[c * n + c]!;
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / piv;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k]! -= f * a[c * n + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r * n + k]! * x[k]!;
    x[r] = s / a[r * n + r]!;
  }
  return true;
}

/** x with A x = b. Never throws: a singular A yields non-finite entries. */
export function solveDense(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  eliminate(Float64Array.from(a), n, Float64Array.from(b), x, 0);
  return x;
}

/** x with A x = b, or null when elimination meets a pivot with |pivot| < minPivot (A numerically singular). */
export function solveDenseOrNull(a: ArrayLike<number>, n: number, b: ArrayLike<number>, minPivot: number): Float64Array | null {
  const x = new Float64Array(n);
  return eliminate(Float64Array.from(a), n, Float64Array.from(b), x, minPivot) ? x : null;
}
