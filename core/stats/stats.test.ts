import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { binomialUpperP, compareMean, drawsFor, minDetectable } from './compare.ts';
import { normalCdf, normalQuantile, studentQuantile, studentTwoSidedP } from './distributions.ts';
import { holmAdjust, holmReject } from './holm.ts';
import { planTopUp, poolBatches } from './sequential.ts';
import { summarize } from './summary.ts';

/**
 * Meta-tests: the statistics core is itself tested on known distributions. The empirical false-failure
 * rate of each comparison must be consistent with its stated α (a binomial test at 1e-4, so these
 * meta-tests themselves fail spuriously with probability < 1e-3 — and they are seeded, so never flaky).
 */
function binomialUpper(trials: number, p: number): number {
  // Upper 1 − 1e-4 bound of a Binomial(trials, p) count (normal approximation with continuity).
  return trials * p + 3.72 * Math.sqrt(trials * p * (1 - p)) + 0.5;
}
function binomialLower(trials: number, p: number): number {
  return trials * p - 3.72 * Math.sqrt(trials * p * (1 - p)) - 0.5;
}

describe('distributions', () => {
  it('normal and Student-t quantiles invert their tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(studentQuantile(0.975, 9)).toBeCloseTo(2.262157, 5);
    expect(studentQuantile(0.995, 4)).toBeCloseTo(4.604095, 5);
    expect(studentTwoSidedP(2.262157, 9)).toBeCloseTo(0.05, 6);
    expect(studentTwoSidedP(0, 5)).toBeCloseTo(1, 12);
  });
});

describe('compareMean: false-failure rate on known distributions', () => {
  const cases = [
    { name: 'normal, 10 draws', draws: 10, sample: (r: Stream) => 3 + 2 * r.normal(), mean: 3 },
    { name: 'uniform, 20 draws', draws: 20, sample: (r: Stream) => r.uniform(), mean: 0.5 },
    { name: 'χ²₅ (skewed, like a risk), 40 draws', draws: 40, sample: (r: Stream) => r.chiSquare(5), mean: 5 },
  ];
  for (const c of cases) {
    it(`${c.name}: rejects a true mean at rate ≈ α = 0.05`, () => {
      const trials = 4000;
      let rejections = 0;
      Stream.replicates(7, trials).forEach((rng) => {
        const xs = Array.from({ length: c.draws }, () => c.sample(rng));
        if (compareMean(summarize(xs), c.mean, 0.05).pValue <= 0.05) rejections++;
      });
      console.log(`${c.name}: empirical false-failure rate ${(rejections / trials).toFixed(4)} at α = 0.05`);
      expect(rejections).toBeLessThan(binomialUpper(trials, 0.05));
      expect(rejections).toBeGreaterThan(binomialLower(trials, 0.05));
    });
  }

  it("Johnson's skewness-corrected t keeps the stated rate where Student's t does not (heavy right skew, small p)", () => {
    // Draws shaped like the linear-transfer risk of fate Thm 3.7: sin²θ + (z sinθ + σz′)²/q, q ~ χ²₁₆ —
    // k-th moment finite only for k < 8, strongly right-skewed. Level α = 0.001 (Holm over tens of regimes
    // works at such levels). Mean sin²θ + (sin²θ + σ²)/14.
    const s2 = Math.sin(0.72) ** 2;
    const sigma = 1.5;
    const mean = s2 + (s2 + sigma * sigma) / 14;
    const trials = 12000;
    const alpha = 0.001;
    let plain = 0;
    let johnson = 0;
    Stream.replicates(11, trials).forEach((rng) => {
      const xs = Array.from({ length: 400 }, () => s2 + (Math.sin(0.72) * rng.normal() + sigma * rng.normal()) ** 2 / rng.chiSquare(16));
      const e = summarize(xs);
      if (compareMean(e, mean, alpha).pValue <= alpha) plain++;
      if (compareMean(e, mean, alpha, { skewCorrected: true }).pValue <= alpha) johnson++;
    });
    console.log(`skewed risk-like draws, α = ${alpha}: false-failure rate Student ${(plain / trials).toFixed(5)}, Johnson ${(johnson / trials).toFixed(5)}`);
    expect(johnson).toBeLessThan(binomialUpper(trials, alpha));
    expect(plain).toBeGreaterThan(johnson);
  });

  it('power: a deviation equal to the stated minimum detectable size is caught ≈ 80% of the time', () => {
    const trials = 3000;
    const draws = 15;
    const sd = 1.5;
    const delta = minDetectable(sd / Math.sqrt(draws), draws - 1, 0.05, 0.8);
    let hits = 0;
    Stream.replicates(11, trials).forEach((rng) => {
      const xs = Array.from({ length: draws }, () => delta + sd * rng.normal());
      if (compareMean(summarize(xs), 0, 0.05).pValue <= 0.05) hits++;
    });
    console.log(`power at the stated minimum detectable deviation ${delta.toFixed(3)}: ${(hits / trials).toFixed(3)}`);
    // The stated size uses the t quantiles, a slight overestimate of the noncentral-t power: ≥ 0.78.
    expect(hits / trials).toBeGreaterThan(0.76);
    expect(hits / trials).toBeLessThan(0.86);
  });

  it('drawsFor gives enough draws for the requested power', () => {
    expect(drawsFor(0.1, 1, 0.05, 0.8)).toBe(785);
  });
});

