import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stream } from '../core/rng/stream.ts';
import { estimate } from '../core/measurement.ts';
import { defineProperty } from './runner.ts';
import type { Verdict } from './check.ts';

/**
 * Meta-tests of the verdict logic on synthetic measurements with a known truth: each "check" measures
 * `draws` normal draws with mean `truth` and sd 1 in each of `regimes` regimes, against target 0.
 */
function synthetic(opts: { compare: 'equal' | 'sign'; truth: number; sd?: number; draws: number; regimes: number; level: number; detect: number; target?: number }) {
  return defineProperty({
    id: 'meta.synthetic/check',
    claimId: 'meta.synthetic',
    title: 'synthetic',
    arbitrary: fc.integer({ min: 1, max: 0x7fffffff }),
    runs: { test: opts.regimes, quick: opts.regimes, full: opts.regimes },
    compare: opts.compare,
    level: opts.level,
    detect: { abs: opts.detect, reason: 'meta-test' },
    params: (s) => ({ s }),
    evaluate: () => ({ prediction: { quantity: 'x', kind: 'value', value: opts.target ?? 0 }, target: opts.target ?? 0, statistic: 'x' }),
    measure: (seed) => {
      const rng = Stream.fromSeed(seed);
      return estimate(Array.from({ length: opts.draws }, () => opts.truth + (opts.sd ?? 1) * rng.normal()));
    },
    shrinkMs: { test: 0, quick: 0, full: 0 },
  });
}

async function verdicts(check: ReturnType<typeof synthetic>, reps: number): Promise<Record<Verdict, number>> {
  const out: Record<string, number> = {};
  for (let r = 0; r < reps; r++) {
    const v = (await check.run({ seed: 1000 + r, budget: 'test' })).verdict;
    out[v] = (out[v] ?? 0) + 1;
  }
  return out as Record<Verdict, number>;
}

