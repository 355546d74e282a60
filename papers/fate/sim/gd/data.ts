/**
 * Task geometry and target data of *Features are fate* §3, and the closed-form end points that the
 * GD simulations are compared with (Thm 3.5: X⁺y; Thm 3.7: b·β_s; Thm 3.9 eq 142 and the derived
 * fine-tuning end point of theory/fate/fineTuneEndpoint.ts).
 */
import type { Stream } from '../../../../core/rng/stream.ts';
import { fineTuneK } from '../../theory/fineTuneEndpoint.ts';
import { cholSolve, cholesky, dot, gramCols, gramRows, matTVec, matVec, norm2, randomUnit } from './linalg.ts';
import type { TargetSet } from './objectives.ts';

/** Random unit β_s and β_t with β_sᵀβ_t = cos θ (rotation invariance of x ~ N(0, I) makes the directions immaterial). */
export function taskPair(d: number, theta: number, rng: Stream): { betaS: Float64Array; betaT: Float64Array } {
  if (d < 2) throw new RangeError(`taskPair needs d ≥ 2, got ${d}`);
  const betaS = randomUnit(d, rng);
  const nu = rng.normals(d);
  const c = dot(nu, betaS);
  for (let i = 0; i < d; i++) nu[i] -= c * betaS[i]!;
  const s = 1 / Math.sqrt(norm2(nu));
  const betaT = new Float64Array(d);
  for (let i = 0; i < d; i++) betaT[i] = Math.cos(theta) * betaS[i]! + Math.sin(theta) * nu[i]! * s;
  return { betaS, betaT };
}

/** n i.i.d. rows x ~ N(0, I_d), y = β_tᵀx + ε, ε ~ N(0, σ²). */
export function sampleTarget(n: number, d: number, betaT: Float64Array, sigma: number, rng: Stream): TargetSet {
  const X = rng.normals(n * d);
  const y = matVec(X, n, d, betaT);
  for (let i = 0; i < n; i++) y[i] += sigma * rng.normal();
  return { n, d, X, y };
}

/** Least-squares helpers for one target set (X of full rank a.s.). */
export class LeastSquares {
  private readonly chol: Float64Array;
  private readonly wide: boolean;
  constructor(readonly data: TargetSet) {
    const { n, d, X } = data;
    this.wide = n < d;
    this.chol = this.wide ? cholesky(gramRows(X, n, d), n) : cholesky(gramCols(X, n, d), d);
  }

  /** X⁺v for v ∈ R^n: minimum-norm least-squares solution. */
  pinvApply(v: Float64Array): Float64Array {
    const { n, d, X } = this.data;
    if (this.wide) return matTVec(X, n, d, cholSolve(this.chol, n, v));
    return cholSolve(this.chol, d, matTVec(X, n, d, v));
  }

  /** X⁺y (Thm 3.5). */
  minNorm(): Float64Array {
    return this.pinvApply(this.data.y);
  }

  /** P_row(X) v = X⁺X v. */
  projRow(v: Float64Array): Float64Array {
    const { n, d, X } = this.data;
    if (!this.wide) return v.slice();
    return this.pinvApply(matVec(X, n, d, v));
  }

  /** Linear-transfer coefficient b = (Xβ_s)ᵀy / ‖Xβ_s‖² (Thm 3.7 proof: min-norm LS on the rank-one features Xβ_s vᵀ). */
  linearTransferCoef(betaS: Float64Array): number {
    const { n, d, X, y } = this.data;
    const z = matVec(X, n, d, betaS);
    return dot(z, y) / norm2(z);
  }
}

export interface FineTuneForms {
  /** Eq (142): X⁺y + (I − P)β_s. */
  paper: Float64Array;
  /** Derived: X⁺y + k (I − P)β_s (theory/fate/fineTuneEndpoint.ts). */
  derived: Float64Array;
  p: number;
  q: number;
  k: number;
}

export function fineTuneForms(ls: LeastSquares, betaS: Float64Array, L: number): FineTuneForms {
  const mn = ls.minNorm();
  const Pb = ls.projRow(betaS);
  const perp = betaS.map((b, i) => b - Pb[i]!);
  const p = norm2(perp);
  const q = norm2(mn);
  const k = p > 0 ? fineTuneK(p, q, L) : 1;
  return { paper: mn.map((m, i) => m + perp[i]!), derived: mn.map((m, i) => m + k * perp[i]!), p, q, k };
}
