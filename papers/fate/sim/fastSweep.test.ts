import { Matrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, forwardSolve, gramRows, inverseRowNormsSquared } from '../../../core/linalg/dense.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { compareMean, summarize } from '../../../core/stats/index.ts';
import { drawTargetSet, taskPair } from './design.ts';
import { fineTuneK } from '../theory/fineTuneEndpoint.ts';
import { bidiagonalNoise, cholRankOneUpdate, fastSweep } from './fastSweep.ts';
import { linearTransferOnFeatures, minNormScratch } from './plainLinear.ts';
import { unitVector } from './design.ts';
import { fineTuneReducedFlow } from './reducedFlow.ts';

/**
 * Each fast path is cross-checked against the plain simulation: deterministic identities to 1e-10 where
 * the reduction is algebraic, and two-sample tests (α = 1e-3, seeded) where it is exact only in law.
 */
function twoSample(a: number[], b: number[]) {
  const sa = summarize(a);
  const sb = summarize(b);
  const se = Math.sqrt(sa.stderr ** 2 + sb.stderr ** 2);
  return compareMean({ mean: sa.mean - sb.mean, stderr: se, draws: Math.min(a.length, b.length) }, 0, 1e-3);
}

describe('dense kernels', () => {
  it('Cholesky, forward solve and leading-block traces agree with ml-matrix', () => {
    const rng = Stream.fromSeed(1);
    const n = 12;
    const d = 20;
    const x = rng.normals(n * d);
    const g = gramRows(x, n, d);
    const l = choleskyInPlace(Float64Array.from(g), n);
    const rows = inverseRowNormsSquared(l, n);
    for (const k of [3, 7, 12]) {
      const gk = new Matrix(k, k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) gk.set(i, j, g[i * n + j]!);
      const tr = pseudoInverse(gk).trace();
      const prefix = rows.slice(0, k).reduce((a, b) => a + b, 0);
      expect(Math.abs(prefix - tr) / tr).toBeLessThan(1e-10);
    }
    const b = rng.normals(n);
    const sol = forwardSolve(l, n, b);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += l[i * n + k]! * sol[k]!;
      expect(s).toBeCloseTo(b[i]!, 10);
    }
  });
});

