import { Matrix, pseudoInverse, SingularValueDecomposition, solve } from 'ml-matrix';
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
 *
 * Φ = a vᵀ (a = Xβ_s) has rank one, and its pseudo-inverse is v aᵀ/(‖a‖²‖v‖²) exactly (the SVD of a rank-one
 * matrix is a/‖a‖ · ‖a‖‖v‖ · (v/‖v‖)ᵀ), so M = β_s (vᵀv) aᵀ/(‖a‖²‖v‖²): O(nd) instead of an SVD of the n × d matrix
 * Φ. Linear algebra only, no risk formula (the expectation over X is still the simulation's); equal to the SVD
 * path (linearTransferRiskNoiseIntegratedSvd) to ≈ 1e-12 on every draw (plainLinear.test.ts).
 */
export function linearTransferRiskNoiseIntegrated(t: TargetSet, v: Float64Array, sigma: number): number {
  const n = t.x.rows;
  const d = t.x.columns;
  const x = t.x;
  let aa = 0;
  let ay = 0;
  for (let i = 0; i < n; i++) {
    let ai = 0;
    for (let j = 0; j < d; j++) ai += x.get(i, j) * t.betaS[j]!;
    aa += ai * ai;
    ay += ai * t.y[i]!;
  }
  let vv = 0;
  for (let j = 0; j < d; j++) vv += v[j]! * v[j]!;
  // M = β_s (vᵀv/(‖a‖²‖v‖²)) aᵀ: β̂ = k(aᵀy)β_s, ‖M‖²_F = k²‖β_s‖²‖a‖².
  const k = vv / (aa * vv);
  let bias = 0;
  let bs2 = 0;
  for (let j = 0; j < d; j++) {
    bias += (k * ay * t.betaS[j]! - t.betaT[j]!) ** 2;
    bs2 += t.betaS[j]! * t.betaS[j]!;
  }
  return bias + sigma * sigma * k * k * bs2 * aa;
}

/** linearTransferRiskNoiseIntegrated through the general pseudo-inverse of Φ (ml-matrix SVD): the reference its rank-one identity is checked against. */
export function linearTransferRiskNoiseIntegratedSvd(t: TargetSet, v: Float64Array, sigma: number): number {
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
 *
 * From one SVD X = U S Vᵀ (ml-matrix, the same decomposition and cut-off as pseudoInverse) without forming X⁺: ‖X⁺‖²_F =
 * Σ 1/s_i² over the kept s_i, and ‖Pβ_t‖² = ‖V_rᵀβ_t‖². Only the small set of singular vectors is accumulated — for n < d
 * U (n × n), with V_rᵀβ_t = S_r⁻¹U_rᵀ(Xβ_t); for n ≥ d V (d × d) — never the n × d one, the bulk of the SVD's cost.
 * Equal to the pseudo-inverse path (scratchRiskNoiseIntegratedPinv) to ≈ 1e-12 (plainLinear.test.ts).
 */
export function scratchRiskNoiseIntegrated(t: TargetSet, sigma: number): number {
  const n = t.x.rows;
  const d = t.x.columns;
  const wide = n < d;
  const svd = new SingularValueDecomposition(t.x, { autoTranspose: true, computeLeftSingularVectors: wide, computeRightSingularVectors: !wide });
  const s = svd.diagonal;
  const cutoff = Number.EPSILON * Math.max(n, d) * s[0]!;
  let bt2 = 0;
  for (let j = 0; j < d; j++) bt2 += t.betaT[j]! * t.betaT[j]!;
  let fro = 0;
  let pb2 = 0;
  if (wide) {
    const u = svd.leftSingularVectors;
    const xb = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += t.x.get(i, j) * t.betaT[j]!;
      xb[i] = acc;
    }
    for (let k = 0; k < s.length; k++) {
      if (!(Math.abs(s[k]!) > cutoff)) continue;
      fro += 1 / (s[k]! * s[k]!);
      let c = 0;
      for (let i = 0; i < n; i++) c += u.get(i, k) * xb[i]!;
      pb2 += (c / s[k]!) ** 2;
    }
    return bt2 - pb2 + sigma * sigma * fro;
  }
  const v = svd.rightSingularVectors;
  const pb = new Float64Array(d);
  for (let k = 0; k < s.length; k++) {
    if (!(Math.abs(s[k]!) > cutoff)) continue;
    fro += 1 / (s[k]! * s[k]!);
    let c = 0;
    for (let j = 0; j < d; j++) c += v.get(j, k) * t.betaT[j]!;
    for (let j = 0; j < d; j++) pb[j] += c * v.get(j, k);
  }
  let bias = 0;
  for (let j = 0; j < d; j++) bias += (t.betaT[j]! - pb[j]!) ** 2;
  return bias + sigma * sigma * fro;
}

/** scratchRiskNoiseIntegrated through the full pseudo-inverse X⁺ (ml-matrix): the reference its SVD shortcut is checked against. */
export function scratchRiskNoiseIntegratedPinv(t: TargetSet, sigma: number): number {
  const pinv = pseudoInverse(t.x);
  const pb = pinv.mmul(t.x.mmul(Matrix.columnVector(Array.from(t.betaT)))).getColumn(0);
  let bias = 0;
  for (let i = 0; i < pb.length; i++) bias += (t.betaT[i]! - pb[i]!) ** 2;
  let fro = 0;
  for (let i = 0; i < pinv.rows; i++) for (let j = 0; j < pinv.columns; j++) fro += pinv.get(i, j) ** 2;
  return bias + sigma * sigma * fro;
}
