import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testedPairArb } from './pairs.ts';

describe('testedPairArb', () => {
  it('returns when no pair is ever tested (a planted typo): the bounded filter lets a draw through for evaluate to skip', () => {
    const t0 = Date.now();
    const draws = fc.sample(testedPairArb(fc.integer({ min: 0, max: 99 }), ['d', 'alpha'], () => false), { seed: 5, numRuns: 3 });
    expect(draws).toHaveLength(3);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('with an accepting rule it draws the same pairs as an unbounded filter', () => {
    const keep = (t: { base: number; factor: number }) => t.base % 7 === 0 && t.factor > 2;
    const bounded = fc.sample(testedPairArb(fc.integer({ min: 0, max: 99 }), ['d', 'alpha'], keep), { seed: 11, numRuns: 20 });
    const unbounded = fc.sample(
      fc.constantFrom<'d' | 'alpha'>('d', 'alpha').chain((change) =>
        fc.record({ base: fc.integer({ min: 0, max: 99 }), factor: fc.double({ min: 1.5, max: 4, noNaN: true }) }).map((r) => ({ base: r.base, change, factor: r.factor })).filter(keep),
      ),
      { seed: 11, numRuns: 20 },
    );
    expect(bounded).toEqual(unbounded);
    bounded.forEach((t) => expect(keep(t)).toBe(true));
  });
});
