/**
 * Small dense kernels on row-major Float64Array, for the hot loops of the fast simulations
 * (ml-matrix is used by the plain, faithful simulations; these are cross-checked against it).
 * Cholesky, triangular solves, the pivoted dense solve and dot have one file each (cholesky.ts,
 * triangular.ts, solve.ts, vector.ts); the names below are re-exported for existing importers.
 */
export { choleskyInPlace } from './cholesky.ts';
export { forwardSolve } from './triangular.ts';
export { dot } from './vector.ts';

/** G = X Xᵀ for X (rows × cols), lower triangle and diagonal filled, then mirrored. */
export function gramRows(x: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const oi = i * cols;
    for (let j = 0; j <= i; j++) {
      const oj = j * cols;
      let s = 0;
      for (let k = 0; k < cols; k++) s += x[oi + k]! * x[oj + k]!;
      g[i * rows + j] = s;
      g[j * rows + i] = s;
    }
  }
  return g;
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
