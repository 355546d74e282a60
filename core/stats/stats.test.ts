import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { binomialUpperP, compareMean, drawsFor, minDetectable } from './compare.ts';
import { normalCdf, normalQuantile, studentQuantile, studentTwoSidedP } from './distributions.ts';
import { holmAdjust, holmReject } from './holm.ts';
import { sequentialCompare } from './sequential.ts';
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

describe('sequential stopping', () => {
  it('keeps the false-failure rate ≤ α over its looks and stops early on clear deviations', () => {
    const trials = 1500;
    let fails = 0;
    let early = 0;
    Stream.replicates(17, trials).forEach((rng, k) => {
      const shift = k % 2 === 0 ? 0 : 2; // half null, half a large deviation
      const res = sequentialCompare((_, count) => Array.from({ length: count }, () => shift + rng.normal()), 0, { alpha: 0.05, batch: 5, maxLooks: 4 });
      if (shift === 0 && res.comparison.pValue <= res.lookAlpha) fails++;
      if (shift === 2 && res.stoppedEarly === 'rejected') early++;
    });
    console.log(`sequential: null failure rate ${(fails / (trials / 2)).toFixed(4)}; large deviations stopped early ${(early / (trials / 2)).toFixed(3)}`);
    expect(fails).toBeLessThan(binomialUpper(trials / 2, 0.05));
    expect(early / (trials / 2)).toBeGreaterThan(0.9);
  });
});
