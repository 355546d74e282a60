import { describe, expect, it } from 'vitest';
import { Stream } from '../core/rng/stream.ts';
import { SimCache, canonicalJson, simCache } from './cache.ts';
import { defineSimulation, measurement, uncachedRun, type Measurement } from './sim.ts';

function countingSim(id: string, async = false) {
  const calls = { n: 0 };
  const run = (p: Record<string, number>, o: { seed: number; draws: number }): Measurement => {
    calls.n++;
    return measurement({ simId: id, quantity: 'x', seed: o.seed, params: p, values: Stream.replicates(o.seed, o.draws).map((r) => p.mu! + r.normal()) });
  };
  const sim = defineSimulation({ id, paper: 'fate', title: id, quantity: 'x', params: [], defaultDraws: 4, run: async ? async (p, o) => run(p, o) : run });
  return { sim, calls };
}

describe('in-run simulation cache', () => {
  it('two identical calls run the simulation once; each caller gets its own copy', () => {
    const { sim, calls } = countingSim('cache.test.sync');
    const a = sim.run({ mu: 1, nu: 2 }, { seed: 7, draws: 20 }) as Measurement;
    const b = sim.run({ nu: 2, mu: 1 }, { draws: 20, seed: 7 }) as Measurement; // same content, other key order
    expect(calls.n).toBe(1);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    a.values.sort((x, y) => x - y); // a caller editing its result
    a.values[0] = 1e9;
    const c = sim.run({ mu: 1, nu: 2 }, { seed: 7, draws: 20 }) as Measurement;
    expect(c.values).toEqual(b.values);
    expect(c.mean).toBe(b.mean);
  });

  it('different seeds, draws, parameters or definitions do not collide', () => {
    const { sim, calls } = countingSim('cache.test.keys');
    const base = sim.run({ mu: 1 }, { seed: 7, draws: 20 }) as Measurement;
    const other = [sim.run({ mu: 1 }, { seed: 8, draws: 20 }), sim.run({ mu: 1 }, { seed: 7, draws: 21 }), sim.run({ mu: 1.5 }, { seed: 7, draws: 20 })] as Measurement[];
    expect(calls.n).toBe(4);
    for (const o of other) expect(o.values).not.toEqual(base.values);
    // A second definition under the same id (e.g. a planted simulation bug) runs its own simulation.
    const twin = countingSim('cache.test.keys');
    twin.sim.run({ mu: 1 }, { seed: 7, draws: 20 });
    expect(twin.calls.n).toBe(1);
    // The cached result equals the uncached run.
    expect(uncachedRun(sim)({ mu: 1 }, { seed: 7, draws: 20 })).toEqual(base);
  });

  it('shares a running async simulation and keeps async callers async', async () => {
    const { sim, calls } = countingSim('cache.test.async', true);
    const [a, b] = await Promise.all([sim.run({ mu: 0 }, { seed: 3, draws: 8 }), sim.run({ mu: 0 }, { seed: 3, draws: 8 })]);
    expect(calls.n).toBe(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(sim.run({ mu: 0 }, { seed: 3, draws: 8 })).toBeInstanceOf(Promise);
    expect(simCache.stats().bySim).toBeTypeOf('object');
  });

  it('is bounded: least recently used entries are evicted by count and by bytes', () => {
    const c = new SimCache(3, 10_000);
    const m = (k: number, n = 10): Measurement => ({ simId: 's', quantity: 'x', seed: k, params: {}, values: Array.from({ length: n }, () => k), mean: k, stderr: 0, draws: n });
    let runs = 0;
    const get = (k: number, n = 10) => c.run('s', { k }, { seed: k, n }, () => (runs++, m(k, n))) as Measurement;
    get(1); get(2); get(3);
    get(1); // 1 is now the most recently used
    get(4); // evicts 2
    expect(runs).toBe(4);
    get(1); get(3); get(4);
    expect(runs).toBe(4);
    get(2);
    expect(runs).toBe(5);
    get(9, 2000); // ≈ 16 kB: larger than the bound, never stored
    get(9, 2000);
    expect(runs).toBe(7);
    expect(c.stats().bytes).toBeLessThanOrEqual(10_000);
    expect(c.stats().entries).toBeLessThanOrEqual(3);
  });

  it('canonical JSON sorts keys at every level and spells out non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, NaN], c: Infinity } })).toBe('{"a":{"c":"Infinity","d":[1,"NaN"]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});
