import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poolingArbitrary, poolingRegion } from './uniformNegative.ts';

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
