import type { Estimate } from '../core/measurement.ts';
import { planTopUp, poolBatches, type Pooled } from '../core/stats/index.ts';
import { INTERIM_SHARE, LATER_LOOK_BATCHES, LATER_LOOK_SHARE, POWER_TARGET, TOP_UP_CAP, TOP_UP_DESIGN_POWER, TOP_UP_ROUNDS } from '../core/levels.ts';
import type { Budget, InterimLook, TopUpRecord } from './check.ts';

/**
 * Automatic top-up of an underpowered regime (issue 14 item 2, issue 11 item 7). After a regime is measured, if its
 * power against the declared deviation δ — at the level of its final test — is below POWER_TARGET, the same regime is
 * measured again in further batches at independent seeds derived from the drawn value's `seed`, the batch estimates
 * are pooled (core/stats/sequential.ts) and the regime is tested once on the pool.
 *
 * Level. Whether and how much to draw is decided from standard errors only — never from the mean or a p-value —
 * which is Stein's two-stage design (Stein 1945): the decision does not select for extreme means, so the single
 * final test keeps its level (up to the negligible internal-pilot effect of using the pooled standard error,
 * meta-tested in topUp.test.ts). A second round (TOP_UP_ROUNDS) re-plans from the pooled standard error, again
 * without looking at the mean.
 *
 * Interim looks (core/levels.ts INTERIM_SHARE, LATER_LOOK_SHARE). Where a top-up is planned, the regime's final test is
 * first made on the first batch at a small share of the level, then on the pool of the first 2, 4, 8, 16 batches where
 * more than that many are planned; if one rejects, the regime is decided and nothing more is drawn. The level is split
 * over the looks made (Bonferroni; which looks are made follows from the plan, i.e. from standard errors only), and the
 * runner divides the deciding look's p-value by its share (`share`), so α_c holds. Only a rejection stops early:
 * agreement needs power, a property of the final standard error.
 *
 * Replay. Seeds are derived deterministically from (seed, batch number), and the planning level does not depend
 * on how many drawn regimes were skipped (the caller passes α_c/runs for 'equal', α_c for 'sign'), so a replayed
 * path performs exactly the same top-up and reproduces the pooled numbers.
 */

/** A 32-bit integer hash (Wang/Jenkins-style finaliser): well-mixed seeds from small inputs. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Seed of top-up batch k ≥ 1 of a regime drawn with `seed`: a hash, kept ≥ 2¹⁶ away from the drawn seed and from
 * the earlier batches' seeds, because measures use seed + small offsets for further arms or tasks (e.g. seed + 1 for
 * a second arm, seed + k for pooled tasks), which must never coincide with another batch's streams.
 */
export function batchSeeds(seed: number, batches: number): number[] {
  const taken = [seed];
  const out: number[] = [];
  for (let k = 1; k <= batches; k++) {
    let h = mix32((seed >>> 0) ^ mix32(k * 0x9e3779b9));
    let s = 1 + (h % 0x7ffe0000);
    while (taken.some((t) => Math.abs(s - t) < 0x10000)) {
      h = mix32(h + 1);
      s = 1 + (h % 0x7ffe0000);
    }
    taken.push(s);
    out.push(s);
  }
  return out;
}

export interface TopUpInput<T> {
  value: T;
  /** The first batch, as measured. */
  first: Estimate & { note?: string };
  /** Re-measures the regime at a value with another seed. */
  measure(v: T): Promise<Estimate & { note?: string }>;
  /** Whether the value with another seed keeps the target (it must: the seed may only drive the simulation). */
  sameTarget(v: T): boolean;
  /** δ at this regime; the final test's level; its sidedness; a numerical floor added to the standard error. */
  delta: number | undefined;
  level: number;
  sided: 'one' | 'two';
  floor?: number;
  budget: Budget;
  /** `topUp: false` in a check's definition. */
  disabled?: boolean;
  /**
   * The interim looks (core/levels.ts INTERIM_SHARE, LATER_LOOK_SHARE): the p-value of the regime's final test computed
   * on an estimate (the first batch, or the pool of the first batches) with its degrees of freedom, and the level the
   * shares apply to (Holm's strictest step, α_c/runs): a look at share s rejects when p ≤ s·step.
   */
  interim?: { p(est: Estimate, df: number): number; step: number };
}

export interface TopUpResult {
  estimate: Estimate & { note?: string };
  /** Degrees of freedom of the estimate's standard error. */
  df: number;
  record?: TopUpRecord;
  /** Set when a top-up was planned: the interim looks made (stopped or not). */
  interim?: InterimLook;
  /** The share of the level at which the regime's deciding test was made: the stopping look's, else what the looks left (1 without looks). */
  share: number;
}

/** Whether a drawn value carries the numeric `seed` a top-up needs. */
export function seedOf(v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const s = (v as { seed?: unknown }).seed;
  return typeof s === 'number' && Number.isInteger(s) ? s : undefined;
}

