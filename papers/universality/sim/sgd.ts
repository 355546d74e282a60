/**
 * A real minibatch SGD loop on the square loss L(w) = (1/2n) Σ_i (x_iᵀw − y_i)², started at w_0.
 * Each epoch visits a fresh random permutation in batches of size b; the update is
 *     w ← w − (η / b) Σ_{i ∈ B} (x_iᵀw − y_i) x_i.
 * With n < d the system Xw = y is consistent, every stochastic gradient vanishes at an interpolator,
 * and (for η below the stability limit) the iterates converge linearly. The loop stops when the
 * relative residual ‖Xw − y‖/‖y‖ drops below `tol` or after `maxEpochs`.
 *
 * Measured structure (no closed form used): the relative residual, and the relative size of the part
 * of w − w_0 orthogonal to row(X) — computed by projecting with the normal equations of X.
 */
import { Stream } from '../../../core/rng/stream.ts';
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { cholSolveInPlace } from '../../../core/linalg/triangular.ts';
import { dot } from '../../../core/linalg/vector.ts';
import { gramRows } from '../../../core/linalg/dense.ts';
import { mulXtA, mulXv } from './linalg.ts';

export interface SgdOptions {
  eta: number;
  batch: number;
  maxEpochs: number;
  tol: number;
}

export function sgd(X: Float64Array, n: number, d: number, y: Float64Array, w0: ArrayLike<number>, s: Stream, o: SgdOptions): { w: Float64Array; epochs: number } {
  const w = Float64Array.from(w0);
  const order = Array.from({ length: n }, (_, i) => i);
  const ynorm = Math.sqrt(dot(y, y)) || 1;
  let epoch = 0;
  for (; epoch < o.maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = s.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < n; start += o.batch) {
      const end = Math.min(n, start + o.batch);
      const bs = end - start;
      const res: number[] = [];
      for (let t = start; t < end; t++) {
        const i = order[t]!;
        let r = -y[i]!;
        for (let k = 0; k < d; k++) r += X[i * d + k]! * w[k]!;
        res.push(r);
      }
      for (let t = start; t < end; t++) {
        const i = order[t]!;
        const c = (o.eta / bs) * res[t - start]!;
        for (let k = 0; k < d; k++) w[k]! -= c * X[i * d + k]!;
      }
    }
    if (epoch % 10 === 9) {
      const r = mulXv(X, n, d, w);
      let e = 0;
      for (let i = 0; i < n; i++) e += (r[i]! - y[i]!) ** 2;
      if (!Number.isFinite(e)) break;
      if (Math.sqrt(e) / ynorm < o.tol) return { w, epochs: epoch + 1 };
    }
  }
  return { w, epochs: epoch };
}

/** Relative residual and relative off-row-space component of w − w_0. */
export function endpointStructure(X: Float64Array, n: number, d: number, y: Float64Array, w0: ArrayLike<number>, w: ArrayLike<number>): { residual: number; offRowSpace: number } {
  const r = mulXv(X, n, d, w);
  let e = 0;
  for (let i = 0; i < n; i++) e += (r[i]! - y[i]!) ** 2;
  const u = Float64Array.from(w, (x, k) => x - w0[k]!);
  const G = gramRows(X, n, d);
  tryCholeskyInPlace(G, n); // unchecked, as before: XXᵀ is positive definite for the n < d designs measured here
  const proj = mulXtA(X, n, d, cholSolveInPlace(G, n, mulXv(X, n, d, u)));
  let off = 0;
  for (let k = 0; k < d; k++) off += (u[k]! - proj[k]!) ** 2;
  return { residual: Math.sqrt(e / Math.max(dot(y, y), Number.MIN_VALUE)), offRowSpace: Math.sqrt(off / Math.max(dot(u, u), Number.MIN_VALUE)) };
}
