import { choleskyPsd } from '../../../core/linalg/cholesky.ts';
import type { Stream } from '../../../core/rng/stream.ts';
import type { Labels, TaskSpec } from './data.ts';
import { rowsModule, trainKernel } from './kernels.ts';
import type { Pool, PoolBlock } from './pool.ts';

/**
 * The exact fast path (float64): full-batch GD of the two-layer ReLU CNN of Yuan et al. / Kou et al.
 *   f(W; x) = F₊ − F₋,  F_j = (1/m) Σ_r [σ(⟨w_{j,r}, x⁽¹⁾⟩) + σ(⟨w_{j,r}, x⁽²⁾⟩)],  ℓ(z) = log(1 + e^{−z}),
 * run on the filters' coefficients over a pool (pool.ts) instead of on R^d.
 *
 * Training on a task with n samples tracks, per filter r, s_r = ⟨w_r, μ⟩ and z_{r,i} = ⟨w_r, ξ_i⟩. The
 * signal patch of sample i is ȳ_i μ, so its response is ȳ_i s_r; patch order does not matter because F_j
 * sums over both patches. A GD step adds δ_r μ + Σ_i Δb_{r,i} ξ_i to w_r, so
 *   s_r += δ_r‖μ‖² + Σ_i Δb_{r,i}⟨ξ_i, μ⟩,   z_r += δ_r⟨μ, ξ⟩ + G Δb_r     (G = noise Gram of the task),
 * costing 2m·n·(active samples) per step instead of 2m·n·d; the ⟨ξ, μ⟩ terms are 0 in exact arithmetic and
 * kept so that explicit pools agree with the d-dimensional simulation to round-off.
 * The subgradient of ReLU at 0 is taken as 0 (as tfjs does).
 *
 * Conventions shared with tfjs.ts and direct.ts: losses[t] is the training loss at W(t); training stops
 * at the first t with losses[t] ≤ ε (no further update) or at t = T. `steps` = number of updates made.
 */
export type { FastTask, TrainOptions, TrainResult } from './types.ts';
import type { FastTask, TrainOptions, TrainResult } from './types.ts';

/** ⟨pool_c, μ⟩ for every pool row c. */
export function muResponses(pool: Pool, mu: readonly number[]): Float64Array {
  const { K, gram } = pool;
  const g = new Float64Array(K);
  for (let c = 0; c < K; c++) g[c] = mu[0]! * gram[c * K]! + mu[1]! * gram[c * K + 1]! + mu[2]! * gram[c * K + 2]!;
  return g;
}