describe('verdict logic on synthetic measurements', () => {
  it('a sign confirmed on pooled small batches but short of power says it is the degrees of freedom, not the draws', async () => {
    // Batches of 3 at α = 1.5e-4 (the §4 negative-transfer sign at the paper's sizes): after top-up the pooled standard
    // error has Welch–Satterthwaite df ≈ 4 for 12 draws, so power against δ stays < 0.8 although 12 draws would suffice
    // as one sample — the message must not claim "not significant" or ask for more draws.
    const check = defineProperty({
      id: 'meta.synthetic/check',
      claimId: 'meta.synthetic',
      title: 'synthetic',
      arbitrary: fc.record({ seed: fc.integer({ min: 1, max: 0x7fffffff }) }),
      runs: { test: 1, quick: 1, full: 1 },
      compare: 'sign',
      level: 1.5e-4,
      detect: { abs: 3, reason: 'meta-test' },
      params: (v) => ({ s: v.seed }),
      evaluate: () => ({ prediction: { quantity: 'x', kind: 'value', value: 1 }, target: 1, statistic: 'x' }),
      measure: (v) => {
        const rng = Stream.fromSeed(v.seed);
        return estimate(Array.from({ length: 3 }, () => 3 + rng.normal()));
      },
      shrinkMs: { test: 0, quick: 0, full: 0 },
    });
    const r = await check.run({ seed: 5, budget: 'quick' });
    expect(r.verdict).toBe('inconclusive');
    expect(r.summary).toMatch(/^power 0\.\d+ < 0\.8 .* only [\d.]+ degrees of freedom for 12 draws .*larger batches, not more draws/);
  });

  it('a true null conforms, with false mismatches at about the stated level', async () => {
    // level 0.05, 3 regimes, 40 draws: power against δ = 1 is ≈ 1, so conforms unless falsely rejected.
    const v = await verdicts(synthetic({ compare: 'equal', truth: 0, draws: 40, regimes: 3, level: 0.05, detect: 1 }), 300);
    expect(v.conforms! + (v.mismatch ?? 0)).toBe(300);
    // Family-wise rate ≤ 0.05: P(X ≥ 27 | Bin(300, 0.05)) < 1e-4.
    expect(v.mismatch ?? 0).toBeLessThan(27);
  });

  it('a shift of the declared size is caught with at least the stated power', async () => {
    // Power per regime at level 0.05/2 against δ = 0.6 with 40 draws (se 0.158): ≈ 0.91; the shift is in every regime.
    const v = await verdicts(synthetic({ compare: 'equal', truth: 0.6, draws: 40, regimes: 2, level: 0.05, detect: 0.6 }), 200);
    expect((v.mismatch ?? 0) / 200).toBeGreaterThan(0.8);
  });

  it('a sign with power against δ but a true effect far below δ is inconclusive, and says draws would not help', async () => {
    // δ = 1 with 40 draws (se 0.16): power ≈ 1 on the predicted side; the true effect 0.01 is not significant.
    const r = await synthetic({ compare: 'sign', truth: 0.01, draws: 40, regimes: 2, level: 0.05, detect: 1, target: 1 }).run({ seed: 5, budget: 'test' });
    expect(r.verdict).toBe('inconclusive');
    expect(r.summary).toMatch(/those regimes already have the draws for power ≥ 0.8 .* effect there is likely smaller than the declared deviation/);
    expect(r.summary).not.toMatch(/would give power/);
  });

  it('an undecided sign names the draws its short regimes need, and tells apart the regimes that already have them', async () => {
    // δ = 0.5, sd 1, 40 draws at α_c/2 = 0.025 one-sided: ≈ 32 draws give power 0.8, so every regime has the draws; with
    // δ = 0.2 (≈ 200 needed) none has. Truth 0.01: no regime is significant either way.
    const powered = await synthetic({ compare: 'sign', truth: 0.01, draws: 40, regimes: 2, level: 0.05, detect: 0.5, target: 1 }).run({ seed: 5, budget: 'test' });
    expect(powered.summary).toMatch(/those regimes already have the draws/);
    const short = await synthetic({ compare: 'sign', truth: 0.01, draws: 40, regimes: 2, level: 0.05, detect: 0.2, target: 1 }).run({ seed: 5, budget: 'test' });
    const need = Number(/about (\d+) draws per regime \(the neediest has 40\)/.exec(short.summary)?.[1]);
    expect(need).toBeGreaterThan(120);
    expect(need).toBeLessThan(320);
    expect(short.summary).not.toMatch(/already have/);
  });

  it('an underpowered check is inconclusive, never conforms', async () => {
    // δ = 0.1 with 10 draws: power ≈ 0.05 — agreement would mean nothing.
    const v = await verdicts(synthetic({ compare: 'equal', truth: 0, draws: 10, regimes: 3, level: 0.05, detect: 0.1 }), 50);
    expect(v.conforms ?? 0).toBe(0);
    expect(v.inconclusive).toBeGreaterThan(40);
  });

  it('identical arms (zero variance) and single draws are never evidence', async () => {
    const zero = await verdicts(synthetic({ compare: 'equal', truth: 0, sd: 0, draws: 12, regimes: 3, level: 0.05, detect: 0.1 }), 5);
    expect(zero.conforms ?? 0).toBe(0);
    const signZero = await verdicts(synthetic({ compare: 'sign', truth: 0, sd: 0, draws: 12, regimes: 3, level: 0.05, detect: 0.1, target: 1 }), 5);
    expect(signZero.conforms ?? 0).toBe(0);
    const one = await verdicts(synthetic({ compare: 'equal', truth: 0, draws: 1, regimes: 3, level: 0.05, detect: 0.1 }), 5);
    expect(one.conforms ?? 0).toBe(0);
  });

  it('a sign conforms only when significant on the predicted side: a null effect never conforms', async () => {
    const nullEffect = await verdicts(synthetic({ compare: 'sign', truth: 0, draws: 30, regimes: 3, level: 0.05, detect: 1, target: 1 }), 100);
    expect((nullEffect.conforms ?? 0) / 100).toBeLessThan(0.05);
    const real = await verdicts(synthetic({ compare: 'sign', truth: 1, draws: 30, regimes: 3, level: 0.05, detect: 1, target: 1 }), 50);
    expect(real.conforms).toBeGreaterThan(45);
    const wrong = await verdicts(synthetic({ compare: 'sign', truth: -1, draws: 30, regimes: 3, level: 0.05, detect: 1, target: 1 }), 20);
    expect(wrong.mismatch).toBe(20);
  });
});
