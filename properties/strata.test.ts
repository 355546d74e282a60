import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineProperty } from './runner.ts';
import { estimate } from '../core/measurement.ts';
import { stratify, sampling } from './strata.ts';

const side = (s: 'left' | 'right') => fc.record({ side: fc.constant(s), x: fc.integer({ min: 1, max: 1000 }), seed: fc.integer({ min: 1, max: 0x7fffffff }) });
type V = { side: 'left' | 'right'; x: number; seed: number };

describe('stratify: region coverage by design', () => {
  it('run i draws from stratum i mod K at every seed (a coin would leave a side empty at some of these seeds)', () => {
    const s = sampling(stratify<V>(side('left'), side('right')));
    expect(s.strata).toBe(2);
    for (let seed = 1; seed <= 300; seed++) {
      const vs = fc.sample(s.arbitrary, { seed, numRuns: 5 }).map((v, i) => s.pick(v, i));
      expect(vs.map((v) => v.side)).toEqual(['left', 'right', 'left', 'right', 'left']);
    }
    const coin = fc.oneof(side('left'), side('right'));
    const empty = Array.from({ length: 300 }, (_, k) => fc.sample(coin, { seed: k + 1, numRuns: 5 })).filter((vs) => new Set(vs.map((v) => v.side)).size < 2);
    expect(empty.length).toBeGreaterThan(0);
  });

  it('an unstratified arbitrary samples as before', () => {
    const a = fc.integer({ min: 0, max: 1e6 });
    const s = sampling(a);
    expect(fc.sample(s.arbitrary, { seed: 7, numRuns: 4 }).map((v, i) => s.pick(v, i))).toEqual(fc.sample(a, { seed: 7, numRuns: 4 }));
  });

  it('a check on stratified draws covers both regions, and a failing regime replays and shrinks inside its stratum', async () => {
    // 'equal' against 0 with a planted failure on the right side only: the counterexample must stay on the right.
    const check = defineProperty<V>({
      id: 'meta.strata/planted',
      claimId: 'meta.strata',
      title: 'planted failure on one stratum',
      arbitrary: stratify(side('left'), side('right')),
      runs: { test: 6, quick: 6, full: 6 },
      compare: 'equal',
      level: 0.01,
      detect: { abs: 0.5, reason: 'test' },
      topUp: false,
      params: (v) => ({ x: v.x, right: v.side === 'right' ? 1 : 0 }),
      region: (v) => v.side,
      requiredCoverage: { left: 3, right: 3 },
      evaluate: () => ({ prediction: { quantity: 'x', kind: 'value', value: 0 }, target: 0, statistic: '0' }),
      measure: (v) => estimate(Array.from({ length: 20 }, (_, k) => (v.side === 'right' ? 5 : 0) + ((k % 2) - 0.5) * 0.1)),
    });
    const res = await check.run({ seed: 42, budget: 'test' });
    expect(res.records.map((r) => r.params.right)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(res.verdict).toBe('mismatch');
    expect(res.counterexample!.params.right).toBe(1);
    const replayed = await check.run({ seed: 42, budget: 'test', path: res.counterexample!.path });
    expect(replayed.records).toHaveLength(1);
    expect(replayed.records[0]!.params).toEqual(res.counterexample!.params);
  });
});
