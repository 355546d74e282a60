import type { Stream } from '../rng/stream.ts';
import type { Labels, TaskSpec } from './data.ts';
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
 * costing m·n·(active samples) per step instead of m·n·d; the ⟨ξ, μ⟩ terms are 0 in exact arithmetic and
 * kept so that explicit pools agree with the d-dimensional simulation to round-off.
 * The subgradient of ReLU at 0 is taken as 0 (as tfjs does).
 *
 * Conventions shared with tfjs.ts and direct.ts: losses[t] is the training loss at W(t); training stops
 * at the first t with losses[t] ≤ ε (no further update) or at t = T. `steps` = number of updates made.
 */
export interface FastTask {
  spec: TaskSpec;
  labels: Labels;
  noise: PoolBlock;
}

export interface TrainOptions {
  eta: number;
  T: number;
  /** Stop once the training loss is ≤ eps (0: run all T steps). */
  eps: number;
  /** Record the loss curve (always recorded when cheap; set false to save memory at paper scale). */
  curve?: boolean;
}

export interface TrainResult {
  C: Float64Array;
  losses: number[];
  finalLoss: number;
  steps: number;
  /** Fraction of (filter, sample) noise activations at the end. */
  activeFraction: number;
}

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
 * Self-contained (no references outside its body) so that sim/ptransfer/parallel.ts can run its source in
 * a worker thread: keep it free of imports, closures and nested functions.
 */
