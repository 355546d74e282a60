/**
 * The multi-source weight program (eq U3): minimise f(α) = ½ αᵀQα over the simplex
 * Δ = {α : Σα_k = 1, α_k ≥ 0}, Q symmetric positive definite.
 *
 * Solver: accelerated projected gradient (FISTA, step 1/L with L = λ_max(Q) bounded by the max row
 * sum), followed by an exact polish on the detected support S: the equality-constrained minimiser
 * α_S = Q_S⁻¹1 / (1ᵀQ_S⁻¹1), accepted when it is feasible and satisfies KKT (else the PG iterate is kept).
 * KKT for this program: ∇f = Qα = λ1 + μ with μ ≥ 0 and μ_k α_k = 0; equivalently, with
 * λ = αᵀQα (since αᵀ∇f = λ·1ᵀα + αᵀμ = λ), (Qα)_k = λ on the support and (Qα)_k ≥ λ off it.
 */
import { solveDenseOrNull } from '../../../core/linalg/solve.ts';
import type { Mat, Vec } from './model.ts';

/** Euclidean projection onto the simplex (sort-based, Held–Wolfe–Crowder / Duchi et al.). */
export function projectSimplex(v: Vec): number[] {
  const u = [...v].sort((a, b) => b - a);
  let css = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    css += u[i]!;
    const t = (css - 1) / (i + 1);
    if (u[i]! - t > 0) theta = t;
  }
  return v.map((x) => Math.max(x - theta, 0));
}

function matVec(Q: Mat, a: Vec): number[] {
  return Q.map((row) => row.reduce((s, q, j) => s + q * a[j]!, 0));
}

export interface KKTReport {
  lambda: number;
  /** max over the support of |(Qα)_k − λ|, relative to λ. */
  stationarity: number;
  /** max over k of (λ − (Qα)_k)₊, relative to λ (multipliers μ_k = (Qα)_k − λ must be ≥ 0). */
  dualInfeasibility: number;
  /** |Σα − 1| + Σ(−α_k)₊. */
  primalInfeasibility: number;
  /** max_k |μ_k α_k| relative to λ. */
  complementarity: number;
}

export function kkt(Q: Mat, alpha: Vec): KKTReport {
  const g = matVec(Q, alpha);
  const lambda = alpha.reduce((s, a, k) => s + a * g[k]!, 0);
  const scale = Math.max(Math.abs(lambda), Number.MIN_VALUE);
  let stat = 0;
  let dual = 0;
  let comp = 0;
  let primal = Math.abs(alpha.reduce((s, a) => s + a, 0) - 1);
  alpha.forEach((a, k) => {
    const mu = g[k]! - lambda;
    if (a > 1e-12) stat = Math.max(stat, Math.abs(mu) / scale);
    dual = Math.max(dual, Math.max(-mu, 0) / scale);
    comp = Math.max(comp, Math.abs(mu * a) / scale);
    primal += Math.max(-a, 0);
  });
  return { lambda, stationarity: stat, dualInfeasibility: dual, primalInfeasibility: primal, complementarity: comp };
}

export function kktOk(r: KKTReport, tol = 1e-9): boolean {
  return r.stationarity <= tol && r.dualInfeasibility <= tol && r.primalInfeasibility <= tol && r.complementarity <= tol;
}

/** Solves Q_S x = 1 for a principal submatrix (pivoted elimination, core/linalg/solve.ts); null if Q_S is singular. */
function solveOnes(Q: Mat, S: number[]): number[] | null {
  const m = S.length;
  const A = new Float64Array(m * m);
  S.forEach((i, r) => S.forEach((j, c) => (A[r * m + c] = Q[i]![j]!)));
  const x = solveDenseOrNull(A, m, new Float64Array(m).fill(1), 1e-300);
  return x && Array.from(x);
}

/** The equality-constrained minimiser on support S (zeros elsewhere), or null if infeasible. */
export function supportMinimiser(Q: Mat, S: number[]): number[] | null {
  const x = solveOnes(Q, S);
  if (!x) return null;
  const t = x.reduce((a, b) => a + b, 0);
  if (!(t > 0)) return null;
  const alpha = new Array<number>(Q.length).fill(0);
  S.forEach((i, k) => (alpha[i] = x[k]! / t));
  return alpha.some((a) => a < 0) ? null : alpha;
}

export function optimalWeights(Q: Mat, opts: { iters?: number } = {}): { alpha: number[]; kkt: KKTReport; method: string } {
  const m = Q.length;
  const L = Math.max(...Q.map((row) => row.reduce((s, q) => s + Math.abs(q), 0)));
  let x = new Array<number>(m).fill(1 / m);
  let y = [...x];
  let t = 1;
  const iters = opts.iters ?? 4000;
  const polish = (): { alpha: number[]; kkt: KKTReport; method: string } | null => {
    const S = x.map((a, k) => (a > 1e-7 ? k : -1)).filter((k) => k >= 0);
    const polished = supportMinimiser(Q, S);
    if (!polished) return null;
    const r = kkt(Q, polished);
    return kktOk(r, 1e-9) ? { alpha: polished, kkt: r, method: 'FISTA projected gradient + exact support polish' } : null;
  };
  for (let it = 0; it < iters; it++) {
    const g = matVec(Q, y);
    const xn = projectSimplex(y.map((v, k) => v - g[k]! / L));
    const tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    y = xn.map((v, k) => v + ((t - 1) / tn) * (v - x[k]!));
    x = xn;
    t = tn;
    // the support is usually identified long before the iterates converge: try the exact polish periodically
    if (it % 100 === 99) {
      const done = polish();
      if (done) return done;
    }
  }
  return polish() ?? { alpha: x, kkt: kkt(Q, x), method: 'FISTA projected gradient' };
}
