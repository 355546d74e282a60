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
 * Below this many samples a training step is a few hundred multiply-adds per filter and the JavaScript twin (fused
 * update, bit-identical, wasm.test.ts) is as fast as the wasm kernel, whose memory and instance each training sets up;
 * from here on the wasm kernel (its whole update one call per step: rows.wat update) is faster. Measured per 300-step
 * training at m = 10, d = 277: N = 7: JS 1.17 vs wasm 1.33 ms, 12: 1.50 vs 1.42, 18: 2.04 vs 1.24, 24: 2.78 vs 1.53,
 * 33: 4.26 vs 2.08, 60: 8.92 vs 3.57 (before the one-call update the threshold was 33).
 */
export const WASM_MIN_SAMPLES = 16;

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
export function testErrorGaussian(pool: Pool, C: Float64Array, spec: TaskSpec, samples: number, stream: Stream | Float64Array): TestErrorResult {
  return testErrorsGaussian(pool, [C], spec, samples, stream)[0]!;
}

/**
 * testErrorGaussian of several filter sets on ONE sequence of ζ-draws: each standard normal vector g is drawn once
 * and used by every model (its own ζ = L g), which is exactly what separate calls on copies of the same stream
 * compute (same draws, same per-model arithmetic) — the paired test errors of a cell without drawing the normals
 * twice (fast.test.ts compares against separate calls). `source` is the stream, or the normals it would give
 * (≥ samples·F of them, in the order the stream gives them: testNormals.ts keeps those of a replicate for the
 * other member of a pair, which draws the very same ones).
 */
export function testErrorsGaussian(pool: Pool, Cs: Float64Array[], spec: TaskSpec, samples: number, source: Stream | Float64Array): TestErrorResult[] {
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
  let G: Float64Array;
  if (source instanceof Float64Array) {
    if (source.length < samples * F) throw new RangeError(`testErrorsGaussian: ${source.length} normals given, ${samples * F} needed`);
    G = source;
  } else G = source.fillNormal(new Float64Array(samples * F)); // the same sequence as F at a time
  const wasm = samples > 0 ? noiseKernel(F, samples) : null;
  if (wasm !== null) interleave(wasm.f64, wasm.pG, G, F, samples);
  for (const md of models) {
    const { errSum, errSq } = wasm !== null ? sampleErrorsWasm(wasm, md.L, F, md.m, samples, md.sigPos, md.sigNeg) : sampleErrors(md.L, G, F, md.m, samples, md.sigPos, md.sigNeg);
    md.errSum = errSum;
    md.errSq = errSq;
  }
  const p = spec.flip;
  return models.map(({ errSum, errSq, s, cov }) => {
    const err = errSum / samples;
    const variance = samples > 1 ? (errSq - samples * err * err) / (samples - 1) : 0;
    return { err, se: Math.sqrt(Math.max(variance, 0) / samples), errObserved: p + (1 - 2 * p) * err, samples, s, cov };
  });
}

/** Error of one sample (both labels, weight ½ each) from its noise term Σ_r j_r σ(ζ_r). */
const sampleError = (sigPos: number, sigNeg: number, noiseTerm: number) => (sigPos + noiseTerm < 0 ? 0.5 : 0) + (-(sigNeg + noiseTerm) < 0 ? 0.5 : 0);

/**
 * Σ_q e_q and Σ_q e_q² over the samples, ζ_q = L g_q with g_q = G[qF … qF + F). Four samples share each load of L;
 * every ζ_{q,r} is still summed over k = 0 … r in order, every noise term over r in order, and the error sums over q
 * in order — the arithmetic of one sample at a time, bit for bit (fast.test.ts).
 */