export async function topUp<T>(inp: TopUpInput<T>): Promise<TopUpResult> {
  const first = inp.first;
  const plain: TopUpResult = { estimate: first, df: first.draws > 1 ? first.draws - 1 : 0, share: 1 };
  const seed = seedOf(inp.value);
  const cap = TOP_UP_CAP[inp.budget];
  if (inp.disabled || seed === undefined || inp.delta === undefined || !(first.draws >= 2) || !(first.stderr > 0) || !Number.isFinite(first.stderr) || cap <= 0) return plain;
  const seeds = batchSeeds(seed, cap);
  const batches: Estimate[] = [first];
  let pooled: Pooled = poolBatches(batches);
  let used = 0;
  let reason: string | undefined;
  let needed = Infinity;
  const eff = (p: Pooled) => Math.sqrt(p.stderr * p.stderr + (inp.floor ?? 0) ** 2);
  let interim: InterimLook | undefined;
  // Share of the level the looks made so far have spent; later looks are made below `lookBelow` batches in all.
  let spent = 0;
  let lookBelow = 0;
  let stoppedAt: Pooled | undefined;
  for (let round = 0; round < TOP_UP_ROUNDS && used < cap && !stoppedAt; round++) {
    const plan = planTopUp({ delta: inp.delta, se: eff(pooled), df: pooled.df, draws: pooled.draws, batch: first.draws, level: inp.level, sided: inp.sided, target: POWER_TARGET, design: TOP_UP_DESIGN_POWER, cap: cap - used });
    needed = plan.needed;
    if (plan.batches === 0) {
      if (plan.power < POWER_TARGET && used === 0) reason = `not topped up: ≈ ${Number.isFinite(needed) ? needed : '∞'} draws needed, more than the ${cap} further batches of ${first.draws} allowed at this budget`;
      break;
    }
    if (round === 0 && inp.interim) {
      // The interim look is made only where a second look follows (the plan above used standard errors only): a
      // regime that is not topped up is tested once, at the full level.
      const level = INTERIM_SHARE * inp.interim.step;
      const p = inp.interim.p(first, first.draws - 1);
      interim = { p, level, stopped: p <= level };
      spent = INTERIM_SHARE;
      if (interim.stopped) {
        const why = `not topped up: the first batch already rejects at the interim level ${level.toExponential(2)} (p₁ = ${p.toExponential(2)}; a test in looks, core/levels.ts INTERIM_SHARE)`;
        return { ...plain, estimate: { ...first, note: joinNote(first.note, why) }, interim, share: INTERIM_SHARE };
      }
      // Later looks only below the first plan's size: fixed by the plan (standard errors only), never at the final test.
      lookBelow = 1 + plan.batches;
    }
    for (let j = 0; j < plan.batches; j++) {
      const v = { ...(inp.value as object), seed: seeds[used]! } as T;
      if (!inp.sameTarget(v)) {
        reason = 'not topped up: the prediction changes with the seed (the seed is a parameter of the regime here, not only of the simulation)';
        return { ...plain, estimate: { ...first, note: joinNote(first.note, reason) }, interim, share: 1 - spent };
      }
      const m = await inp.measure(v);
      if (!(m.draws >= 2) || !Number.isFinite(m.mean) || !Number.isFinite(m.stderr)) {
        reason = `not topped up: a further batch returned ${m.draws} draws, mean ${m.mean}, standard error ${m.stderr}`;
        return { ...plain, estimate: { ...first, note: joinNote(first.note, reason) }, interim, share: 1 - spent };
      }
      batches.push(m);
      used++;
      if (interim && batches.length < lookBelow && LATER_LOOK_BATCHES.includes(batches.length)) {
        const pool = poolBatches(batches);
        const level = LATER_LOOK_SHARE * inp.interim!.step;
        const p = inp.interim!.p(pool, pool.df);
        const stopped = p <= level;
        (interim.looks ??= []).push({ draws: pool.draws, p, level, stopped });
        spent += LATER_LOOK_SHARE;
        if (stopped) {
          stoppedAt = pool;
          break;
        }
      }
    }
    pooled = stoppedAt ?? poolBatches(batches);
  }
  const share = 1 - spent;
  if (used === 0) return reason ? { ...plain, estimate: { ...first, note: joinNote(first.note, reason) }, interim, share } : { ...plain, interim, share };
  const last = interim?.looks?.at(-1);
  const stop = stoppedAt && last ? `; stopped at the look on ${last.draws} draws (p = ${last.p.toExponential(2)} ≤ ${last.level.toExponential(2)}, core/levels.ts LATER_LOOK_SHARE)` : '';
  const note = joinNote(first.note, `topped up: ${used} further batch${used > 1 ? 'es' : ''} at derived seeds (two-stage, planned from the standard error only), ${pooled.draws} draws pooled; first batch ${first.mean.toPrecision(4)} ± ${first.stderr.toPrecision(2)} (${first.draws} draws)${stop}`);
  return {
    estimate: { mean: pooled.mean, stderr: pooled.stderr, draws: pooled.draws, m3: pooled.m3, note },
    df: pooled.df,
    record: { batches: used, draws: pooled.draws, firstDraws: first.draws, seeds: seeds.slice(0, used) },
    interim,
    share: stoppedAt ? LATER_LOOK_SHARE : share,
  };
}

function joinNote(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}
