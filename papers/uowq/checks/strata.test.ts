import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poolingArbitrary, poolingRegion } from './uniformNegative.ts';
import { BAND, argminArbitrary, argminRegion } from './singleSourceWeight.ts';
import { interiorArgminArbitrary } from './interiorArgmin.ts';
import { build } from './support.ts';
import { singleSourceWeightClaim, uniformNegativeClaim } from '../theory/index.ts';

describe('uowq pooling regimes are stratified by the side of the negative-transfer boundary', () => {
  it('every drawn regime lies on the side drawn for it, and both sides occur', () => {
    for (const seed of [1, 101, 202, 303]) {
      const cases = fc.sample(poolingArbitrary, { seed, numRuns: 60 });
      const counts: Record<string, number> = {};
      for (const t of cases) {
        expect(poolingRegion(t)).toBe(t.side);
        counts[t.side!] = (counts[t.side!] ?? 0) + 1;
        expect(t.big).toBeGreaterThan(0);
      }
      expect(Object.keys(counts).sort()).toEqual(['negative transfer', 'positive transfer']);
    }
  });
});

describe('uowq implied-argmin regimes: the band where eq U2 resolves a misprinted D is drawn, not hoped for', () => {
  it('a regime drawn in the band lies in it (D/s ∈ [1, 2], N_1 = 4N_0), and the band holds about 3/4 of the draws', () => {
    let inBand = 0;
    let all = 0;
    for (const seed of [1, 101, 202, 303]) {
      for (const t of fc.sample(argminArbitrary, { seed, numRuns: 50 })) {
        all++;
        if (t.stratum !== BAND) continue;
        inBand++;
        expect(argminRegion(t)).toBe(BAND);
        // there, D/2 for D moves a* by more than δ = 0.1: (d/n_0)/(D/2 + s) − a* ≥ 0.13
        const b = build(t);
        const { D } = singleSourceWeightClaim.predict(b.params).details as { D: number };
        const s = t.d / b.N[0]! + t.d / b.N[1]!;
        expect(t.d / b.N[0]! / (D / 2 + s) - t.d / b.N[0]! / (D + s)).toBeGreaterThan(0.13);
      }
    }
    expect(inBand / all).toBeGreaterThan(0.6);
    expect(inBand / all).toBeLessThan(0.9);
  });
});

describe('uowq interior-argmin regimes lie where eq U5 has an interior m* that a misprint moves by ≥ 25 %', () => {
  it('x = Dn_0/d ∈ [1, 3] as built, and m_+ ≤ 1.86·m* fits in N_1', () => {
    for (const seed of [1, 101, 202, 303]) {
      for (const t of fc.sample(interiorArgminArbitrary, { seed, numRuns: 40 })) {
        const b = build(t);
        const det = uniformNegativeClaim.predict(b.params).details as { D: number; interiorQuantity: number };
        const x = (det.D * t.n0) / t.d;
        expect(x).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(x).toBeLessThanOrEqual(3 + 1e-9);
        expect(Math.abs(x - t.x)).toBeLessThan(1e-6);
        expect(1.9 * det.interiorQuantity).toBeLessThan(b.N[1]!);
        expect(1 - (2 * x - 1) / (2 * x + 1)).toBeGreaterThanOrEqual(0.28); // the misprint's relative move of m*
      }
    }
  });
});