function sampleErrors(L: Float64Array, G: Float64Array, F: number, m: number, samples: number, sigPos: number, sigNeg: number): { errSum: number; errSq: number } {
  let errSum = 0;
  let errSq = 0;
  let q = 0;
  for (; q + 4 <= samples; q += 4) {
    const g0 = q * F;
    const g1 = g0 + F;
    const g2 = g1 + F;
    const g3 = g2 + F;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    for (let r = 0; r < F; r++) {
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      const o = r * F;
      for (let k = 0; k <= r; k++) {
        const l = L[o + k]!;
        z0 += l * G[g0 + k]!;
        z1 += l * G[g1 + k]!;
        z2 += l * G[g2 + k]!;
        z3 += l * G[g3 + k]!;
      }
      if (z0 > 0) n0 += r < m ? z0 : -z0;
      if (z1 > 0) n1 += r < m ? z1 : -z1;
      if (z2 > 0) n2 += r < m ? z2 : -z2;
      if (z3 > 0) n3 += r < m ? z3 : -z3;
    }
    for (const nt of [n0, n1, n2, n3]) {
      const e = sampleError(sigPos, sigNeg, nt);
      errSum += e;
      errSq += e * e;
    }
  }
  for (; q < samples; q++) {
    const go = q * F;
    let noiseTerm = 0;
    for (let r = 0; r < F; r++) {
      let z = 0;
      const o = r * F;
      for (let k = 0; k <= r; k++) z += L[o + k]! * G[go + k]!;
      if (z > 0) noiseTerm += r < m ? z : -z;
    }
    const e = sampleError(sigPos, sigNeg, noiseTerm);
    errSum += e;
    errSq += e * e;
  }
  return { errSum, errSq };
}

/**
 * The noise terms of sampleErrors in WebAssembly (rows.wat `noise`: eight samples per pass, a v128 lane per sample,
 * each ζ and each noise term summed in the JavaScript's order, relu by masking — bit for bit sampleErrors, fast.test.ts),
 * then the error sums over the samples in order in JavaScript. One shared memory, kept and grown as needed:
 * L at 0, the normals from pG in groups of 8 samples ([group][k][sample], the last group padded with zeros), the noise
 * terms at pOut. null without the wasm kernel (TTC_PTRANSFER_WASM=0): sampleErrors, the same numbers.
 */
interface NoiseKernel {
  f64: Float64Array;
  noise: (pL: number, pG: number, pOut: number, F: number, m: number, groups: number) => void;
  pG: number;
  pOut: number;
  groups: number;
}

let noiseMem: { mem: WebAssembly.Memory; f64: Float64Array; noise: NoiseKernel['noise']; bytes: number } | null = null;

export function noiseKernel(F: number, samples: number): NoiseKernel | null {
  const mod = rowsModule();
  if (mod === null) return null;
  const groups = Math.ceil(samples / 8);
  const pG = F * F;
  const pOut = pG + groups * 8 * F;
  const bytes = 8 * (pOut + groups * 8);
  if (noiseMem === null || noiseMem.bytes < bytes) {
    const pages = Math.ceil(bytes / 65536);
    const mem = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    const ex = new WebAssembly.Instance(mod, { env: { mem } }).exports as unknown as { noise: NoiseKernel['noise'] };
    noiseMem = { mem, f64: new Float64Array(mem.buffer), noise: ex.noise, bytes: pages * 65536 };
  }
  return { f64: noiseMem.f64, noise: noiseMem.noise, pG, pOut, groups };
}

/** G (sample-major, samples × F) into the kernel's groups of 8: [group][k][sample], zeros past the last sample. */
function interleave(f64: Float64Array, pG: number, G: Float64Array, F: number, samples: number): void {
  const groups = Math.ceil(samples / 8);
  for (let grp = 0; grp < groups; grp++) {
    const base = pG + grp * F * 8;
    for (let s = 0; s < 8; s++) {
      const q = grp * 8 + s;
      if (q < samples) for (let k = 0; k < F; k++) f64[base + k * 8 + s] = G[q * F + k]!;
      else for (let k = 0; k < F; k++) f64[base + k * 8 + s] = 0;
    }
  }
}

function sampleErrorsWasm(w: NoiseKernel, L: Float64Array, F: number, m: number, samples: number, sigPos: number, sigNeg: number): { errSum: number; errSq: number } {
  w.f64.set(L.subarray(0, F * F), 0);
  w.noise(0, w.pG, w.pOut, F, m, w.groups);
  let errSum = 0;
  let errSq = 0;
  for (let q = 0; q < samples; q++) {
    const e = sampleError(sigPos, sigNeg, w.f64[w.pOut + q]!);
    errSum += e;
    errSq += e * e;
  }
  return { errSum, errSq };
}

/** For tests: the wasm kernel's noise terms n_q of L and the sample-major normals G (null without the kernel). */
export function noiseTermsWasm(L: Float64Array, G: Float64Array, F: number, m: number, samples: number): Float64Array | null {
  const w = noiseKernel(F, samples);
  if (w === null) return null;
  interleave(w.f64, w.pG, G, F, samples);
  w.f64.set(L.subarray(0, F * F), 0);
  w.noise(0, w.pG, w.pOut, F, m, w.groups);
  return w.f64.slice(w.pOut, w.pOut + samples);
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
