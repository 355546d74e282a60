import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stream } from '../core/rng/stream.ts';
import { estimate } from '../core/measurement.ts';
import { INTERIM_SHARE, LATER_LOOK_SHARE, TOP_UP_CAP } from '../core/levels.ts';
import { defineProperty } from './runner.ts';
import { batchSeeds } from './topUp.ts';
import type { CheckResult, Verdict } from './check.ts';

/**
 * Meta-tests of the automatic top-up (topUp.ts) on synthetic measurements with a known truth: each regime measures
 * `draws` draws of truth + sd·noise from its drawn `seed`, against target 0. Levels are larger than the built-in
 * checks' α_c so that error rates are measurable in a few hundred runs; the logic does not depend on the level.
 */
interface Syn {
  compare?: 'equal' | 'sign';
  truth: number;
  sd?: number;
  draws: number;
  regimes?: number;
  level?: number;
  detect: number;
  target?: number;
  noise?: 'normal' | 'exponential';
  topUp?: boolean;
  /** The target depends on the seed (a seed that is a parameter of the regime). */
  seedInTarget?: boolean;
}

let calls = 0;
function synthetic(o: Syn) {
  const target = (v: { seed: number }) => (o.seedInTarget ? (v.seed % 7) / 100 : 0) + (o.target ?? 0);
  return defineProperty({
    id: 'meta.topup/check',
    claimId: 'meta.topup',
    title: 'synthetic top-up',
    arbitrary: fc.record({ a: fc.integer({ min: 0, max: 9 }), seed: fc.integer({ min: 1, max: 0x7fffffff }) }),
    runs: { test: o.regimes ?? 2, quick: o.regimes ?? 2, full: o.regimes ?? 2 },
    compare: o.compare ?? 'equal',
    level: o.level ?? 0.05,
    detect: { abs: o.detect, reason: 'meta-test' },
    topUp: o.topUp,
    params: (v) => ({ a: v.a }),
    evaluate: (v) => ({ prediction: { quantity: 'x', kind: 'value', value: target(v) }, target: target(v), statistic: 'x' }),
    measure: (v) => {
      calls++;
      const rng = Stream.fromSeed(v.seed);
      const noise = () => (o.noise === 'exponential' ? -Math.log(1 - rng.uniform()) - 1 : rng.normal());
      return estimate(Array.from({ length: o.draws }, () => target(v) + o.truth + (o.sd ?? 1) * noise()));
    },
    shrinkMs: { test: 0, quick: 0, full: 0 },
  });
}

async function many(check: ReturnType<typeof synthetic>, reps: number, budget: 'test' | 'full' = 'test'): Promise<{ v: Record<Verdict, number>; topped: number; results: CheckResult[] }> {
  const out: Record<string, number> = {};
  let topped = 0;
  const results: CheckResult[] = [];
  for (let r = 0; r < reps; r++) {
    const res = await check.run({ seed: 5000 + r, budget });
    out[res.verdict] = (out[res.verdict] ?? 0) + 1;
    topped += res.records.filter((x) => x.topUp).length;
    results.push(res);
  }
  return { v: out as Record<Verdict, number>, topped, results };
}

// 20 draws, sd 1, δ = 0.5, 2 regimes at level 0.05: first-stage power at 0.025 (two-sided) ≈ 0.5 — below 0.8 at
// every seed; 60–80 pooled draws reach ≈ 0.95.
const MARGINAL = { truth: 0, draws: 20, detect: 0.5 };

