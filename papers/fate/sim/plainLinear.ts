import { Matrix, pseudoInverse, solve } from 'ml-matrix';
import type { TargetSet } from './design.ts';

/**
 * The plain estimators of the deep-linear transfer setting, computed the direct way with ml-matrix
 * (float64): they are the reference the fast reductions are checked against.
 */

/** Scratch: the minimum-norm least-squares solution X⁺y (the end point of Thm 3.5). */
export function minNormScratch(t: TargetSet): Float64Array {
  const beta = pseudoInverse(t.x).mmul(Matrix.columnVector(Array.from(t.y)));
  return Float64Array.from(beta.getColumn(0));
}

/**
 * Linear transfer on frozen rank-one features Φ = X W_1 = (Xβ_s)vᵀ (the pretrained net of Thm 3.4 with a
 * random unit hidden direction v): last layer W_L = argmin (1/2n)‖ΦW − y‖² + (λ/2)‖W‖², minimum norm when
 * λ = 0; the transferred predictor is β̂ = β_s vᵀ W_L.
 */
export function linearTransferOnFeatures(t: TargetSet, v: Float64Array, lambda = 0): Float64Array {
  const n = t.x.rows;
  const d = t.x.columns;
  const w1 = Matrix.columnVector(Array.from(t.betaS)).mmul(Matrix.rowVector(Array.from(v)));
  const phi = t.x.mmul(w1);
  const y = Matrix.columnVector(Array.from(t.y));
  let wL: Matrix;
  if (lambda === 0) wL = pseudoInverse(phi).mmul(y);
  else wL = solve(phi.transpose().mmul(phi).add(Matrix.eye(d).mul(n * lambda)), phi.transpose().mmul(y));
  return Float64Array.from(w1.mmul(wL).getColumn(0));
}

/**
 * The same min-norm linear transfer with the label noise integrated out exactly given X: with
 * M = W_1Φ⁺ (so β̂ = M y), E_ε‖M(Xβ_t + ε) − β_t‖² = ‖MXβ_t − β_t‖² + σ²‖M‖²_F. A Rao–Blackwell step:
 * same mean as the plain draw, without its σ²z²/‖Xβ_s‖² factor (whose heavy right tail mis-calibrates
 * t-tests at small p-values). `t` must carry noiseless labels y = Xβ_t.
 */
export function linearTransferRiskNoiseIntegrated(t: TargetSet, v: Float64Array, sigma: number): number {
  const w1 = Matrix.columnVector(Array.from(t.betaS)).mmul(Matrix.rowVector(Array.from(v)));
  const m = w1.mmul(pseudoInverse(t.x.mmul(w1)));
  const beta = m.mmul(Matrix.columnVector(Array.from(t.y))).getColumn(0);
  let bias = 0;
  for (let i = 0; i < beta.length; i++) bias += (beta[i]! - t.betaT[i]!) ** 2;
  let fro = 0;
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.columns; j++) fro += m.get(i, j) ** 2;
  return bias + sigma * sigma * fro;
}

/**
 * The min-norm scratch risk with the label noise integrated out exactly given X: with P = X⁺X,
 * E_ε‖X⁺(Xβ_t + ε) − β_t‖² = ‖(I − P)β_t‖² + σ²‖X⁺‖²_F (Rao–Blackwell; same mean as the plain draw).
 */
export function scratchRiskNoiseIntegrated(t: TargetSet, sigma: number): number {
  const pinv = pseudoInverse(t.x);
  const pb = pinv.mmul(t.x.mmul(Matrix.columnVector(Array.from(t.betaT)))).getColumn(0);
  let bias = 0;
  for (let i = 0; i < pb.length; i++) bias += (t.betaT[i]! - pb[i]!) ** 2;
  let fro = 0;
  for (let i = 0; i < pinv.rows; i++) for (let j = 0; j < pinv.columns; j++) fro += pinv.get(i, j) ** 2;
  return bias + sigma * sigma * fro;
}
