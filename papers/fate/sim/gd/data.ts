/**
 * Task geometry and target data of *Features are fate* §3, and the end points that the GD simulations
 * are compared with (Thm 3.5: X⁺y; Thm 3.7: b·β_s; Thm 3.9: eq 142, and the fine-tuning gradient flow
 * integrated in the spectral basis of X, ../fineTuneFlow.ts).
 */
import type { Stream } from '../../../../core/rng/stream.ts';
import { fineTuneSpectralFlow, type FlowEnd } from '../fineTuneFlow.ts';
import { symmetricEigenProject } from '../spectral.ts';
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
  /** The integrated fine-tuning gradient flow's end point (reducedFineTune). */
  reduced: Float64Array;
  /** @deprecated The same array as `reduced` (kept until the checks read `reduced`). */
  derived: Float64Array;
  /** ‖(I − P)β_s‖² and ‖X⁺y‖², for reporting. */
  p: number;
  q: number;
  /** The flow's end-point scale C = c^{L−1}: the weight it puts on (I − P)β_s. */
  k: number;
  flow: FlowEnd;
}

export function fineTuneForms(ls: LeastSquares, betaS: Float64Array, L: number): FineTuneForms {
  const mn = ls.minNorm();
  const Pb = ls.projRow(betaS);
  const perp = betaS.map((b, i) => b - Pb[i]!);
  const red = reducedFineTune(ls.data, betaS, L);
  return { paper: mn.map((m, i) => m + perp[i]!), reduced: red.beta, derived: red.beta, p: norm2(perp), q: norm2(mn), k: red.flow.scale, flow: red.flow };
}

/**
 * Fine-tuning from the rank-one pretrained chain (W_1 = β_s v_1ᵀ, unit singular values), as the
 * gradient flow of ../fineTuneFlow.ts in the SVD X = Σ σ_i q_i r_iᵀ, taken from the eigenpairs of the
 * smaller Gram matrix (XXᵀ for n < d, with r_i = Xᵀq_i/σ_i; XᵀX for n > d). End point
 * β = C(β_s + Σ_i (a_i − a_i(0)) r_i).
 */
export function reducedFineTune(data: TargetSet, betaS: Float64Array, L: number, tol?: number): { beta: Float64Array; flow: FlowEnd } {
  const { n, d, X, y } = data;
  const wide = n < d;
  const r = wide ? n : d;
  const unit = Array.from({ length: r }, (_, j) => Float64Array.from({ length: r }, (_, i) => (i === j ? 1 : 0)));
  const gram = wide ? gramRows(X, n, d) : gramCols(X, n, d);
  const first = wide ? matVec(X, n, d, betaS) : betaS;
  const second = wide ? y : matTVec(X, n, d, y);
  const sp = symmetricEigenProject(gram, r, [first, second, ...unit]);
  const sigma = sp.values.map((l) => Math.sqrt(l));
  // wide: a_i(0) = q_iᵀXβ_s/σ_i, η_i = q_iᵀy; tall: a_i(0) = r_iᵀβ_s, η_i = r_iᵀXᵀy/σ_i.
  const a0 = sp.projections[0]!.map((v, i) => (wide ? v / sigma[i]! : v));
  const eta = sp.projections[1]!.map((v, i) => (wide ? v : v / sigma[i]!));
  const flow = fineTuneSpectralFlow({ sigma, a0, eta }, { L, tol });
  if (!flow.converged) throw new Error(`reducedFineTune: the flow did not converge (n = ${n}, d = ${d}, ${flow.steps} steps)`);
  // Eigenvector i has coordinates projections[2 + j][i] (j = 1 … r); move along Σ (a_i − a_i(0)) r_i.
  const shift = new Float64Array(r);
  for (let j = 0; j < r; j++) {
    const e = sp.projections[2 + j]!;
    let s = 0;
    for (let i = 0; i < r; i++) s += e[i]! * (flow.a[i]! - a0[i]!) * (wide ? 1 / sigma[i]! : 1);
    shift[j] = s;
  }
  const move = wide ? matTVec(X, n, d, shift) : shift;
  return { beta: betaS.map((b, i) => flow.scale * (b + move[i]!)), flow };
}
