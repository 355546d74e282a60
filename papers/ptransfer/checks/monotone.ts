import type fc from 'fast-check';
import type { Budget, CheckSpec, KnownDeviation } from '../../../properties/check.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import type { Claim, Hypothesis, Prediction } from '../../../theory/claim.ts';
import type { SimSpec } from '../../../sim/sim.ts';
import type { CellParams } from '../sim/cell.ts';
import { holdsAll } from '../theory/hypotheses.ts';
import { CHANGES, testedPairArb, type Change, type PairDraw } from './pairs.ts';
import { replicates, type InsideDraw, type PaperDraw } from './regimes.ts';
import { asParams, fmt, mean, NO_SHRINK, region, SHRINK } from './shared.ts';

/** Why a pair is not tested (undefined: it is). */
type PairSkip = { skip: string; outOfHypotheses?: boolean } | undefined;

export interface MonotoneOptions {
  id: string;
  aliases: string[];
  claim: Claim;
  title: string;
  /** The pairs as drawn; some may fall outside what the check tests (skipped). Give `arb` or `tested`. */
  arb?: fc.Arbitrary<PairDraw<InsideDraw>> | fc.Arbitrary<PairDraw<PaperDraw>>;
  /** Pairs drawn only where the check tests them, stratified by ingredient (pairs.ts testedPairArb). */
  tested?: { base: fc.Arbitrary<InsideDraw> | fc.Arbitrary<PaperDraw>; changes: Change[] };
  /** The pair (null: outside the check's restriction). */
  pair: (t: never) => [CellParams, CellParams] | null;
  /** Hypotheses both members must satisfy ([] for an extrapolation). */
  hypotheses: readonly Hypothesis[];
  /** The statistic the claim orders regimes by, from claim.predict. */
  statistic: (p: CellParams) => number;
  /** The claim's prediction of the direction (its sign is the target), from claim.predict. */
  trend: (p: CellParams) => Prediction;
  statName: string;
  /** Measures the error of one member: replicates 0 … R − 1 of the draw's seed. */
  sim: SimSpec;
  runs: Record<Budget, number>;
  extrapolation: boolean;
  deviation?: KnownDeviation;
  reps?: Record<Budget, number>;
}

type AnyPair = PairDraw<InsideDraw> | PairDraw<PaperDraw>;

/**
 * What a monotone check makes of a drawn pair: the pair ordered by the statistic, and whether it is tested —
 * inside the check's restriction, both members inside the hypotheses, and the statistic changed by ≥ 30 % (the
 * size of change the declared δ = 2 error points is stated for, core/levels.ts).
 */
export function monotonePairs(opts: Pick<MonotoneOptions, 'pair' | 'hypotheses' | 'statistic' | 'statName' | 'arb' | 'tested'>) {
  const pairOf = opts.pair as (t: AnyPair) => [CellParams, CellParams] | null;
  const ordered = (t: AnyPair) => {
    const pr = pairOf(t);
    if (!pr) return null;
    const [a, b] = pr;
    const sa = opts.statistic(a);
    const sb = opts.statistic(b);
    return sa >= sb ? { hi: a, lo: b, sHi: sa, sLo: sb } : { hi: b, lo: a, sHi: sb, sLo: sa };
  };
  const skip = (t: AnyPair): PairSkip => {
    const o = ordered(t);
    if (!o) return { skip: 'pair outside the check’s restriction', outOfHypotheses: true };
    if (!holdsAll(opts.hypotheses, asParams(o.hi)) || !holdsAll(opts.hypotheses, asParams(o.lo))) return { skip: 'pair leaves Condition 4.1', outOfHypotheses: true };
    if (o.sHi < 1.3 * o.sLo) return { skip: `${opts.statName} changes by < 30% (${fmt(o.sLo)} → ${fmt(o.sHi)})` };
    return undefined;
  };
  if (!opts.arb === !opts.tested) throw new TypeError('monotone check: give exactly one of arb and tested');
  const arb: fc.Arbitrary<AnyPair> = opts.tested
    ? testedPairArb(opts.tested.base as fc.Arbitrary<InsideDraw | PaperDraw>, opts.tested.changes, (t) => skip(t as AnyPair) === undefined) as fc.Arbitrary<AnyPair>
    : (opts.arb as fc.Arbitrary<AnyPair>);
  return { arb, ordered, skip };
}

/**
 * A direction of effect on paired regimes: order the pair by the claim's statistic and measure
 * err(higher statistic) − err(lower statistic) on the same replicate streams; the claim fixes its sign.
 */
export function monotoneCheck(opts: MonotoneOptions): CheckSpec {
  // The replicate seed is lifted to the drawn value's top level (`seed`): the runner's top-up re-measures a regime
  // at derived seeds by replacing that field, so everything random in `measure` must come from it.
  type T = AnyPair & { seed: number };
  const { arb, ordered, skip } = monotonePairs(opts);
  const seedOf = (t: T) => t.seed;
  const errors = async (p: CellParams, seed: number, R: number) => (await opts.sim.run(asParams(p), { seed, draws: R })).values;
  return defineCheck<T>({
    id: opts.id,
    aliases: opts.aliases,
    claim: opts.claim,
    simulations: [opts.sim],
    title: opts.title,
    arbitrary: arb.map((t) => ({ ...t, seed: t.base.seed })),
    runs: opts.runs,
    compare: 'sign',
    // A recorded deviation: the reported counterexample is the worst regime, independent of the machine's speed.
    shrinkMs: opts.deviation ? NO_SHRINK : SHRINK,
    deviation: opts.deviation,
    params: (t) => {
      const o = ordered(t);
      return o ? { ...o.hi, change: CHANGES.indexOf(t.change), factor: t.factor, seed: seedOf(t) } : { seed: seedOf(t) };
    },
    region: (t) => {
      const o = ordered(t);
      return o ? (opts.extrapolation ? 'outside Condition 4.1 (extrapolation)' : region(o.hi)) : 'outside Condition 4.1';
    },
    evaluate: (t) => {
      // Kept for pairs drawn with `arb` (and replayed values): a pair drawn with `tested` is never skipped.
      const s = skip(t);
      if (s) return s;
      const o = ordered(t)!;
      const trend = opts.trend(o.hi);
      return {
        prediction: { ...trend, details: { ...trend.details, higher: o.sHi, lower: o.sLo } },
        target: trend.sign!,
        statistic: `paired error difference (higher − lower ${opts.statName}: ${fmt(o.sHi)} vs ${fmt(o.sLo)}; ${t.change} changed ×${t.factor.toFixed(2)}) < 0`,
        note: opts.extrapolation ? 'extrapolation: the paper-like regime is outside Condition 4.1' : 'inside Condition 4.1',
      };
    },
    async measure(t, budget) {
      const o = ordered(t)!;
      const R = replicates(budget, opts.reps);
      const hi = await errors(o.hi, seedOf(t), R);
      const lo = await errors(o.lo, seedOf(t), R);
      return estimate(
        hi.map((x, i) => x - lo[i]!),
        `err ${fmt(mean(hi))} at ${opts.statName} ${fmt(o.sHi)} vs ${fmt(mean(lo))} at ${fmt(o.sLo)}`,
      );
    },
  });
}
