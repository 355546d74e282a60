import { describe, expect, it } from 'vitest';
import { simulateErrors, type UowqConfig, type UowqProblem } from './core.ts';
import { simulateVariants } from './fast.ts';
import { labels, plainLabels } from './labels.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { summarize } from '../../../core/stats/index.ts';

/** The instance at twice every size with δ/√2, as sim/index.ts builds it. */
const doubled = (p: UowqProblem): UowqProblem => ({ ...p, N: p.N.map((x) => 2 * x), deltas: p.deltas.map((dk) => dk.map((x) => x / Math.SQRT2)) });
const doubledCfg = (c: UowqConfig): UowqConfig => ({ alpha: c.alpha, n: c.n.map((x) => 2 * x) });

/** Welch z of two independent means (large samples). */
function welchZ(a: number[], b: number[]): { z: number; se: number } {
  const sa = summarize(a);
  const sb = summarize(b);
  const se = Math.hypot(sa.stderr, sb.stderr);
  return { z: (sa.mean - sb.mean) / se, se };
}

describe('fast uowq simulation against the plain one (core.ts)', () => {
  it('logistic: the same data sample for sample, so the same KL errors to the Newton tolerance, at both sizes', () => {
    const p: UowqProblem = { model: 'logistic', theta0: [0.5, -0.25, 0.125], deltas: [[0.06, 0, -0.04], [0, 0.05, 0.02]], N: [300, 500, 700] };
    const cfgs: UowqConfig[] = [
      { alpha: [0.5, 0.25, 0.25], n: [300, 500, 700] },
      { alpha: [0.4, 0, 0.6], n: [300, 3, 350] },
      { alpha: [1, 0, 0], n: [300, 500, 700] },
    ];
    const fast = simulateVariants([{ problem: p, configs: cfgs }, { problem: doubled(p), configs: cfgs.map(doubledCfg) }], 17, 12);
    const plain = [simulateErrors(p, cfgs, 17, 12), simulateErrors(doubled(p), cfgs.map(doubledCfg), 17, 12)];
    let worst = 0;
    fast.forEach((v, i) => v.forEach((c, j) => c.forEach((e, r) => (worst = Math.max(worst, Math.abs(e - plain[i]![j]![r]!) / plain[i]![j]![r]!)))));
    expect(worst).toBeLessThan(1e-7);
    expect(worst).toBeGreaterThanOrEqual(0);
  });

  it('linear: the sufficient-statistic draws have the plain law — means at both sizes, paired differences, the Richardson combination and its spread', () => {
    // Includes a used size below 2d (drawn sample by sample), unequal design variances and σ ≠ 1.
    const p: UowqProblem = { model: 'linear', theta0: [0.3, -0.1, 0.2], deltas: [[0.15, -0.1, 0.05]], N: [60, 150], xVar: [0.5, 1, 2], sigma: 1.5 };
    const cfgs: UowqConfig[] = [
      { alpha: [0.6, 0.4], n: [60, 150] },
      { alpha: [0.7, 0.3], n: [60, 4] },
    ];
    const variants = (q: UowqProblem) => [{ problem: q, configs: cfgs }, { problem: doubled(q), configs: cfgs.map(doubledCfg) }];
    const R = 6000;
    const plain = [simulateErrors(p, cfgs, 5, R), simulateErrors(doubled(p), cfgs.map(doubledCfg), 5, R)];
    const fast = simulateVariants(variants(p), 6, 4 * R);
    const stats = (e: number[][][]) => {
      const [x1, x2] = [e[0]!, e[1]!];
      const rich = x1[0]!.map((a, r) => 4 * x2[0]![r]! - a);
      const mr = summarize(rich).mean;
      return {
        small0: x1[0]!,
        small1: x1[1]!,
        large0: x2[0]!,
        diff: x1[0]!.map((a, r) => a - x1[1]![r]!),
        rich,
        spread: rich.map((v) => (v - mr) ** 2),
      };
    };
    const corr = (x: number[], y: number[]) => {
      const [sx, sy] = [summarize(x), summarize(y)];
      return x.reduce((acc, v, i) => acc + (v - sx.mean) * (y[i]! - sy.mean), 0) / (x.length - 1) / (sx.stderr * sy.stderr * x.length);
    };
    expect(corr(plain[0]![0]!, plain[1]![0]!)).toBeGreaterThan(0.5);
    const a = stats(plain);
    const b = stats(fast);
    for (const k of Object.keys(a) as (keyof typeof a)[]) {
      const { z, se } = welchZ(a[k], b[k]);
      const m = Math.abs(summarize(a[k]).mean);
      expect(Math.abs(z), k).toBeLessThan(4.5); // Bonferroni over 6 statistics at ≈ 4e-5
      // and the comparison resolves a 10 % change of a mean (a noise scale 5 % off moves the errors by ≈ 10 %) and a
      // 20 % change of the Richardson spread (the two sizes drawn independently instead of on shared samples
      // raise it by more: the sizes' errors are strongly correlated)
      expect(4.5 * se, k).toBeLessThan((k === 'spread' ? 0.2 : 0.1) * m);
    }
  });

  it('linear: reproducible from its seed; a variant alone gives the same errors as with others beside it when its sizes are the only breakpoints', () => {
    const p: UowqProblem = { model: 'linear', theta0: [0, 0], deltas: [[0.1, 0]], N: [50, 80] };
    const cfg = [{ alpha: [0.5, 0.5], n: [50, 80] }];
    expect(simulateVariants([{ problem: p, configs: cfg }], 3, 5)).toEqual(simulateVariants([{ problem: p, configs: cfg }], 3, 5));
    expect(simulateVariants([{ problem: p, configs: cfg }], 3, 5)).not.toEqual(simulateVariants([{ problem: p, configs: cfg }], 4, 5));
  });

  it('rejects a used quantity above the available one and variants of different shapes', () => {
    const p: UowqProblem = { model: 'linear', theta0: [0], deltas: [[0]], N: [5, 5] };
    expect(() => simulateVariants([{ problem: p, configs: [{ alpha: [1, 0], n: [6, 5] }] }], 1, 1)).toThrow(/n_0/);
    expect(() => simulateVariants([{ problem: p, configs: [] }, { problem: { ...p, model: 'logistic' }, configs: [] }], 1, 1)).toThrow(/share/);
  });
});

