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