describe('reduction 4: bidiagonal law of tr((XᵀX)⁻¹) for n > d', () => {
  it('has the Wishart mean d/(n − d − 1) and matches direct inversion in law', () => {
    const n = 30;
    const d = 12;
    const fast = Stream.replicates(2, 3000).map((r) => bidiagonalNoise(r, n, d, 1).trace);
    const plain = Stream.replicates(3, 800).map((r) => {
      const x = new Matrix(n, d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x.set(i, j, r.normal());
      return pseudoInverse(x.transpose().mmul(x)).trace();
    });
    const c1 = compareMean(summarize(fast), d / (n - d - 1), 1e-3);
    expect(c1.pValue, `fast mean ${summarize(fast).mean} vs ${d / (n - d - 1)}`).toBeGreaterThan(1e-3);
    const c2 = twoSample(fast, plain);
    expect(c2.pValue, `fast ${summarize(fast).mean} vs plain ${summarize(plain).mean}`).toBeGreaterThan(1e-3);
    // Spread too: the variance of the trace agrees within 25% (a law, not only a mean).
    expect(Math.abs(summarize(fast).variance / summarize(plain).variance - 1)).toBeLessThan(0.25);
  });
});

describe('fast sweep vs plain ml-matrix simulation', () => {
  const d = 24;
  const sigma = 0.5;
  const thetas = [0.3, 1.2];
  it.each([8, 16, 36])('n = %i: scratch and linear-transfer risks agree in law', (n) => {
    const fast = fastSweep({ d, ns: [n], thetas, sigma, draws: 1500, seed: 4 })[0]!;
    thetas.forEach((th, ti) => {
      const plain = Stream.replicates(5 + ti, 600).map((r) => {
        const { betaS, betaT } = taskPair(r, d, th);
        const t = drawTargetSet(r, n, d, sigma, betaS, betaT);
        const b = minNormScratch(t);
        let e = 0;
        for (let j = 0; j < d; j++) e += (b[j]! - betaT[j]!) ** 2;
        return e;
      });
      const c = twoSample(Array.from(fast[ti]!.sc), plain);
      expect(c.pValue, `θ=${th}: fast ${summarize(Array.from(fast[ti]!.sc)).mean} vs plain ${summarize(plain).mean}`).toBeGreaterThan(1e-3);
      // Integrating the noise must not change the mean: sampled and integrated versions agree.
      const c2 = twoSample(Array.from(fast[ti]!.sc), Array.from(fast[ti]!.scSampled));
      expect(c2.pValue).toBeGreaterThan(1e-3);
    });
  });
  it('shares draws across θ and n deterministically (same seed ⇒ same numbers)', () => {
    const a = fastSweep({ d, ns: [8, 16], thetas, sigma, draws: 3, seed: 9 });
    const b = fastSweep({ d, ns: [16], thetas: [thetas[1]!], sigma, draws: 3, seed: 9 });
    expect(Array.from(b[0]![0]!.lt)).toEqual(Array.from(a[1]![1]!.lt));
  });
  it('rejects n within 1 of d (infinite-mean noise term) with a clear error', () => {
    expect(() => fastSweep({ d, ns: [23], thetas, sigma, draws: 2, seed: 1 })).toThrow(/\|n − d\| ≥ 2/);
  });
});

describe('fast sweep without fine-tuning (reduction 6: Bartlett factor + two rank-one updates)', () => {
  it('the rank-one Cholesky updates of the factor of X′X′ᵀ by Xe_1, Xe_2 give the factor of XXᵀ (1e-10)', () => {
    for (const [n, d] of [[5, 9], [20, 40], [33, 35]] as const) {
      const x = Stream.fromSeed(100 + n).normals(n * d);
      const rest = new Float64Array(n * (d - 2));
      for (let i = 0; i < n; i++) for (let j = 2; j < d; j++) rest[i * (d - 2) + j - 2] = x[i * d + j]!;
      const l = choleskyInPlace(gramRows(rest, n, d - 2), n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) l[i * n + j] = 0;
      for (const col of [0, 1]) cholRankOneUpdate(l, n, Float64Array.from({ length: n }, (_, i) => x[i * d + col]!));
      const ref = choleskyInPlace(gramRows(x, n, d), n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(Math.abs(l[i * n + j]! - ref[i * n + j]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(ref[i * n + j]!)));
    }
  });
  // The checks read sc − lt (fate.transferability-lt.fast): scratch, linear transfer and their paired difference in law
  // (mean and spread) against the plain ml-matrix simulation of the same target sets, noise sampled in the plain one.
  it.each([
    { n: 8, d: 24, theta: 0.3 },
    { n: 16, d: 24, theta: 1.2 },
  ])('scratch, linear transfer and their difference agree in law with the plain simulation: %o', ({ n, d, theta }) => {
    const sigma = 0.5;
    const fast = fastSweep({ d, ns: [n], thetas: [theta], sigma, draws: 3000, seed: 21, fineTune: false })[0]![0]!;
    const plain = Stream.replicates(22, 600).map((r) => {
      const { betaS, betaT } = taskPair(r, d, theta);
      const v = unitVector(r, d);
      const t = drawTargetSet(r, n, d, sigma, betaS, betaT);
      const dist = (b: Float64Array) => b.reduce((acc, x, j) => acc + (x - betaT[j]!) ** 2, 0);
      return { sc: dist(minNormScratch(t)), lt: dist(linearTransferOnFeatures(t, v)) };
    });
    const fastSc = Array.from(fast.scSampled);
    const fastLt = Array.from(fast.ltSampled);
    const pairs: [string, number[], number[]][] = [
      ['sc', fastSc, plain.map((r) => r.sc)],
      ['lt', fastLt, plain.map((r) => r.lt)],
      ['sc − lt', fastSc.map((v, i) => v - fastLt[i]!), plain.map((r) => r.sc - r.lt)],
      ['sc (noise integrated)', Array.from(fast.sc), plain.map((r) => r.sc)],
    ];
    for (const [name, a, b] of pairs) {
      const c = twoSample(a, b);
      expect(c.pValue, `${name}: fast ${summarize(a).mean} vs plain ${summarize(b).mean}`).toBeGreaterThan(1e-3);
    }
    // A law, not only a mean: the spread of the scratch risk (Wishart part) and of the paired difference.
    for (const [name, a, b] of [pairs[0]!, pairs[2]!]) expect(Math.abs(summarize(a).variance / summarize(b).variance - 1), name).toBeLessThan(0.25);
  });
});

describe('fine-tuning end point: conservation-law solution vs the reduced gradient flow', () => {
  it.each([
    [2, 0],
    [2, 1],
    [3, 0.7],
  ])('L = %i, σ = %f: β_ft = X⁺y + k(I − P)β_s with k from fineTuneK', (L, sigma) => {
    const rng = Stream.fromSeed(21);
    const d = 20;
    const n = 9;
    const { betaS, betaT } = taskPair(rng, d, 1.1);
    const t = drawTargetSet(rng, n, d, sigma, betaS, betaT);
    const pinv = pseudoInverse(t.x);
    const sc = pinv.mmul(Matrix.columnVector(Array.from(t.y))).getColumn(0);
    const pBs = pinv.mmul(t.x.mmul(Matrix.columnVector(Array.from(betaS)))).getColumn(0);
    const perp = Array.from(betaS, (b, j) => b - pBs[j]!);
    const p = perp.reduce((a, b) => a + b * b, 0);
    const q = sc.reduce((a, b) => a + b * b, 0);
    const k = fineTuneK(p, q, L);
    const predicted = sc.map((b, j) => b + k * perp[j]!);
    const err = (stepScale: number) => {
      const flow = fineTuneReducedFlow(t, L, { stepScale });
      expect(flow.converged).toBe(true);
      let num = 0;
      let den = 0;
      for (let j = 0; j < d; j++) {
        num += (flow.beta[j]! - predicted[j]!) ** 2;
        den += predicted[j]! ** 2;
      }
      return Math.sqrt(num / den);
    };
    // GD breaks the conserved invariants at O(step), so the gap to the gradient-flow end point must
    // shrink linearly with the step: the formula is the flow's limit, not a fit.
    const coarse = err(0.1);
    const fine = err(0.02);
    console.log(`L=${L} σ=${sigma}: k = ${k.toFixed(6)}, relative gap ${coarse.toExponential(2)} (step 0.1) → ${fine.toExponential(2)} (step 0.02)`);
    expect(fine).toBeLessThan(1e-3);
    if (coarse > 1e-8) expect(coarse / fine).toBeGreaterThan(3.5);
    if (sigma > 0) expect(k).toBeGreaterThan(1.01);
  });
});