describe('logistic labels from the logit of u (labels.ts)', () => {
  it('equal the plain label [u < 1/(1 + e^{−η})] sample for sample, also at η next to logit u, at large |η| and at u = 0', () => {
    const s = Stream.fromSeed(909);
    const n = 200000;
    const d = 2;
    const X = new Float64Array(4 * n);
    const U = new Float64Array(n);
    const L = new Float64Array(n);
    const th = [0.7, -1.3];
    for (let i = 0; i < n; i++) {
      const u = i === 0 ? 0 : s.uniform();
      U[i] = u;
      L[i] = Math.log(u / (1 - u));
      // a third of the rows place η within a few ulps to 1e-5 of logit u (the margin and the plain comparison's
      // rounding both matter there), a few far out in the tails, the rest at random
      const kind = i % 3;
      const logit = Math.log(u / (1 - u));
      const eta = kind === 0 && Number.isFinite(logit) ? logit * (1 + (s.uniform() - 0.5) * 1e-15 * 10 ** (i % 11)) : kind === 1 && i % 100 === 1 ? (s.uniform() - 0.5) * 80 : 3 * s.normal();
      X[4 * i] = eta / th[0]!;
      X[4 * i + 1] = 0;
    }
    const Y = new Uint8Array(n);
    const before = plainLabels;
    labels(X, U, L, Y, n, th, d, 4);
    let diff = 0;
    let ones = 0;
    for (let i = 0; i < n; i++) {
      const eta = X[4 * i]! * th[0]! + X[4 * i + 1]! * th[1]!;
      const plain = U[i]! < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      if (plain !== Y[i]) diff++;
      ones += plain;
    }
    expect(diff).toBe(0);
    expect(ones).toBeGreaterThan(0.3 * n);
    expect(ones).toBeLessThan(0.7 * n);
    // the margin's fallback was exercised (near-ties and tails), and only there
    expect(plainLabels - before).toBeGreaterThan(1000);
    expect(plainLabels - before).toBeLessThan(0.4 * n); // the near-tie third, and almost nothing else
  });
});