export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Below this many samples a training step is a few hundred multiply-adds per filter and the two JavaScript→wasm
 * calls per filter cost more than they save: the JavaScript twin (bit-identical, wasm.test.ts) is ≈ 2× faster
 * there (N = 6–24 in Thm 4.2's pairs), the wasm kernel from ≈ 40 samples on (measured on runCellFast, d = 2000).
 */
export const WASM_MIN_SAMPLES = 33;

/**
 * Full-batch GD on the responses (kernels.ts: the wasm kernel when available and the task has
 * ≥ WASM_MIN_SAMPLES samples, else its JavaScript twin, bit-identical). Costs ≈ 2m·n·(active samples) multiply-adds per step.
 */
export function trainFast(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions): TrainResult {
  return trainKernel(pool, C0, task, opts, task.labels.y.length >= WASM_MIN_SAMPLES ? rowsModule() : null);
}

export interface TestErrorResult {
  /** P(ȳ f(x) < 0) on a fresh clean sample (Monte Carlo over the 2m-dimensional Gaussian). */
  err: number;
  se: number;
  /** P(y f(x) < 0) against the observed (flipped w.p. p) label: p + (1 − 2p)·err, exactly. */
  errObserved: number;
  samples: number;
  /** Signal responses s_r = ⟨w_r, μ⟩ and the noise-response covariance (for diagnostics). */
  s: Float64Array;
  cov: Float64Array;
}

/**
 * Test error of filters C on a task, without d-dimensional samples. A fresh sample is (ȳμ, ξ) in some
 * order; F_j sums both patches, so f = (1/m) Σ_r j_r [σ(ȳ s_r) + σ(ζ_r)] with ζ = Wξ ~ N(0, Σ),
 * Σ = σ_p²·(Gram of the filters projected off the task's projected directions) — an exact 2m-dimensional
 * Gaussian. ȳ = ±1 are both evaluated at each ζ draw (each with weight ½), so the estimate is the exact
 * label average of a Monte Carlo over ζ.
 */
export function testErrorGaussian(pool: Pool, C: Float64Array, spec: TaskSpec, samples: number, stream: Stream): TestErrorResult {
  return testErrorsGaussian(pool, [C], spec, samples, stream)[0]!;
}

/**
 * testErrorGaussian of several filter sets on ONE stream of ζ-draws: each standard normal vector g is drawn once
 * and used by every model (its own ζ = L g), which is exactly what separate calls on copies of the same stream
 * compute (same draws, same per-model arithmetic) — the paired test errors of a cell without drawing the normals
 * twice (fast.test.ts compares against separate calls).
 */
export function testErrorsGaussian(pool: Pool, Cs: Float64Array[], spec: TaskSpec, samples: number, stream: Stream): TestErrorResult[] {
  const models = Cs.map((C) => {
    const { s, cov } = responseLaw(pool, C, spec);
    const F = s.length;
    const m = F / 2;
    const L = choleskyPsd(cov, F); // Σ may be rank-deficient: pivots ≤ 1e-13·max diag are dropped
    let sigPos = 0;
    let sigNeg = 0;
    for (let r = 0; r < F; r++) {
      const j = r < m ? 1 : -1;
      if (s[r]! > 0) sigPos += j * s[r]!;
      else if (s[r]! < 0) sigNeg -= j * s[r]!;
    }
    return { s, cov, F, m, L, sigPos, sigNeg, errSum: 0, errSq: 0 };
  });
  const F = models[0]!.F;
  for (const md of models) if (md.F !== F) throw new RangeError('testErrorsGaussian: models differ in their number of filters');
  const g = new Float64Array(F);
  for (let q = 0; q < samples; q++) {
    stream.fillNormal(g);
    for (const md of models) {
      const { L, m } = md;
      let noiseTerm = 0;
      for (let r = 0; r < F; r++) {
        let z = 0;
        const o = r * F;
        for (let k = 0; k <= r; k++) z += L[o + k]! * g[k]!;
        if (z > 0) noiseTerm += r < m ? z : -z;
      }
      // ȳ = +1 errs when f < 0; ȳ = −1 errs when −f < 0.
      const e = (md.sigPos + noiseTerm < 0 ? 0.5 : 0) + (-(md.sigNeg + noiseTerm) < 0 ? 0.5 : 0);
      md.errSum += e;
      md.errSq += e * e;
    }
  }
  const p = spec.flip;
  return models.map(({ errSum, errSq, s, cov }) => {
    const err = errSum / samples;
    const variance = samples > 1 ? (errSq - samples * err * err) / (samples - 1) : 0;
    return { err, se: Math.sqrt(Math.max(variance, 0) / samples), errObserved: p + (1 - 2 * p) * err, samples, s, cov };
  });
}

/** s_r = ⟨w_r, μ⟩ and Σ = σ_p²·P⊥-Gram of the filters (F×F). */
export function responseLaw(pool: Pool, C: Float64Array, spec: TaskSpec): { s: Float64Array; cov: Float64Array } {
  const { K, gram } = pool;
  const F = C.length / K;
  const gmu = muResponses(pool, spec.mu);
  const s = new Float64Array(F);
  const P = new Float64Array(F * K);
  for (let r = 0; r < F; r++) {
    const pr = P.subarray(r * K, (r + 1) * K);
    let acc = 0;
    for (let c = 0; c < K; c++) {
      const a = C[r * K + c]!;
      if (a === 0) continue;
      acc += a * gmu[c]!;
      const go = c * K;
      for (let l = 0; l < K; l++) pr[l]! += a * gram[go + l]!;
    }
    s[r] = acc;
    // Project off the task's directions: P⊥ = I − Σ_a e_a e_aᵀ (e_a are pool rows a, orthonormal).
    for (const a of spec.project) {
      const coef = pr[a]!; // ⟨w_r, e_a⟩
      for (let l = 0; l < K; l++) pr[l]! -= coef * gram[a * K + l]!;
    }
  }
  const cov = new Float64Array(F * F);
  const s2 = spec.sigmaP * spec.sigmaP;
  for (let r = 0; r < F; r++) {
    for (let q = 0; q <= r; q++) {
      let acc = 0;
      const pr = r * K;
      const cq = q * K;
      for (let c = 0; c < K; c++) {
        const a = C[cq + c]!;
        if (a !== 0) acc += a * P[pr + c]!;
      }
      cov[r * F + q] = s2 * acc;
      cov[q * F + r] = s2 * acc;
    }
  }
  return { s, cov };
}

/** Exact test decision on explicit samples (for cross-checks): f on given responses. */
export function decisionFromResponses(sig: Float64Array, noise: Float64Array, m: number): number {
  let f = 0;
  for (let r = 0; r < sig.length; r++) {
    const j = r < m ? 1 : -1;
    f += j * (Math.max(sig[r]!, 0) + Math.max(noise[r]!, 0));
  }
  return f / m;
}