describe('automatic top-up of underpowered regimes', () => {
  it('a true null with marginal first-stage power is topped up, conforms, and keeps its false-mismatch rate', async () => {
    const { v, topped } = await many(synthetic(MARGINAL), 400);
    console.log(`null, marginal power: ${JSON.stringify(v)}; ${topped}/800 regimes topped up`);
    // Most regimes: the rest drew a first-batch spread either large enough that the cap cannot reach 0.8 or small
    // enough to be powered already.
    expect(topped).toBeGreaterThan(700);
    // Family-wise level 0.05: P(X ≥ 32 | Bin(400, 0.05)) < 0.01.
    expect(v.mismatch ?? 0).toBeLessThan(32);
    expect((v.conforms ?? 0) / 400).toBeGreaterThan(0.85);
    expect((v.conforms ?? 0) + (v.mismatch ?? 0) + (v.inconclusive ?? 0)).toBe(400);
  });

  it('skewed draws: the topped-up regimes keep the level; the rest are tested exactly as without top-up', async () => {
    // Exponential draws (skewness 2): the mean and the standard error move together, so the decision is not
    // independent of the mean as Stein's argument needs. What the top-up controls: regimes it tops up are tested on
    // ≥ 60 pooled draws and reject at about the stated rate; regimes it leaves (a small first-stage standard error,
    // hence a low mean) are tested on their first batch as before — where Student's t at 20 skewed draws already
    // over-rejects (about 2× at 0.025; Johnson's t, `skewCorrected`, is the check's remedy for that, not the top-up's).
    const { results } = await many(synthetic({ ...MARGINAL, noise: 'exponential', regimes: 1 }), 600);
    const recs = results.flatMap((r) => r.records);
    const topped = recs.filter((r) => r.topUp);
    const rejTopped = topped.filter((r) => !r.ok).length;
    const rest = recs.filter((r) => !r.topUp);
    console.log(`null, exponential draws: topped up ${topped.length}/600, rejecting ${rejTopped}; not topped up ${rest.length}, rejecting ${rest.filter((r) => !r.ok).length}`);
    expect(topped.length).toBeGreaterThan(400);
    // Level 0.05: P(X ≥ k | Bin(n, 0.05)) < 0.01 with k = n·0.05 + 2.33·√(n·0.0475) + 1.
    expect(rejTopped).toBeLessThan(topped.length * 0.05 + 2.33 * Math.sqrt(topped.length * 0.0475) + 1);
  });

  it('a shift of size δ is caught with power ≥ 0.8 after top-up — not without it', async () => {
    const shifted = { ...MARGINAL, truth: 0.5 };
    const withTopUp = await many(synthetic(shifted), 200);
    console.log(`shift δ: with top-up ${JSON.stringify(withTopUp.v)}`);
    expect((withTopUp.v.mismatch ?? 0) / 200).toBeGreaterThan(0.8);
    const without = await many(synthetic({ ...shifted, topUp: false }), 200);
    expect(without.topped).toBe(0);
    expect((without.v.mismatch ?? 0) / 200).toBeLessThan(0.8);
    // Opted out, the null is inconclusive (power ≈ 0.5), never conforms.
    const nullWithout = await many(synthetic({ ...MARGINAL, topUp: false }), 30);
    expect(nullWithout.v.conforms ?? 0).toBe(0);
  });

  it('a sign with marginal power is topped up and confirmed', async () => {
    // Truth 0.6 on the predicted side, δ = 0.5 at α_c = 0.05 one-sided, 12 draws: first-stage power ≈ 0.6.
    const { v, topped } = await many(synthetic({ compare: 'sign', truth: 0.6, draws: 12, detect: 0.5, target: 1 }), 100);
    expect(topped).toBeGreaterThan(150);
    expect((v.conforms ?? 0) / 100).toBeGreaterThan(0.8);
  });

  it('a regime needing more than the cap is not topped up, stays inconclusive and says how many draws decide it', async () => {
    calls = 0;
    const res = await synthetic({ truth: 0, draws: 20, detect: 0.1 }).run({ seed: 77, budget: 'test' });
    expect(calls).toBe(2); // one batch per regime: none spent on a regime the cap cannot decide
    expect(res.verdict).toBe('inconclusive');
    expect(res.records.every((r) => r.topUp === undefined && /not topped up: ≈ \d+ draws needed/.test(r.note ?? ''))).toBe(true);
    const need = Number(/about (\d+) draws per regime/.exec(res.summary)?.[1]);
    // (z_{1−0.0125} + z_{0.8})²/0.1² ≈ 950 draws at sd 1: far above the cap's (1 + 3)·20.
    expect(need).toBeGreaterThan(700);
    expect(need).toBeLessThan(1300);
    expect(need).toBeGreaterThan((1 + TOP_UP_CAP.test) * 20);
  });

  it('identical arms (zero standard error) are never topped up and never conform', async () => {
    const { v, topped } = await many(synthetic({ ...MARGINAL, sd: 0 }), 5);
    expect(topped).toBe(0);
    expect(v.conforms ?? 0).toBe(0);
    const sign = await many(synthetic({ compare: 'sign', truth: 0, sd: 0, draws: 12, detect: 0.5, target: 1 }), 5);
    expect(sign.topped).toBe(0);
    expect(sign.v.conforms ?? 0).toBe(0);
  });

  it('replaying a path performs the same top-up and reproduces the pooled numbers', async () => {
    const check = synthetic(MARGINAL);
    const full = await check.run({ seed: 4242, budget: 'test' });
    const rec = full.records.find((r) => r.topUp)!;
    expect(rec.topUp!.batches).toBeGreaterThan(0);
    expect(rec.measurement.draws).toBe(rec.topUp!.draws);
    const replay = await check.run({ seed: 4242, budget: 'test', path: rec.path });
    expect(replay.records).toHaveLength(1);
    expect(replay.records[0]!.measurement).toEqual(rec.measurement);
    expect(replay.records[0]!.topUp).toEqual(rec.topUp);
    expect(replay.records[0]!.pValue).toBe(rec.pValue);
  });

  it('a value without a numeric seed field, or whose target depends on the seed, is not topped up', async () => {
    const noSeed = defineProperty({
      id: 'meta.topup/no-seed',
      claimId: 'meta.topup',
      title: 'no seed field',
      arbitrary: fc.record({ s: fc.integer({ min: 1, max: 0x7fffffff }) }),
      runs: { test: 2, quick: 2, full: 2 },
      compare: 'equal',
      level: 0.05,
      detect: { abs: 0.5, reason: 'meta-test' },
      params: (v) => ({ s: v.s }),
      evaluate: () => ({ prediction: { quantity: 'x', kind: 'value', value: 0 }, target: 0, statistic: 'x' }),
      measure: (v) => {
        const rng = Stream.fromSeed(v.s);
        return estimate(Array.from({ length: 20 }, () => rng.normal()));
      },
      shrinkMs: { test: 0, quick: 0, full: 0 },
    });
    const a = await noSeed.run({ seed: 9, budget: 'test' });
    expect(a.records.some((r) => r.topUp)).toBe(false);
    expect(a.verdict).toBe('inconclusive');
    const b = await synthetic({ ...MARGINAL, seedInTarget: true }).run({ seed: 9, budget: 'test' });
    expect(b.records.some((r) => r.topUp)).toBe(false);
    expect(b.records.every((r) => /prediction changes with the seed/.test(r.note ?? ''))).toBe(true);
  });

  it('a regime whose first batch already rejects at the interim level is not topped up; its p-value is p₁/share', async () => {
    // Truth 2 against target 0 (sd 1, 20 draws): first-stage power against δ = 0.5 is ≈ 0.5, so a top-up is due, and
    // t ≈ 9 rejects far below the interim level 0.05·0.05/2.
    calls = 0;
    const res = await synthetic({ ...MARGINAL, truth: 2 }).run({ seed: 31, budget: 'test' });
    expect(res.verdict).toBe('mismatch');
    const looked = res.records.filter((r) => r.interim);
    expect(looked.length).toBeGreaterThan(0);
    for (const r of looked) {
      expect(r.interim!.stopped).toBe(true);
      expect(r.interim!.level).toBeCloseTo((INTERIM_SHARE * 0.05) / 2, 15);
      expect(r.topUp).toBeUndefined();
      expect(r.measurement.draws).toBe(20);
      expect(r.pValue).toBeCloseTo(r.interim!.p / INTERIM_SHARE, 15);
      expect(r.note).toMatch(/already rejects at the interim level/);
    }
    // No further batch for a stopped regime (the shrinker re-measures only the worst regime's candidates).
    const sign = await synthetic({ compare: 'sign', truth: -4, draws: 12, detect: 0.5, target: 1, regimes: 3 }).run({ seed: 8, budget: 'test' });
    expect(sign.verdict).toBe('mismatch');
    expect(sign.records.every((r) => r.interim?.stopped === true && r.topUp === undefined)).toBe(true);
  });

  it('with the interim look, a true null keeps its level', async () => {
    // One regime per check at level 0.05: over 800 runs the two-look test must reject at most about 5 %.
    const { results } = await many(synthetic({ ...MARGINAL, regimes: 1 }), 800);
    const recs = results.flatMap((r) => r.records);
    const looked = recs.filter((r) => r.interim);
    const rejected = recs.filter((r) => !r.ok).length;
    console.log(`null, two looks: ${looked.length}/800 looked, ${looked.filter((r) => r.interim!.stopped).length} stopped, ${rejected} rejected`);
    expect(looked.length).toBeGreaterThan(600);
    // P(X ≥ 56 | Bin(800, 0.05)) < 0.01.
    expect(rejected).toBeLessThan(56);
    expect(looked.filter((r) => !r.interim!.stopped).every((r) => r.topUp !== undefined)).toBe(true);
  });

  it('replaying a path stopped at the interim look reproduces it', async () => {
    const check = synthetic({ ...MARGINAL, truth: 2 });
    const full = await check.run({ seed: 31, budget: 'test' });
    const rec = full.records.find((r) => r.interim?.stopped)!;
    const replay = await check.run({ seed: 31, budget: 'test', path: rec.path });
    expect(replay.records[0]!.interim).toEqual(rec.interim);
    expect(replay.records[0]!.measurement).toEqual(rec.measurement);
  });

  // 20 draws, sd 1, δ = 0.25 at the full budget (cap 32): the plan is ≈ 12 batches in all, so the pool is looked at
  // after 2, 4 and 8 batches before the final test.
  const LONG = { truth: 0, draws: 20, detect: 0.25, regimes: 1 };

  it('a top-up stops at the first later look that rejects; its p-value is that look\'s p over its share', async () => {
    // Truth 0.6 against 0: the first batch (t ≈ 2.7) is short of the interim level 0.05·0.05, the pool of 2–4 batches
    // is not.
    const { results } = await many(synthetic({ ...LONG, truth: 0.6 }), 40, 'full');
    const recs = results.flatMap((r) => r.records);
    const early = recs.filter((r) => r.interim?.looks?.at(-1)?.stopped);
    console.log(`shift 0.6: ${early.length}/40 stopped at a later look, at ${early.map((r) => r.measurement.draws).join(', ')} draws`);
    expect(early.length).toBeGreaterThan(20);
    for (const r of early) {
      const last = r.interim!.looks!.at(-1)!;
      expect(r.interim!.stopped).toBe(false);
      expect(r.interim!.looks!.slice(0, -1).every((l) => !l.stopped)).toBe(true);
      expect(last.level).toBeCloseTo(LATER_LOOK_SHARE * 0.05, 15);
      expect(r.measurement.draws).toBe(last.draws);
      expect(r.topUp!.draws).toBe(last.draws);
      expect([2, 4, 8, 16]).toContain(r.topUp!.batches + 1);
      expect(r.pValue).toBeCloseTo(last.p / LATER_LOOK_SHARE, 12);
      expect(r.ok).toBe(false);
      expect(r.note).toMatch(/stopped at the look on \d+ draws/);
    }
    // A regime that goes on to its final test: its p-value carries what the looks left of the level.
    const onward = recs.filter((r) => r.interim && !r.interim.stopped && !r.interim.looks?.at(-1)?.stopped && r.topUp);
    for (const r of onward) expect(r.interim!.looks!.length).toBeGreaterThan(0);
  });

  it('with later looks, a true null keeps its level', async () => {
    // One regime per check at level 0.05, looks at 1, 2, 4, 8 batches and the final test: at most about 5 % rejected.
    const { results } = await many(synthetic(LONG), 600, 'full');
    const recs = results.flatMap((r) => r.records);
    const withLooks = recs.filter((r) => r.interim?.looks?.length);
    const rejected = recs.filter((r) => !r.ok).length;
    console.log(`null, later looks: ${withLooks.length}/600 with later looks (${withLooks.map((r) => r.interim!.looks!.length).reduce((a, b) => a + b, 0)} looks), ${rejected} rejected`);
    expect(withLooks.length).toBeGreaterThan(450);
    // P(X ≥ 44 | Bin(600, 0.05)) < 0.01.
    expect(rejected).toBeLessThan(44);
  });

  it('replaying a path stopped at a later look reproduces it', async () => {
    const check = synthetic({ ...LONG, truth: 0.6, regimes: 3 });
    for (let seed = 1; seed < 40; seed++) {
      const full = await check.run({ seed, budget: 'full' });
      const rec = full.records.find((r) => r.interim?.looks?.at(-1)?.stopped);
      if (!rec) continue;
      const replay = await check.run({ seed, budget: 'full', path: rec.path });
      expect(replay.records[0]!.interim).toEqual(rec.interim);
      expect(replay.records[0]!.measurement).toEqual(rec.measurement);
      expect(replay.records[0]!.topUp).toEqual(rec.topUp);
      return;
    }
    throw new Error('no regime stopped at a later look in 40 seeds');
  });

  it('derives distinct seeds far from the drawn seed and its small offsets', () => {
    for (const s of [1, 2, 12345, 0x7fffffff]) {
      const seeds = batchSeeds(s, 32);
      expect(new Set(seeds).size).toBe(32);
      const all = [s, ...seeds];
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(Math.abs(all[i]! - all[j]!)).toBeGreaterThanOrEqual(0x10000);
      expect(seeds.every((x) => Number.isInteger(x) && x >= 1 && x < 0x7fffffff)).toBe(true);
      expect(batchSeeds(s, 3)).toEqual(seeds.slice(0, 3)); // prefix-stable: the cap does not change the first seeds
    }
  });
});
