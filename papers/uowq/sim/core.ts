/**
 * Faithful simulation of weighted multi-source maximum likelihood (uowq; model written in
 * theory/uowq/model.ts). For each replicate (its own Stream) it draws N_k samples for every task,
 * then for every configuration (α, n) fits θ̂ = argmax Σ_k (α_k/n_k)·loglik(first n_k samples of task k)
 * and records the true KL error E_x D_KL(P_{θ_0} ‖ P_{θ̂}). All configurations share the data (paired).
 * Each task has its own stream per replicate, so data sets at different N share their first samples.
 *
 * Models:
 *  - 'linear': x ~ N(0, diag(xVar)), y = xᵀθ_k + σ ε; θ̂ by the weighted normal equations.
 *    KL is exact: ½ (θ̂−θ_0)ᵀ diag(xVar) (θ̂−θ_0) / σ².
 *  - 'logistic': x ~ N(0, I), y ~ Bernoulli(sigmoid(xᵀθ_k)); θ̂ by damped Newton's method.
 *    KL is the exact expected Bernoulli KL over x, computed by a 2-D trapezoid rule over the
 *    Gaussian pair (xᵀθ_0, xᵀθ̂) — no second-order approximation in the measurement.
 */
import { Stream } from '../../../core/rng/stream.ts';
import { solveDense } from '../../../core/linalg/solve.ts';
import { expNeg } from './expNeg.ts';

export interface UowqProblem {
  model: 'linear' | 'logistic';
  theta0: readonly number[];
  /** K source shifts δ_k (θ_k = θ_0 + δ_k). */
  deltas: readonly (readonly number[])[];
  /** Available samples N_0..N_K. */
  N: readonly number[];
  /** linear only: diagonal design variances (default 1) and noise sd (default 1). */
  xVar?: readonly number[];
  sigma?: number;
}

export interface UowqConfig {
  alpha: readonly number[];
  n: readonly number[];
}

interface TaskData {
  X: Float64Array;
  y: Float64Array;
}

function drawTask(p: UowqProblem, k: number, s: Stream): TaskData {
  const d = p.theta0.length;
  const Nk = p.N[k]!;
  const theta = p.theta0.map((t, i) => t + (k === 0 ? 0 : p.deltas[k - 1]![i]!));
  const X = new Float64Array(Nk * d);
  const y = new Float64Array(Nk);
  const sd = (p.xVar ?? theta.map(() => 1)).map(Math.sqrt);
  for (let i = 0; i < Nk; i++) {
    let eta = 0;
    for (let j = 0; j < d; j++) {
      const x = (p.model === 'linear' ? sd[j]! : 1) * s.normal();
      X[i * d + j] = x;
      eta += x * theta[j]!;
    }
    if (p.model === 'linear') y[i] = eta + (p.sigma ?? 1) * s.normal();
    else y[i] = s.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { X, y };
}

function fitLinear(data: TaskData[], cfg: UowqConfig, d: number): Float64Array {
  const A = new Float64Array(d * d);
  const c = new Float64Array(d);
  data.forEach((t, k) => {
    const a = cfg.alpha[k]!;
    const nk = cfg.n[k]!;
    if (a === 0 || nk === 0) return;
    const w = a / nk;
    for (let i = 0; i < nk; i++) {
      const r = i * d;
      for (let p = 0; p < d; p++) {
        const xp = w * t.X[r + p]!;
        c[p]! += xp * t.y[i]!;
        for (let q = 0; q < d; q++) A[p * d + q]! += xp * t.X[r + q]!;
      }
    }
  });
  return solveDense(A, d, c);
}

function fitLogistic(data: TaskData[], cfg: UowqConfig, d: number): Float64Array {
  let theta = new Float64Array(d);
  const objective = (th: Float64Array): number => {
    let f = 0;
    data.forEach((t, k) => {
      const a = cfg.alpha[k]!;
      const nk = cfg.n[k]!;
      if (a === 0 || nk === 0) return;
      let s = 0;
      for (let i = 0; i < nk; i++) {
        let eta = 0;
        for (let p = 0; p < d; p++) eta += t.X[i * d + p]! * th[p]!;
        // log-likelihood y·η − log(1 + e^η), stable
        s += t.y[i]! * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));
      }
      f += (a / nk) * s;
    });
    return f;
  };
  let fcur = objective(theta);
  for (let it = 0; it < 100; it++) {
    const g = new Float64Array(d);
    const H = new Float64Array(d * d);
    data.forEach((t, k) => {
      const a = cfg.alpha[k]!;
      const nk = cfg.n[k]!;
      if (a === 0 || nk === 0) return;
      const w = a / nk;
      for (let i = 0; i < nk; i++) {
        const r = i * d;
        let eta = 0;
        for (let p = 0; p < d; p++) eta += t.X[r + p]! * theta[p]!;
        const mu = 1 / (1 + Math.exp(-eta));
        const res = w * (t.y[i]! - mu);
        const v = w * mu * (1 - mu);
        for (let p = 0; p < d; p++) {
          g[p]! += res * t.X[r + p]!;
          const vx = v * t.X[r + p]!;
          for (let q = 0; q < d; q++) H[p * d + q]! += vx * t.X[r + q]!;
        }
      }
    });
    const step = solveDense(H, d, g);
    let size = 0;
    for (let p = 0; p < d; p++) size += step[p]! * step[p]!;
    let lr = 1;
    let next = theta;
    let fnext = fcur;
    for (let h = 0; h < 40; h++) {
      const cand = theta.map((t, p) => t + lr * step[p]!);
      const fc = objective(cand);
      if (fc >= fcur - 1e-15 * Math.abs(fcur)) {
        next = cand;
        fnext = fc;
        break;
      }
      lr /= 2;
    }
    theta = next;
    fcur = fnext;
    if (Math.sqrt(size) * lr < 1e-11) break;
  }
  return theta;
}

