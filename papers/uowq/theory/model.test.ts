import { describe, expect, it } from 'vitest';
import {
  asymptoticError,
  errorMatrix,
  errorParts,
  negativeTransferThreshold,
  singleSourceWeight,
  uniformOptimalQuantity,
  uniformWeights,
  type UowqInstance,
} from './model.ts';
import { kkt, kktOk, optimalWeights, projectSimplex, supportMinimiser } from './qp.ts';
import { logisticFisher } from './logistic.ts';
import { logisticKL } from '../sim/core.ts';
import { uowqClaims } from './index.ts';

/** Deterministic pseudo-random numbers for brute-force instances (tests only; theory has no randomness). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomInstance(r: () => number, d: number, K: number): UowqInstance {
  const A = Array.from({ length: d }, () => Array.from({ length: d }, () => r() - 0.5));
  const J = A.map((_, i) => A.map((__, j) => A[i]!.reduce((s, a, k) => s + a * A[j]![k]!, 0) + (i === j ? 0.1 : 0)));
  return { d, J, deltas: Array.from({ length: K }, () => Array.from({ length: d }, () => (r() - 0.5) * 0.4)) };
}

function simplexGrid(m: number, steps: number): number[][] {
  const comps = (parts: number, total: number): number[][] =>
    parts === 1 ? [[total]] : Array.from({ length: total + 1 }, (_, i) => comps(parts - 1, total - i).map((c) => [i, ...c])).flat();
  return comps(m, steps).map((c) => c.map((x) => x / steps));
}

describe('uowq eq U1: asymptotic error', () => {
  it('is ½αᵀQα and the bias + variance split', () => {
    const r = lcg(1);
    for (let t = 0; t < 20; t++) {
      const inst = randomInstance(r, 1 + (t % 4), 1 + (t % 3));
      const n = [50 + 10 * t, ...inst.deltas.map((_, k) => 20 + 7 * k + t)];
      const alpha = projectSimplex(n.map(() => r()));
      const { bias, variance } = errorParts(inst, alpha, n);
      expect(asymptoticError(inst, alpha, n)).toBeCloseTo(bias + variance, 14);
    }
  });
  it('rejects vectors of the wrong length', () => {
    const inst = randomInstance(lcg(2), 2, 2);
    expect(() => asymptoticError(inst, [0.5, 0.5], [1, 1, 1])).toThrow(/K \+ 1/);
  });
});

describe('uowq eq U2: single-source weight', () => {
  it('is the argmin of eq U1 (fine grid brute force)', () => {
    const r = lcg(3);
    for (let t = 0; t < 30; t++) {
      const inst = randomInstance(r, 1 + (t % 5), 1);
      const n = [30 + Math.floor(r() * 500), 10 + Math.floor(r() * 2000)];
      const D = errorMatrix(inst, [1, 1])[1]![1]! - inst.d;
      const a = singleSourceWeight(D, inst.d, n[0]!, n[1]!);
      let best = 0;
      let bestE = Infinity;
      for (let i = 0; i <= 20000; i++) {
        const e = asymptoticError(inst, [1 - i / 20000, i / 20000], n);
        if (e < bestE) [best, bestE] = [i / 20000, e];
      }
      expect(Math.abs(a - best)).toBeLessThanOrEqual(1e-4);
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThan(1);
    }
  });
});

describe('uowq eq U3: convex program on the simplex', () => {
  it('projected gradient + polish satisfies KKT and matches the exhaustive active-set solution', () => {
    const r = lcg(4);
    for (let t = 0; t < 40; t++) {
      const K = 1 + (t % 5);
      const inst = randomInstance(r, 1 + (t % 4), K);
      const n = [20 + Math.floor(r() * 300), ...inst.deltas.map(() => 5 + Math.floor(r() * 3000))];
      const Q = errorMatrix(inst, n);
      const sol = optimalWeights(Q);
      expect(kktOk(sol.kkt, 1e-8), JSON.stringify(sol.kkt)).toBe(true);
      // exhaustive active set: the feasible support minimiser with the least objective
      let bestE = Infinity;
      for (let mask = 1; mask < 1 << (K + 1); mask++) {
        const S = [...Array(K + 1).keys()].filter((k) => mask & (1 << k));
        const a = supportMinimiser(Q, S);
        if (a) bestE = Math.min(bestE, asymptoticError(inst, a, n));
      }
      expect(asymptoticError(inst, sol.alpha, n)).toBeCloseTo(bestE, 12);
      // and no grid point of the simplex does better (K ≤ 2 for grid size)
      if (K <= 2) for (const g of simplexGrid(K + 1, 40)) expect(asymptoticError(inst, g, n)).toBeGreaterThanOrEqual(asymptoticError(inst, sol.alpha, n) - 1e-15);
    }
  });
  it('kkt() flags a non-optimal point', () => {
    const inst = randomInstance(lcg(5), 2, 2);
    const Q = errorMatrix(inst, [100, 100, 100]);
    expect(kktOk(kkt(Q, [0, 0, 1]))).toBe(false);
  });
});

describe('uowq eq U4: all samples at optimal weights', () => {
  it('E*(n) is non-increasing in every n_k (brute force over random instances)', () => {
    const r = lcg(6);
    for (let t = 0; t < 40; t++) {
      const K = 1 + (t % 3);
      const inst = randomInstance(r, 1 + (t % 3), K);
      const N = [50 + Math.floor(r() * 300), ...inst.deltas.map(() => 10 + Math.floor(r() * 2000))];
      const Estar = (n: number[]) => asymptoticError(inst, optimalWeights(errorMatrix(inst, n)).alpha, n);
      const full = Estar(N);
      for (let k = 1; k <= K; k++) {
        for (const f of [0.01, 0.2, 0.5, 0.9]) {
          const n = N.map((x, j) => (j === k ? Math.max(1, Math.round(f * x)) : x));
          expect(Estar(n)).toBeGreaterThanOrEqual(full - 1e-15);
        }
      }
    }
  });
});

describe('uowq eq U5: uniform per-sample weighting', () => {
  it('m* is the argmin over m of the pooled error, and the negative-transfer threshold is where it crosses the target-only error', () => {
    const r = lcg(7);
    let interior = 0;
    for (let t = 0; t < 30; t++) {
      const inst = randomInstance(r, 1 + (t % 4), 1);
      const n0 = 50 + Math.floor(r() * 400);
      const D = errorMatrix(inst, [1, 1])[1]![1]! - inst.d;
      const Eu = (m: number) => asymptoticError(inst, uniformWeights([n0, m]), [n0, m]);
      const mStar = uniformOptimalQuantity(D, inst.d, n0);
      const curve = Array.from({ length: 6001 }, (_, m) => Eu(m === 0 ? 1e-12 : m));
      if (mStar === null) {
        expect(curve.every((e, m) => m === 0 || e <= curve[m - 1]! + 1e-18)).toBe(true);
      } else if (mStar < 5900) {
        interior++;
        const lo = Math.floor(mStar);
        expect(Math.min(Eu(lo), Eu(lo + 1))).toBeLessThanOrEqual(Math.min(...curve) + 1e-18);
      }
      const thr = negativeTransferThreshold(D, inst.d, n0);
      const e0 = inst.d / (2 * n0);
      if (thr === null) expect(curve.every((e) => e <= e0 + 1e-15)).toBe(true);
      else {
        expect(Eu(thr * 0.99)).toBeLessThan(e0);
        expect(Eu(thr * 1.01)).toBeGreaterThan(e0);
      }
    }
    expect(interior).toBeGreaterThan(3);
  });
  it('α ∝ n gives Σα_k²/n_k = 1/Σn', () => {
    const n = [10, 30, 60];
    const a = uniformWeights(n);
    expect(a.reduce((s, x, k) => s + (x * x) / n[k]!, 0)).toBeCloseTo(1 / 100, 15);
  });
});

describe('uowq logistic Fisher information', () => {
  it('is I/4 at θ_0 = 0 and is the Hessian of the exact KL (finite differences)', () => {
    const J0 = logisticFisher([0, 0]);
    expect(J0[0]![0]).toBeCloseTo(0.25, 13);
    expect(J0[0]![1]).toBeCloseTo(0, 15);
    const theta0 = [0.7, -0.4, 0.2];
    const J = logisticFisher(theta0);
    const v = [0.3, 0.5, -0.8];
    const eps = 1e-3;
    const kl = logisticKL(theta0, theta0.map((t, i) => t + eps * v[i]!));
    const quad = 0.5 * eps * eps * v.reduce((s, vi, i) => s + vi * v.reduce((r, vj, j) => r + J[i]![j]! * vj, 0), 0);
    expect(Math.abs(kl / quad - 1)).toBeLessThan(5e-3);
  });
});

describe('uowq claims', () => {
  it('are labelled as derived from the abstract and predict at defaults', () => {
    for (const c of uowqClaims) {
      expect(c.source.provenance).toBe('derived from the abstract');
      const defaults = Object.fromEntries(c.params.map((s) => [s.name, s.default!]));
      const pr = c.predict(defaults);
      expect(Number.isFinite(pr.value)).toBe(true);
    }
  });
});