export function trainFast(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions): TrainResult {
  const { K, gram } = pool;
  const F = C0.length / K;
  const m = F / 2;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`trainFast: ${F} filters is not 2m`);
  const C = C0.slice();
  const { yClean, y } = task.labels;
  const n = y.length;
  const off = task.noise.offset;
  if (task.noise.count !== n) throw new RangeError('trainFast: noise block and labels differ in size');
  const mu = task.spec.mu;
  const gmu = new Float64Array(K);
  for (let c = 0; c < K; c++) gmu[c] = mu[0] * gram[c * K]! + mu[1] * gram[c * K + 1]! + mu[2] * gram[c * K + 2]!;
  const mu2 = mu[0] * gmu[0]! + mu[1] * gmu[1]! + mu[2] * gmu[2]!;
  const muXi = gmu.slice(off, off + n);
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) G[i * n + l] = gram[(off + i) * K + off + l]!;

  // Initial responses (C is sparse for fresh filters: skip zeros).
  const s = new Float64Array(F);
  const Z = new Float64Array(F * n);
  for (let r = 0; r < F; r++) {
    let acc = 0;
    const zr = r * n;
    for (let c = 0; c < K; c++) {
      const a = C[r * K + c]!;
      if (a === 0) continue;
      acc += a * gmu[c]!;
      const go = c * K + off;
      for (let i = 0; i < n; i++) Z[zr + i]! += a * gram[go + i]!;
    }
    s[r] = acc;
  }

  const f = new Float64Array(n);
  const h = new Float64Array(n);
  const idx = new Int32Array(n);
  const val = new Float64Array(n);
  const losses: number[] = [];
  const eta = opts.eta;
  let steps = 0;
  let loss = NaN;
  for (let t = 0; ; t++) {
    // Forward: f_i = (1/m) Σ_r j_r [σ(ȳ_i s_r) + σ(z_{r,i})].
    let sigPos = 0;
    let sigNeg = 0;
    f.fill(0);
    for (let r = 0; r < F; r++) {
      const j = r < m ? 1 : -1;
      const sr = s[r]!;
      if (sr > 0) sigPos += j * sr;
      else if (sr < 0) sigNeg -= j * sr;
      const zr = r * n;
      for (let i = 0; i < n; i++) {
        const z = Z[zr + i]!;
        if (z > 0) f[i]! += j * z;
      }
    }
    loss = 0;
    for (let i = 0; i < n; i++) {
      f[i] = (f[i]! + (yClean[i]! > 0 ? sigPos : sigNeg)) / m;
      const q = y[i]! * f[i]!;
      loss += -q > 0 ? -q + Math.log1p(Math.exp(q)) : Math.log1p(Math.exp(-q)); // softplus(−q)
      // dL/d(relu term) without the class sign: ℓ'(q)·y_i/(n m), ℓ'(q) = −1/(1 + e^q).
      h[i] = (-y[i]! / (1 + Math.exp(q))) / (n * m);
    }
    loss /= n;
    if (opts.curve !== false) losses.push(loss);
    if (t >= opts.T || loss <= opts.eps) break;
    let Hp = 0;
    let Hn = 0;
    for (let i = 0; i < n; i++) {
      if (yClean[i]! > 0) Hp += h[i]!;
      else Hn -= h[i]!; // ȳ_i = −1 carries the factor ȳ_i into the sum
    }
    for (let r = 0; r < F; r++) {
      const j = r < m ? 1 : -1;
      const sr = s[r]!;
      const delta = sr > 0 ? -eta * j * Hp : sr < 0 ? -eta * j * Hn : 0;
      const zr = r * n;
      let c = 0;
      let dsXi = 0;
      for (let i = 0; i < n; i++) {
        if (Z[zr + i]! > 0) {
          const db = -eta * j * h[i]!;
          idx[c] = i;
          val[c] = db;
          c++;
          C[r * K + off + i]! += db;
          dsXi += db * muXi[i]!;
        }
      }
      if (delta !== 0) {
        C[r * K]! += delta * mu[0];
        C[r * K + 1]! += delta * mu[1];
        C[r * K + 2]! += delta * mu[2];
        for (let i = 0; i < n; i++) Z[zr + i]! += delta * muXi[i]!;
      }
      s[r] = sr + delta * mu2 + dsXi;
      // Z_r += G Δb_r over the active samples, eight (then four) rows of G at a time.
      let k = 0;
      for (; k + 7 < c; k += 8) {
        const a0 = val[k]!;
        const a1 = val[k + 1]!;
        const a2 = val[k + 2]!;
        const a3 = val[k + 3]!;
        const a4 = val[k + 4]!;
        const a5 = val[k + 5]!;
        const a6 = val[k + 6]!;
        const a7 = val[k + 7]!;
        const g0 = idx[k]! * n;
        const g1 = idx[k + 1]! * n;
        const g2 = idx[k + 2]! * n;
        const g3 = idx[k + 3]! * n;
        const g4 = idx[k + 4]! * n;
        const g5 = idx[k + 5]! * n;
        const g6 = idx[k + 6]! * n;
        const g7 = idx[k + 7]! * n;
        for (let l = 0; l < n; l++)
          Z[zr + l]! +=
            a0 * G[g0 + l]! + a1 * G[g1 + l]! + a2 * G[g2 + l]! + a3 * G[g3 + l]! + a4 * G[g4 + l]! + a5 * G[g5 + l]! + a6 * G[g6 + l]! + a7 * G[g7 + l]!;
      }
      for (; k + 3 < c; k += 4) {
        const a0 = val[k]!;
        const a1 = val[k + 1]!;
        const a2 = val[k + 2]!;
        const a3 = val[k + 3]!;
        const g0 = idx[k]! * n;
        const g1 = idx[k + 1]! * n;
        const g2 = idx[k + 2]! * n;
        const g3 = idx[k + 3]! * n;
        for (let l = 0; l < n; l++) Z[zr + l]! += a0 * G[g0 + l]! + a1 * G[g1 + l]! + a2 * G[g2 + l]! + a3 * G[g3 + l]!;
      }
      for (; k < c; k++) {
        const a = val[k]!;
        const g = idx[k]! * n;
        for (let l = 0; l < n; l++) Z[zr + l]! += a * G[g + l]!;
      }
    }
    steps++;
  }
  let active = 0;
  for (let q = 0; q < Z.length; q++) if (Z[q]! > 0) active++;
  return { C, losses, finalLoss: loss, steps, activeFraction: active / Z.length };
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
  const { s, cov } = responseLaw(pool, C, spec);
  const F = s.length;
  const m = F / 2;
  const L = choleskyPsd(cov, F);
  let sigPos = 0;
  let sigNeg = 0;
  for (let r = 0; r < F; r++) {
    const j = r < m ? 1 : -1;
    if (s[r]! > 0) sigPos += j * s[r]!;
    else if (s[r]! < 0) sigNeg -= j * s[r]!;
  }
  const g = new Float64Array(F);
  let errSum = 0;
  let errSq = 0;
  for (let q = 0; q < samples; q++) {
    stream.fillNormal(g);
    let noiseTerm = 0;
    for (let r = 0; r < F; r++) {
      let z = 0;
      const o = r * F;
      for (let k = 0; k <= r; k++) z += L[o + k]! * g[k]!;
      if (z > 0) noiseTerm += r < m ? z : -z;
    }
    // ȳ = +1 errs when f < 0; ȳ = −1 errs when −f < 0.
    const e = (sigPos + noiseTerm < 0 ? 0.5 : 0) + (-(sigNeg + noiseTerm) < 0 ? 0.5 : 0);
    errSum += e;
    errSq += e * e;
  }
  const err = errSum / samples;
  const variance = samples > 1 ? (errSq - samples * err * err) / (samples - 1) : 0;
  const p = spec.flip;
  return { err, se: Math.sqrt(Math.max(variance, 0) / samples), errObserved: p + (1 - 2 * p) * err, samples, s, cov };
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

/** Lower Cholesky factor of a PSD matrix; directions with pivot ≤ 1e-13·max diag are dropped (rank-deficient Σ). */
export function choleskyPsd(A: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, A[i * n + i]!);
  const tol = 1e-13 * maxDiag;
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (d <= tol) continue; // column stays zero
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let v = A[i * n + j]!;
      for (let k = 0; k < j; k++) v -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = v / ljj;
    }
  }
  return L;
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
