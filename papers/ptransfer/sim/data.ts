import { dot } from '../../../core/linalg/vector.ts';
import { Stream } from '../../../core/rng/stream.ts';

/**
 * The data model of Yuan et al. Defs 3.1/3.2 (and Kou et al.'s single task with label flips).
 *
 * Signals live in an orthonormal basis (e_u, e_1, e_2) built by Gram–Schmidt from Gaussian vectors and
 * then scaled: u = ‖u‖e_u, v_1 = ‖v_1‖e_1, v_2 = ‖v_2‖e_2 (so u, v_1, v_2 are mutually orthogonal as in
 * the experiments). A task k has signal μ_k = u + v_k and noise ξ ~ N(0, σ_{p,k}²(I − e_ue_uᵀ − e_ke_kᵀ)):
 * the noise is projected off the *directions* e_u, e_k even when a norm is 0 (the paper's formula
 * uuᵀ/‖u‖² is undefined there; we keep the direction, which is the limit ‖u‖ → 0).
 * Kou et al.: signal μ = ‖μ‖e_2, noise projected off e_2 only, labels flipped with probability p; the
 * signal patch carries the clean label ȳ, the training label is the flipped one.
 */
export interface TaskSpec {
  /** μ in the (e_u, e_1, e_2) basis. */
  mu: readonly [number, number, number];
  /** Basis directions (0 = e_u, 1 = e_1, 2 = e_2) the noise is projected off. */
  project: readonly number[];
  sigmaP: number;
  n: number;
  /** Label-flip probability p (Kou et al.); 0 for ptransfer. */
  flip: number;
}

export function ptransferTask(k: 1 | 2, p: { uNorm: number; v1Norm: number; v2Norm: number; sigmaP: number; n: number }): TaskSpec {
  return {
    mu: [p.uNorm, k === 1 ? p.v1Norm : 0, k === 2 ? p.v2Norm : 0],
    project: [0, k],
    sigmaP: p.sigmaP,
    n: p.n,
    flip: 0,
  };
}

export function kouTask(p: { muNorm: number; sigmaP: number; n: number; flip: number }): TaskSpec {
  return { mu: [0, 0, p.muNorm], project: [2], sigmaP: p.sigmaP, n: p.n, flip: p.flip };
}

export function muNorm2(t: TaskSpec): number {
  return t.mu[0] * t.mu[0] + t.mu[1] * t.mu[1] + t.mu[2] * t.mu[2];
}

/** Labels of a task: clean ȳ (carried by the signal patch), observed y (flipped w.p. p), patch order. */
export interface Labels {
  yClean: Float64Array;
  y: Float64Array;
  /** 1 when the signal is patch x⁽¹⁾, 0 when it is x⁽²⁾ (random order, Defs 3.1/3.2). */
  signalFirst: Uint8Array;
}

/** Per sample: ȳ Rademacher, flip with probability p, patch order Rademacher. Prefix-stable in n. */
export function drawLabels(n: number, flip: number, s: Stream): Labels {
  const yClean = new Float64Array(n);
  const y = new Float64Array(n);
  const signalFirst = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    yClean[i] = s.sign();
    const u = s.uniform();
    y[i] = flip > 0 && u < flip ? -yClean[i]! : yClean[i]!;
    signalFirst[i] = s.sign() > 0 ? 1 : 0;
  }
  return { yClean, y, signalFirst };
}

/** Three orthonormal vectors in R^d (rows of a 3×d array) by Gram–Schmidt of Gaussian vectors. */
export function makeBasis(d: number, s: Stream): Float64Array {
  if (!(Number.isInteger(d) && d >= 3)) throw new RangeError(`makeBasis: d must be an integer ≥ 3, got ${d}`);
  for (;;) {
    const E = s.normals(3 * d);
    let ok = true;
    for (let a = 0; a < 3 && ok; a++) {
      const ea = E.subarray(a * d, (a + 1) * d);
      for (let pass = 0; pass < 2; pass++) {
        for (let b = 0; b < a; b++) {
          const eb = E.subarray(b * d, (b + 1) * d);
          const c = dot(ea, eb);
          for (let t = 0; t < d; t++) ea[t]! -= c * eb[t]!;
        }
      }
      const nrm = Math.sqrt(dot(ea, ea));
      if (!(nrm > 1e-8)) ok = false;
      else for (let t = 0; t < d; t++) ea[t]! /= nrm;
    }
    if (ok) return E;
  }
}

