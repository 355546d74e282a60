import { Matrix } from 'ml-matrix';
import type { TargetSet } from './design.ts';
import { reducedFineTune } from './gd/data.ts';
import type { FlowEnd } from './fineTuneFlow.ts';

/**
 * The fine-tuning end point of the fate.fine-tune and fate.transferability-ft simulations: the gradient
 * flow integrated in the spectral basis of X (fineTuneFlow.ts via gd/data.ts reducedFineTune; RODAS4,
 * tolerance 1e-8), the same reduction that fineTuneFlow.test.ts cross-checks against full deep-linear GD
 * at d ≤ 40. It replaced fineTuneReducedFlow (below) in those simulations: plain GD with a finite step
 * ends O(step) ≈ 1e-3 (relative) from the flow's end point, the integration within ~1e-8.
 */
export function fineTuneFlowEndpoint(t: TargetSet, L = 2): { beta: Float64Array; flow: FlowEnd } {
  const n = t.x.rows;
  const d = t.x.columns;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = t.x.get(i, j);
  return reducedFineTune({ n, d, X, y: Float64Array.from(t.y) }, t.betaS, L);
}

/**
 * Fine-tuning in the α → 0 limit by plain gradient descent (kept as the independent GD cross-check of
 * fastSweep.test.ts; the simulations use fineTuneFlowEndpoint above).
 * After population pretraining a balanced deep linear net is W_1 = β_s vᵀ, W_l = v vᵀ-like scalars
 * along one hidden direction (Thm 3.4, ‖v‖ = 1); gradient descent on the target loss keeps the hidden
 * space one-dimensional, so the net is β = a·c_2⋯c_L with a ∈ R^d. Every gradient of a lies in
 * row(X), so a = β_s + Xᵀu and the dynamics run in Gram space: Xa = Xβ_s + Gu with G = XXᵀ.
 * Full-batch GD with a step below the stability limit, until the gradient vanishes.
 */
export interface FlowResult {
  beta: Float64Array;
  steps: number;
  converged: boolean;
  finalLoss: number;
  scales: number[];
}

export function fineTuneReducedFlow(t: TargetSet, L = 2, opts: { maxSteps?: number; tol?: number; stepScale?: number } = {}): FlowResult {
  const n = t.x.rows;
  const d = t.x.columns;
  const g = t.x.mmul(t.x.transpose());
  const gArr = g.to2DArray();
  const z = t.x.mmul(Matrix.columnVector(Array.from(t.betaS))).getColumn(0);
  const y = t.y;
  const u = new Float64Array(n);
  const c = new Array<number>(L - 1).fill(1);
  // Stability: the Hessian scale is ≲ (Π c)²·λ_max(G)/n + ‖Xa‖²/n; bound λ_max(G) ≤ (√n + √d)²·1.3.
  const lmax = 1.3 * (Math.sqrt(n) + Math.sqrt(d)) ** 2;
  const maxSteps = opts.maxSteps ?? 400_000;
  const stepScale = opts.stepScale ?? 0.02;
  const tol = opts.tol ?? 1e-13;
  const xa = new Float64Array(n);
  const r = new Float64Array(n);
  let steps = 0;
  let loss = Infinity;
  let converged = false;
  for (; steps < maxSteps; steps++) {
    for (let i = 0; i < n; i++) {
      let s = z[i]!;
      const gi = gArr[i]!;
      for (let k = 0; k < n; k++) s += gi[k]! * u[k]!;
      xa[i] = s;
    }
    const prod = c.reduce((a, b) => a * b, 1);
    let norm2 = 0;
    loss = 0;
    for (let i = 0; i < n; i++) {
      r[i] = xa[i]! * prod - y[i]!;
      loss += r[i]! * r[i]!;
      norm2 += xa[i]! * xa[i]!;
    }
    loss /= 2 * n;
    // ∂/∂a = Xᵀr·prod/n ⇒ du = −lr·prod·r/n; ∂/∂c_l = (Xa)ᵀr·prod/c_l/n.
    let xar = 0;
    for (let i = 0; i < n; i++) xar += xa[i]! * r[i]!;
    // A step well below the stability limit: finite steps break the balancedness invariant at O(lr²)
    // per step, so the end point approaches the gradient-flow end point linearly in stepScale.
    const lr = (stepScale * n) / (prod * prod * lmax + (L - 1) * norm2 + 1e-12);
    // ‖∂/∂a‖² = gᵀGg with g = prod·r/n (the gradient in a-space is Xᵀg; at a least-squares
    // solution with n > d, r ≠ 0 but Xᵀr = 0).
    let gradNorm2 = 0;
    for (let i = 0; i < n; i++) {
      const gi = gArr[i]!;
      let s = 0;
      for (let k = 0; k < n; k++) s += gi[k]! * r[k]!;
      gradNorm2 += (r[i]! * s * prod * prod) / (n * n);
    }
    for (let i = 0; i < n; i++) u[i]! -= (lr * prod * r[i]!) / n;
    for (let l = 0; l < c.length; l++) {
      const gc = (xar * prod) / c[l]! / n;
      c[l]! -= lr * gc;
      gradNorm2 += gc * gc;
    }
    if (loss < tol || gradNorm2 < tol * tol) {
      converged = true;
      break;
    }
  }
  const prod = c.reduce((a, b) => a * b, 1);
  const xtU = t.x.transpose().mmul(Matrix.columnVector(Array.from(u))).getColumn(0);
  const beta = new Float64Array(d);
  for (let j = 0; j < d; j++) beta[j] = (t.betaS[j]! + xtU[j]!) * prod;
  return { beta, steps, converged, finalLoss: loss, scales: c };
}
