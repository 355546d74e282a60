/**
 * The two training objectives of *Features are fate* §3, as functions of the end-to-end predictor β:
 *  - population source loss (eq 4): ½E(xᵀβ − y)² = ½‖β − β_s‖² + σ²/2 for x ~ N(0, I), exactly;
 *  - empirical target loss (eq 5): (1/2n)‖y − Xβ‖².
 * Each reports ℓ(β), ∇_β ℓ, its minimum value ℓ* (for the stopping rule ℓ − ℓ* ≤ tol), and λ_max of
 * its Hessian in β (for the step size).
 */
import { cholSolve, cholesky, gramCols, gramRows, matTVec, matVec, maxEigSym } from './linalg.ts';

export interface Objective {
  d: number;
  /** Writes ∇_β ℓ into g and returns the excess loss ℓ(β) − ℓ* (computed without cancellation where possible). */
  gradExcess(beta: Float64Array, g: Float64Array): number;
  /** ℓ*: the minimum of the loss over β. */
  lossMin: number;
  /** Largest eigenvalue of the Hessian ∇²_β ℓ (I for the population loss, XᵀX/n for the empirical one). */
  lambdaMax: number;
}

export function populationObjective(betaS: Float64Array, sigma: number): Objective {
  const d = betaS.length;
  return {
    d,
    lossMin: (sigma * sigma) / 2,
    lambdaMax: 1,
    gradExcess(beta, g) {
      let e = 0;
      for (let i = 0; i < d; i++) {
        const r = beta[i]! - betaS[i]!;
        g[i] = r;
        e += r * r;
      }
      return e / 2;
    },
  };
}

export interface TargetSet {
  n: number;
  d: number;
  /** n×d row-major. */
  X: Float64Array;
  y: Float64Array;
}

export function empiricalObjective(data: TargetSet, lossMin: number): Objective {
  const { n, d, X, y } = data;
  const r = new Float64Array(n);
  const Gn = gramCols(X, n, d);
  for (let i = 0; i < Gn.length; i++) Gn[i] /= n;
  const lambdaMax = n < d ? maxEigSym(scaled(gramRows(X, n, d), 1 / n), n) : maxEigSym(Gn, d);
  return {
    d,
    lossMin,
    lambdaMax,
    gradExcess(beta, g) {
      matVec(X, n, d, beta, r);
      let s = 0;
      for (let i = 0; i < n; i++) {
        r[i] -= y[i]!;
        s += r[i]! * r[i]!;
      }
      matTVec(X, n, d, r, g);
      for (let i = 0; i < d; i++) g[i] /= n;
      return Math.max(0, s / (2 * n) - lossMin);
    },
  };
}

function scaled(A: Float64Array, s: number): Float64Array {
  for (let i = 0; i < A.length; i++) A[i] *= s;
  return A;
}

/** Minimum of (1/2n)‖y − Xβ‖²: 0 when n ≤ d (interpolation, X of full row rank a.s.), else the least-squares residual. */
export function empiricalLossMin(data: TargetSet): number {
  const { n, d, X, y } = data;
  if (n <= d) return 0;
  const G = gramCols(X, n, d);
  const b = matTVec(X, n, d, y);
  const beta = cholSolve(cholesky(G, d), d, b);
  const fit = matVec(X, n, d, beta);
  let s = 0;
  for (let i = 0; i < n; i++) s += (y[i]! - fit[i]!) ** 2;
  return s / (2 * n);
}
