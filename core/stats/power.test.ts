import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { binomialPower, drawsForPower, powerOneSided, powerTwoSided } from './power.ts';
import { compareMean, minDetectable } from './compare.ts';
import { summarize } from './summary.ts';

describe('power of the checks\' t-tests', () => {
  it('matches the simulated rejection rate of the two-sided t-test (normal draws)', () => {
    const n = 12;
    const level = 0.01;
    const delta = 1.2;
    const rng = Stream.fromSeed(7);
    let rejected = 0;
    const reps = 4000;
    for (let r = 0; r < reps; r++) {
      const x = Array.from({ length: n }, () => delta + rng.normal());
      if (compareMean(summarize(x), 0, level).pValue <= level) rejected++;
    }
    const predicted = powerTwoSided(delta, 1 / Math.sqrt(n), n - 1, level);
    // Shifted-central-t is a close approximation to the noncentral t: within 0.04 here.
    expect(Math.abs(rejected / reps - predicted)).toBeLessThan(0.04);
  });

  it('agrees with minDetectable: power 0.8 exactly at the minimum detectable deviation', () => {
    const se = 0.3;
    const df = 9;
    const level = 1e-3;
    expect(powerTwoSided(minDetectable(se, df, level), se, df, level)).toBeCloseTo(0.8, 6);
  });

  it('plans draws that reach the target power', () => {
    const n = drawsForPower(0.5, 2, 1e-4, 0.8, 'one');
    expect(powerOneSided(0.5, 2 / Math.sqrt(n), n - 1, 1e-4)).toBeGreaterThanOrEqual(0.8);
    expect(powerOneSided(0.5, 2 / Math.sqrt(n - 1), n - 2, 1e-4)).toBeLessThan(0.8);
  });

  it('is zero without a standard error (zero spread or one draw is no evidence)', () => {
    expect(powerTwoSided(1, 0, 5, 0.01)).toBe(0);
    expect(powerOneSided(1, NaN, 0, 0.01)).toBe(0);
  });

  it('binomial power: exact, and at the null equals the attained level', () => {
    expect(binomialPower(20, 0.05, 0.05, 0.05)).toBeLessThanOrEqual(0.05);
    expect(binomialPower(20, 0.05, 0.5, 0.05)).toBeGreaterThan(0.95);
  });
});
