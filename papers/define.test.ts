import { describe, expect, it } from 'vitest';
import { defineClaim } from '../theory/claim.ts';
import { defineSimulation, measurement } from '../sim/sim.ts';
import { Stream } from '../core/rng/stream.ts';
import { int, real, simSeed } from '../properties/arbitraries.ts';
import { defineLimitCheck, defineMonotoneCheck, definePaper, deviates, notReproduced, regime } from './define.ts';

const source = (statement: string) => ({ paper: 'toy', ref: 'toy', statement, provenance: 'printed' as const });
const xParam = { name: 'x', symbol: 'x', description: 'a point', domain: { min: 0 } };
const nParam = { name: 'n', symbol: 'n', description: 'size', domain: { min: 1, integer: true }, optional: true };

/** A printed limit L(x) = 1 + x with the finite-size form L(x) + 2x/n (a 1/n gap). */
const limitClaim = (printed: (x: number) => number) =>
  defineClaim({
    id: 'toy.limit',
    paper: 'toy',
    title: 'toy limit',
    source: source('lim f_n(x) = 1 + x'),
    params: [xParam, nParam],
    hypotheses: [],
    regime: { kind: 'asymptotic', limit: 'n → ∞', finiteSize: 'f_n = 1 + x + 2x/n' },
    predict: (p) => ({ quantity: 'f', kind: 'value', value: printed(p.x!), finiteSize: p.n === undefined ? undefined : { value: 1 + p.x! + (2 * p.x!) / p.n, derivation: 'toy' } }),
  });

describe('defineLimitCheck: the finite-size form extrapolated to the printed limit', () => {
  const make = (printed: (x: number) => number) =>
    defineLimitCheck({
      id: 'toy.limit/converges',
      claim: limitClaim(printed),
      title: 'toy',
      arbitrary: regime({ x: real(0, 2, 20) }),
      params: (v) => ({ x: v.x }),
      size: 'n',
      at: 1000,
      rate: 1,
      tolerance: { abs: 1e-9, rel: 1e-9, reason: 'exact extrapolation of a pure 1/n gap' },
      runs: { test: 5, quick: 5, full: 5 },
    });
  it('conforms when the printed limit is the finite-size form\'s limit, and a typo in it is a mismatch', async () => {
    expect((await make((x) => 1 + x).run({ seed: 1, budget: 'test' })).verdict).toBe('conforms');
    expect((await make((x) => 1 + 1.05 * x).run({ seed: 1, budget: 'test' })).verdict).toBe('mismatch');
  });
});

describe('defineMonotoneCheck: a simulated quantity monotone in the printed statistic', () => {
  const param = { name: 's', symbol: 's', description: 'statistic', domain: { min: 0 } };
  // The simulated error is 1/(1 + s) plus unit-variance noise: decreasing in s.
  const sim = defineSimulation({
    id: 'toy.err',
    paper: 'toy',
    title: 'toy error',
    quantity: 'error',
    params: [param],
    defaultDraws: 10,
    run: (p, { seed, draws }) => measurement({ simId: 'toy.err', quantity: 'error', seed, params: p, values: Stream.replicates(seed, draws).map((r) => 1 / (1 + p.s!) + 0.2 * r.normal()) }),
  });
  const claim = defineClaim({ id: 'toy.mono', paper: 'toy', title: 'toy', source: source('error ≲ 1/s'), params: [param], hypotheses: [], regime: { kind: 'bound', constants: ['C'] }, predict: (p) => ({ quantity: 'statistic', kind: 'value', value: p.s! }) });
  const make = (direction: 'increasing' | 'decreasing') =>
    defineMonotoneCheck({
      id: 'toy.mono/decreasing',
      claim,
      simulation: sim,
      title: 'toy',
      arbitrary: regime({ a: int(0, 2), gap: int(2, 4), seed: simSeed }),
      pair: (v) => [{ s: v.a }, { s: v.a + v.gap }],
      seed: (v) => v.seed,
      direction,
      draws: { test: 200, quick: 200, full: 200 },
      detect: { abs: 0.05, reason: 'toy effect' },
      level: 1e-3,
      runs: { test: 4, quick: 4, full: 4 },
    });
  it('confirms the predicted direction with power, and rejects the opposite one', async () => {
    const ok = await make('decreasing').run({ seed: 3, budget: 'test' });
    expect(ok.verdict, ok.summary).toBe('conforms');
    expect((await make('increasing').run({ seed: 3, budget: 'test' })).verdict).toBe('mismatch');
  });
  it('is a paper like any other', () => {
    expect(() => definePaper({ id: 'toy', title: 'toy', source: { authors: 'a', title: 't' }, claims: [claim], simulations: [sim], checks: [make('decreasing')] })).not.toThrow();
  });
});

describe('deviation records', () => {
  const base = { title: 't', explanation: 'e', counterexample: { params: { x: 1 }, replay: 'npx ttc replay x' } };
  it('carry their kind; a not-reproduced record names its assumptions', () => {
    expect(deviates(base).kind).toBe('deviates');
    expect(notReproduced({ ...base, assumptions: ['‖u‖ = 3 (not printed)'] }).kind).toBe('not-reproduced');
    expect(() => notReproduced({ ...base, assumptions: [] })).toThrow(/assumption/);
  });
});