describe('binomialUpperP (for "with probability ≥ 1 − δ" statements)', () => {
  it('matches hand computations and is exact at the edges', () => {
    expect(binomialUpperP(1, 20, 0.1)).toBeCloseTo(1 - 0.9 ** 20, 12);
    expect(binomialUpperP(0, 20, 0.1)).toBe(1);
    expect(binomialUpperP(20, 20, 0.1)).toBeCloseTo(1e-20, 30);
    expect(binomialUpperP(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperP(4, 3, 0.5)).toBe(0);
  });
});

describe('Holm correction', () => {
  it('adjusts monotonically and matches a hand computation', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmReject([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([true, false, false, true]);
  });
  it('controls the family-wise false-failure rate across 10 independent null runs', () => {
    const trials = 3000;
    let familyFailures = 0;
    let unadjustedFailures = 0;
    Stream.replicates(13, trials).forEach((rng) => {
      const ps = Array.from({ length: 10 }, () => compareMean(summarize(Array.from({ length: 8 }, () => rng.normal())), 0, 0.05).pValue);
      if (holmReject(ps, 0.05).some(Boolean)) familyFailures++;
      if (ps.some((p) => p <= 0.05)) unadjustedFailures++;
    });
    console.log(`family-wise failure rate: Holm ${(familyFailures / trials).toFixed(4)}, unadjusted ${(unadjustedFailures / trials).toFixed(4)}`);
    expect(familyFailures).toBeLessThan(binomialUpper(trials, 0.05));
    expect(unadjustedFailures / trials).toBeGreaterThan(0.3); // why the correction is needed
  });
});

describe('two-stage pooling (sequential.ts)', () => {
  it('pools batches into the estimate of all their draws: mean, standard error, third moment', () => {
    const rng = Stream.fromSeed(5);
    const all = Array.from({ length: 120 }, () => rng.chiSquare(3));
    const parts = [all.slice(0, 40), all.slice(40, 80), all.slice(80)].map((x) => summarize(x));
    const p = poolBatches(parts);
    const whole = summarize(all);
    expect(p.draws).toBe(120);
    expect(p.mean).toBeCloseTo(whole.mean, 12);
    // Within-batch spread only: close to the whole sample's (between-batch part is O(1/n) of it here).
    expect(Math.abs(p.stderr / whole.stderr - 1)).toBeLessThan(0.05);
    expect(Math.abs(p.m3! / whole.m3 - 1)).toBeLessThan(0.05);
    // Equal draws and near-equal spreads: Satterthwaite df close to Σ(n_b − 1) = 117, never above it.
    expect(p.df).toBeLessThanOrEqual(117 + 1e-9);
    expect(p.df).toBeGreaterThan(90);
  });

  it('plans from the standard error only: no batch when powered, none when the cap cannot reach the target', () => {
    const base = { delta: 1, df: 39, draws: 40, batch: 40, level: 0.01, sided: 'two' as const, target: 0.8, design: 0.95, cap: 3 };
    expect(planTopUp({ ...base, se: 0.1 }).batches).toBe(0); // power ≈ 1 already
    const marginal = planTopUp({ ...base, se: 0.3 });
    expect(marginal.power).toBeLessThan(0.8);
    expect(marginal.batches).toBeGreaterThanOrEqual(1);
    expect(marginal.batches).toBeLessThanOrEqual(3);
    const hopeless = planTopUp({ ...base, se: 1 });
    expect(hopeless.batches).toBe(0);
    expect(hopeless.needed).toBeGreaterThan(160);
    expect(planTopUp({ ...base, se: 0 }).batches).toBe(0);
    expect(planTopUp({ ...base, se: 0 }).needed).toBe(Infinity);
  });
});
