import { describe, expect, it } from 'vitest';
import { simulateErrors, logisticKL } from './core.ts';
import { compareMean, summarize } from '../../../core/stats/index.ts';
import { runSim } from '../../registry.ts';
import { asymptoticError } from '../theory/model.ts';

describe('uowq simulation', () => {
  it('target-only linear regression matches the exact random-design value ½·d/(n − d − 1) (t-test, α = 0.01)', () => {
    const d = 3;
    const n = 40;
    const e = simulateErrors({ model: 'linear', theta0: [0.1, 0, -0.2], deltas: [[1, 1, 1]], N: [n, 5] }, [{ alpha: [1, 0], n: [n, 5] }], 11, 3000)[0]!;
    const c = compareMean(summarize(e), (0.5 * d) / (n - d - 1), 0.01);
    expect(c.pValue).toBeGreaterThan(0.01);
  });
  it('outside the local regime the misspecification term of theory/uowq/model.ts appears: E = U1 + ½Σ(α_k²/n_k)(d+1)‖δ_k − b‖²/σ²', () => {
    // two sources shifted by ±δ with equal weights: b = 0, so the error is pure variance
    const d = 2;
    const n = 400;
    const deltas = [[1, 0], [-1, 0]];
    const alpha = [0, 0.5, 0.5];
    const N = [n, n, n];
    const e = simulateErrors({ model: 'linear', theta0: [0, 0], deltas, N }, [{ alpha, n: N }], 21, 1500)[0]!;
    const u1 = asymptoticError({ d, J: [[1, 0], [0, 1]], deltas }, alpha, N);
    const extra = 0.5 * 2 * ((0.25 / n) * (d + 1) * 1);
    const s = summarize(e);
    expect(compareMean(s, u1 + extra, 0.01).pValue).toBeGreaterThan(0.01);
    expect(compareMean(s, u1, 0.01).pValue).toBeLessThan(1e-6);
  });
  it('is reproducible from its seed and pairs configurations on the same data', () => {
    const p = { model: 'linear' as const, theta0: [0, 0], deltas: [[0.1, 0]], N: [50, 80] };
    const cfg = [{ alpha: [0.5, 0.5], n: [50, 80] }];
    expect(simulateErrors(p, cfg, 3, 5)).toEqual(simulateErrors(p, cfg, 3, 5));
    expect(simulateErrors(p, cfg, 3, 5)).not.toEqual(simulateErrors(p, cfg, 4, 5));
  });
  it('logistic Newton MLE is consistent: the KL error shrinks like 1/N', () => {
    const p = (N: number) => ({ model: 'logistic' as const, theta0: [0.5, -0.5], deltas: [[0, 0]], N: [N, 1] });
    const m = (N: number) => summarize(simulateErrors(p(N), [{ alpha: [1, 0], n: [N, 1] }], 5, 60)[0]!).mean;
    const r = m(400) / m(3200);
    expect(r).toBeGreaterThan(5);
    expect(r).toBeLessThan(12);
  });
  it('logistic KL is zero at θ̂ = θ_0 and positive elsewhere', () => {
    expect(Math.abs(logisticKL([0.3, 0.1], [0.3, 0.1]))).toBeLessThan(1e-15);
    expect(logisticKL([0.3, 0.1], [0.4, 0.1])).toBeGreaterThan(0);
  });
  it('rejects a used quantity above the available one', () => {
    expect(() => simulateErrors({ model: 'linear', theta0: [0], deltas: [[0]], N: [5, 5] }, [{ alpha: [1, 0], n: [6, 5] }], 1, 1)).toThrow(/n_0/);
  });
  it('is registered for the CLI and validates its parameters', async () => {
    const m = await runSim('uowq.weighted-mle', { d: 2, N0: 100 }, { seed: 1, draws: 5 });
    expect(m.values).toHaveLength(5);
    await expect(runSim('uowq.weighted-mle', { d: 0 }, { seed: 1 })).rejects.toThrow(/d \(d, parameter dimension\) must be in/);
  });
});

describe('logisticKL', () => {
  it('is the 33 × 33 trapezoid with logSigmoid at every node, bit for bit (the mirrored nodes share their log1p)', () => {
    const m = 33;
    const h = 14 / (m - 1);
    const z = Array.from({ length: m }, (_, i) => -7 + i * h);
    const w = z.map((x, i) => ((i === 0 || i === m - 1 ? 0.5 : 1) * h * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI));
    const ls = (t: number) => (t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t)));
    const plain = (t0: number[], t: number[]) => {
      const s0 = Math.sqrt(t0.reduce((a, x) => a + x * x, 0));
      let c1 = 0;
      if (s0 > 0) for (let i = 0; i < t0.length; i++) c1 += (t[i]! * t0[i]!) / s0;
      let c2sq = 0;
      for (let i = 0; i < t0.length; i++) c2sq += (t[i]! - (s0 > 0 ? (c1 * t0[i]!) / s0 : 0)) ** 2;
      const c2 = Math.sqrt(Math.max(c2sq, 0));
      let kl = 0;
      for (let i = 0; i < m; i++) {
        const a = s0 * z[i]!;
        const lpa = ls(a);
        const lqa = lpa - a;
        const p = Math.exp(lpa);
        for (let j = 0; j < m; j++) {
          const b = c1 * z[i]! + c2 * z[j]!;
          const lpb = ls(b);
          kl += w[i]! * w[j]! * (p * (lpa - lpb) + (1 - p) * (lqa - (lpb - b)));
        }
      }
      return kl;
    };
    const cases: [number[], number[]][] = [
      [[0.375], [0.41]],
      [[0.375], [-0.2]],
      [[0], [0.3]],
      [[0.3, 0.1], [0.3, 0.1]],
      [[0.5, -0.25, 0.125], [0.55, -0.3, 0.1]],
      [[0, 0, 0, 0], [0, 0, 0, 0]],
      [[1, -1, 0.5, 0.25], [-2, 3, 0.1, 4]],
    ];
    for (const [t0, t] of cases) expect(Object.is(logisticKL(t0, t), plain(t0, t)), JSON.stringify([t0, t])).toBe(true);
    expect(logisticKL([1, -1, 0.5, 0.25], [-2, 3, 0.1, 4])).toBeGreaterThan(1);
  });
});
