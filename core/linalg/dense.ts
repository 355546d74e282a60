/**
 * Small dense kernels on row-major Float64Array, for the hot loops of the fast simulations
 * (ml-matrix is used by the plain, faithful simulations; these are cross-checked against it).
 * Cholesky, triangular solves, the pivoted dense solve and dot have one file each (cholesky.ts,
 * triangular.ts, solve.ts, vector.ts); the names below are re-exported for existing importers.
 */
export { choleskyInPlace } from './cholesky.ts';
export { forwardSolve } from './triangular.ts';
export { dot } from './vector.ts';

/**
 * G = X Xᵀ for X (n × d, row-major): lower triangle computed, then mirrored. Four rows j at a time, so
 * each load of row i is reused four times; every entry is still Σ_k x_ik x_jk summed over k in order.
 */
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
 * Squared row norms of L⁻¹ for lower-triangular L. Because the leading k × k block of L⁻¹ is the
 * inverse of the leading block of L, their prefix sums give tr(G_k⁻¹) for every leading block G_k.
 */
export function inverseRowNormsSquared(l: Float64Array, n: number): Float64Array {
  // Row i of L⁻¹ = (e_i − Σ_{k<i} L_ik · row k of L⁻¹) / L_ii: contiguous row operations.
  const inv = new Float64Array(n * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    for (let k = 0; k < i; k++) {
      const c = l[oi + k]!;
      if (c === 0) continue;
      const ok = k * n;
      for (let j = 0; j <= k; j++) inv[oi + j]! -= c * inv[ok + j]!;
    }
    inv[oi + i] = 1;
    const r = 1 / l[oi + i]!;
    let s = 0;
    for (let j = 0; j <= i; j++) {
      const v = inv[oi + j]! * r;
      inv[oi + j] = v;
      s += v * v;
    }
    out[i] = s;
  }
  return out;
}