const GRID = (() => {
  // trapezoid nodes for a standard normal on [−7, 7] (geometric convergence for analytic integrands)
  const m = 33;
  const half = 7;
  const h = (2 * half) / (m - 1);
  const z: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < m; i++) {
    const x = -half + i * h;
    z.push(x);
    w.push(((i === 0 || i === m - 1 ? 0.5 : 1) * h * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI));
  }
  return { z, w };
})();

/** log σ at the 2-D grid's nodes (logisticKL's scratch). */
const LPB = new Float64Array(GRID.z.length * GRID.z.length);

function logSigmoid(t: number): number {
  return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
}

/** E_x KL(Bern(σ(xᵀθ_0)) ‖ Bern(σ(xᵀθ))) for x ~ N(0, I). */
export function logisticKL(theta0: ArrayLike<number>, theta: ArrayLike<number>): number {
  const d = theta0.length;
  let s0 = 0;
  for (let i = 0; i < d; i++) s0 += theta0[i]! ** 2;
  s0 = Math.sqrt(s0);
  let c1 = 0;
  if (s0 > 0) for (let i = 0; i < d; i++) c1 += (theta[i]! * theta0[i]!) / s0;
  let c2sq = 0;
  for (let i = 0; i < d; i++) c2sq += (theta[i]! - (s0 > 0 ? (c1 * theta0[i]!) / s0 : 0)) ** 2;
  const c2 = Math.sqrt(Math.max(c2sq, 0));
  let kl = 0;
  const { z, w } = GRID;
  const m = z.length;
  // log σ(b) at every node b = c1·z_i + c2·z_j. The grid is symmetric (z_{m−1−i} = −z_i exactly), so the mirrored
  // node is exactly −b, and logSigmoid(±b) share their log1p(e^{−|b|}): one exp and one log1p per pair of nodes,
  // the same floats as logSigmoid at each (its two branches written with the shared term).
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const mi = m - 1 - i;
      const mj = m - 1 - j;
      if (i * m + j > mi * m + mj) break; // the rest of this row is the mirror of rows already filled
      const b = c1 * z[i]! + c2 * z[j]!;
      const l = Math.log1p(expNeg(b >= 0 ? -b : b)); // expNeg: Math.exp's float, inlined
      LPB[i * m + j] = b >= 0 ? -l : b - l;
      LPB[mi * m + mj] = b >= 0 ? -b - l : -l; // at −b: (−b) − l for −b < 0, −l for −b ≥ 0 (b = +0: −0 − l = −l)
    }
  }
  // log σ(−t) = log σ(t) − t: one logarithm per node (the KL is exactly 0 at θ = θ_0 either way)
  for (let i = 0; i < m; i++) {
    const a = s0 * z[i]!;
    const lpa = logSigmoid(a);
    const lqa = lpa - a;
    const p = expNeg(lpa);
    for (let j = 0; j < m; j++) {
      const b = c1 * z[i]! + c2 * z[j]!;
      const lpb = LPB[i * m + j]!;
      kl += w[i]! * w[j]! * (p * (lpa - lpb) + (1 - p) * (lqa - (lpb - b)));
    }
  }
  return kl;
}

/** errors[c][r]: KL error of configuration c on replicate r. */
export function simulateErrors(p: UowqProblem, configs: readonly UowqConfig[], seed: number, draws: number): number[][] {
  const d = p.theta0.length;
  const K = p.deltas.length;
  if (p.N.length !== K + 1) throw new RangeError(`N must have K + 1 = ${K + 1} entries`);
  for (const c of configs) {
    if (c.alpha.length !== K + 1 || c.n.length !== K + 1) throw new RangeError('config alpha/n must have K + 1 entries');
    c.n.forEach((nk, k) => {
      if (!(Number.isInteger(nk) && nk >= 0 && nk <= p.N[k]!)) throw new RangeError(`n_${k} = ${nk} must be an integer in [0, N_${k} = ${p.N[k]}]`);
    });
  }
  const xVar = p.xVar ?? p.theta0.map(() => 1);
  const sig2 = (p.sigma ?? 1) ** 2;
  const out = configs.map(() => new Array<number>(draws));
  // One independent stream per (task, replicate): task k's replicates are jump-separated streams of the
  // child seed (seed, 'uowq-task', k). A task's samples are therefore a prefix-stable sequence: a run with
  // larger N_k (or the same seed at another scale) reuses the first samples (common random numbers).
  const streams = p.N.map((_, k) => Stream.replicates(Stream.childSeed(seed, 'uowq-task', k), draws));
  streams[0]!.forEach((_, r) => {
    const data = p.N.map((__, k) => drawTask(p, k, streams[k]![r]!));
    configs.forEach((cfg, c) => {
      if (p.model === 'linear') {
        const th = fitLinear(data, cfg, d);
        let e = 0;
        for (let i = 0; i < d; i++) e += xVar[i]! * (th[i]! - p.theta0[i]!) ** 2;
        out[c]![r] = (0.5 * e) / sig2;
      } else {
        out[c]![r] = logisticKL(p.theta0, fitLogistic(data, cfg, d));
      }
    });
  });
  return out;
}