/** n noise patches (n×d): σ_p·(I − Σ_{a∈project} e_a e_aᵀ) g, g ~ N(0, I_d). Prefix-stable in n. */
export function makeNoise(E: Float64Array, d: number, task: TaskSpec, n: number, s: Stream): Float64Array {
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const x = X.subarray(i * d, (i + 1) * d);
    s.fillNormal(x);
    for (const a of task.project) {
      const ea = E.subarray(a * d, (a + 1) * d);
      const c = dot(x, ea);
      for (let t = 0; t < d; t++) x[t]! -= c * ea[t]!;
    }
    for (let t = 0; t < d; t++) x[t]! *= task.sigmaP;
  }
  return X;
}

/** The signal vector μ in R^d. */
export function signalVector(E: Float64Array, d: number, task: TaskSpec): Float64Array {
  const mu = new Float64Array(d);
  for (let a = 0; a < 3; a++) for (let t = 0; t < d; t++) mu[t]! += task.mu[a]! * E[a * d + t]!;
  return mu;
}

/** The two patches of every sample (n×d each): signal ȳ_i μ in patch 1 or 2 by the drawn order. */
export function patches(E: Float64Array, d: number, task: TaskSpec, noise: Float64Array, labels: Labels): { X1: Float64Array; X2: Float64Array } {
  const n = labels.y.length;
  const mu = signalVector(E, d, task);
  const X1 = new Float64Array(n * d);
  const X2 = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const sig = labels.signalFirst[i] ? X1 : X2;
    const noi = labels.signalFirst[i] ? X2 : X1;
    for (let t = 0; t < d; t++) {
      sig[i * d + t] = labels.yClean[i]! * mu[t]!;
      noi[i * d + t] = noise[i * d + t]!;
    }
  }
  return { X1, X2 };
}

/** 2m filters (rows 0..m−1 class +1, m..2m−1 class −1), entries N(0, σ_0²). */
export function makeInit(m: number, d: number, sigma0: number, s: Stream): Float64Array {
  return s.normals(2 * m * d, sigma0);
}

/**
 * Algorithm 1's inheritance: for each class, a uniformly random subset of ⌊αm⌋ of its m filters is
 * inherited (same class, same index); returns a 0/1 mask over the 2m filters.
 */
export function inheritMask(m: number, alpha: number, s: Stream): Uint8Array {
  const k = Math.floor(alpha * m + 1e-9);
  const mask = new Uint8Array(2 * m);
  for (let j = 0; j < 2; j++) {
    const idx = Array.from({ length: m }, (_, r) => r);
    for (let t = 0; t < k; t++) {
      const pick = t + s.int(m - t);
      const tmp = idx[t]!;
      idx[t] = idx[pick]!;
      idx[pick] = tmp;
      mask[j * m + idx[t]!] = 1;
    }
  }
  return mask;
}

/** Sub-streams of one replicate: each purpose has its own stream so changing N_1 leaves the target data alone. */
export function replicateStreams(seed: number, replicate: number): (label: string) => Stream {
  const rep = Stream.childSeed(seed, 'ptransfer.replicate', replicate);
  return (label: string) => Stream.fromSeed(Stream.childSeed(rep, label));
}

/** The seed of replicateStreams(seed, replicate)(label), i.e. that stream is Stream.fromSeed(replicateSeed(…)). */
export function replicateSeed(seed: number, replicate: number, label: string): number {
  return Stream.childSeed(Stream.childSeed(seed, 'ptransfer.replicate', replicate), label);
}
