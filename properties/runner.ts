import fc from 'fast-check';
import { memoiseSimulation } from '../sim/sim.ts';
import type { CheckOptions, CheckResult, CheckSpec, Counterexample, DeviationEffect, StatsUsed, Verdict } from './check.ts';
import { replayCommand, type ReplayTarget } from './replay.ts';
import { binomialPower, binomialUpperP, closeTo, compareMean, drawsForPower, holmAdjust, minDetectable, powerOneSided, powerTwoSided, studentQuantile, studentTwoSidedP } from '../core/stats/index.ts';
import { CHECK_LEVELS, DEFAULT_CHECK_LEVEL, POWER_TARGET, RUN_LEVEL, detectSize, levelOf, type Detect, type Tolerance } from '../core/levels.ts';
import { estimate } from '../core/measurement.ts';
import { topUp } from './topUp.ts';
import { sampling } from './strata.ts';
import type { PropertyDef } from './propertyDef.ts';
import type { Outcome } from './outcome.ts';
import { replayValue, shrink } from './shrink.ts';

/**
 * The shared property runner. A property draws parameter regimes with fast-check inside a claim's
 * hypotheses, measures each by simulation and compares with the prediction at the check's level α_c
 * (its fixed share of the run's 1 %, core/levels.ts), Holm across regimes:
 *  - 'equal': two-sided t-test of E[sim] = target; conforms only with power ≥ 0.8 against the declared
 *    deviation δ in every regime (at α_c/R, the level of Holm's first step);
 *  - 'sign': one-sided t-tests: a mean significantly on the wrong side is a mismatch (Holm at α_c); the check
 *    conforms only when every regime is significantly on the predicted side at α_c (an intersection–union
 *    test) and the power against an effect δ on that side is ≥ 0.8; a zero standard error is never evidence;
 *  - 'close': deterministic |sim − target| ≤ abs + rel·|target|, with the tolerance and its reason
 *    (GD end points, identities); no level;
 *  - 'binomial': for "with probability ≥ 1 − q" statements: the measurement's mean is the fraction of
 *    replicates where the statement failed, the target is q; exact binomial test, and power against a
 *    failure rate q + δ.
 * On failure the worst regime is shrunk by fast-check from its path to a smallest counterexample.
 *
 * Top-up ('equal' and 'sign'): a regime whose power against δ falls short is re-measured in further batches at
 * seeds derived from its drawn `seed`, up to TOP_UP_CAP[budget] batches, and tested once on the pooled estimate
 * (properties/topUp.ts: Stein's two-stage design — planned from standard errors only, so the level holds); a regime
 * whose first batch — or the pool of its first 2, 4, 8, 16 batches — already rejects at its share of the level draws no
 * more (core/levels.ts INTERIM_SHARE, LATER_LOOK_SHARE). 'close'
 * is deterministic (another seed measures nothing new) and 'binomial' counts failures of a "with probability ≥ 1 − q"
 * event whose power is set by the replicate count the claim's q needs, planned by the check itself; neither tops up.
 */
export type { Evaluation, PropertyDef } from './propertyDef.ts';

/** The level, declared deviation and tolerance a check runs with: from core/levels.ts for built-in checks. */
export function resolveLevels(def: Pick<PropertyDef<unknown>, 'id' | 'aliases' | 'level' | 'detect' | 'tolerance' | 'compare'>): { level: number; listed: boolean; detect?: Detect; tolerance?: Tolerance } {
  const ids = [def.id, ...(def.aliases ?? [])];
  const key = ids.find((id) => CHECK_LEVELS[id] !== undefined);
  const entry = key ? CHECK_LEVELS[key] : undefined;
  const level = def.level ?? (key ? levelOf(key)! : DEFAULT_CHECK_LEVEL);
  const tol = entry?.tolerance ?? (def.tolerance ? { ...def.tolerance, reason: def.tolerance.reason ?? 'stated in the check (no reason given)' } : undefined);
  return { level, listed: key !== undefined, detect: def.detect ?? entry?.detect, tolerance: tol };
}

export function defineProperty<T>(def: PropertyDef<T>): CheckSpec {
  const claimId = def.claim?.id ?? def.claimId;
  if (!claimId) throw new TypeError(`check ${def.id}: no claim`);
  if (def.level !== undefined && !(def.level > 0 && def.level < 1)) throw new TypeError(`check ${def.id}: level must be in (0, 1)`);
  return {
    id: def.id,
    aliases: def.aliases,
    claim: def.claim,
    claimId,
    // The listed simulations run through the in-run cache (sim/cache.ts): checks and figures that simulate the
    // same parameters and seed in one process share one run.
    simulations: def.simulations?.map((sim) => memoiseSimulation(sim)),
    title: def.title,
    runs: def.runs,
    deviation: def.deviation,
    run: (opts) => runProperty(def, opts),
  };
}

/** The public name of `defineProperty`: a check of one claim against its simulations. */
export const defineCheck = defineProperty;

/** One-sided p-value of "mean·sign ≤ 0" (small when the mean is clearly on the `sign` side). */
function oneSidedP(mean: number, se: number, df: number, sign: number): number {
  if (!(se > 0)) return 1;
  const t = (sign * mean) / se;
  const two = studentTwoSidedP(t, df);
  return t > 0 ? two / 2 : 1 - two / 2;
}

/**
 * The level a regime's top-up is planned at: α_c for 'sign' (intersection–union), α_c/runs for 'equal' — the
 * configured runs, not the regimes left after skips, so that a replayed path plans exactly the same top-up (α_c/runs
 * ≤ α_c/R, so the verdict's power at α_c/R is at least the planned one).
 */
function planLevel(def: PropertyDef<unknown>, lv: ReturnType<typeof resolveLevels>, runs: number): number {
  return def.compare === 'sign' ? lv.level : lv.level / Math.max(1, runs);
}

async function evaluateOne<T>(def: PropertyDef<T>, value: T, index: number, opts: CheckOptions, lv: ReturnType<typeof resolveLevels>, runs: number): Promise<Outcome | { skipped: string; outOfHypotheses: boolean; region?: string }> {
  const ev = def.evaluate(value, opts.budget);
  if ('skip' in ev) return { skipped: ev.skip, outOfHypotheses: ev.outOfHypotheses ?? false, region: def.region?.(value) };
  const first = await def.measure(value, opts.budget);
  const topped =
    def.compare === 'equal' || def.compare === 'sign'
      ? await topUp({
          value,
          first,
          measure: async (v) => def.measure(v, opts.budget),
          sameTarget: (v) => {
            const e = def.evaluate(v, opts.budget);
            return !('skip' in e) && e.target === ev.target;
          },
          delta: lv.detect ? detectSize(lv.detect, def.compare === 'sign' ? 0 : ev.target) : undefined,
          level: planLevel(def as PropertyDef<unknown>, lv, runs),
          sided: def.compare === 'sign' ? 'one' : 'two',
          floor: def.compare === 'equal' ? def.floor : undefined,
          budget: opts.budget,
          // Top-up buys power, which only agreement needs: a recorded deviation is asserted to reject, whatever its
          // power, so the gate (test budget) leaves it at its planned draws; reports top it up (more regimes reproduce).
          disabled: def.topUp === false || (def.deviation !== undefined && opts.budget === 'test'),
          // The interim looks: the final test on the first batch, then on the pool of the first batches, each at its
          // share of Holm's strictest step (the configured runs, as for planning, so a replayed path looks exactly as
          // the full check did).
          interim: { p: (e, df) => rejectP(def, ev.target, lv.level, e, e.stderr, df), step: lv.level / Math.max(1, runs) },
        })
      : { estimate: first, df: first.draws > 1 ? first.draws - 1 : 0, record: undefined, share: 1 };
  const m = topped.estimate;
  // Where a top-up was planned, looks were made: the regime's p-value is the deciding look's p divided by its share —
  // the stopping look's, or what the looks left for the final test (core/levels.ts INTERIM_SHARE, LATER_LOOK_SHARE) —
  // and its power is at the final test's share.
  const look = topped.interim;
  const share = topped.share;
  const target: ReplayTarget = { checkId: def.id, seed: opts.seed, path: String(index), budget: opts.budget };
  const base = {
    params: def.params(value),
    prediction: ev.prediction,
    measurement: { mean: m.mean, stderr: m.stderr, draws: m.draws },
    statistic: ev.statistic,
    target: ev.target,
    seed: opts.seed,
    path: String(index),
    replay: replayCommand(target),
    note: [ev.note, m.note, def.region ? `region: ${def.region(value)}` : undefined].filter(Boolean).join('; ') || undefined,
    ...(topped.record ? { topUp: topped.record } : {}),
    ...(look ? { interim: look } : {}),
  };
  if (def.compare === 'close') {
    const tol = lv.tolerance ?? { rel: 1e-9, abs: 1e-12, reason: 'default round-off tolerance' };
    const c = closeTo(m.mean, ev.target, tol.rel, tol.abs);
    return { rec: { ...base, tolerance: { rel: tol.rel, abs: tol.abs }, ok: c.ok }, p: c.ok ? 1 : 0 };
  }
  const df = topped.df;
  const se = m.draws > 1 && Number.isFinite(m.stderr) ? m.stderr : NaN;
  const delta = lv.detect ? detectSize(lv.detect, def.compare === 'sign' ? 0 : ev.target) : undefined;
  if (def.compare === 'binomial') {
    const failures = Math.round(m.mean * m.draws);
    const p = binomialUpperP(failures, m.draws, ev.target);
    return { rec: { ...base, pValue: p, ok: true }, p, delta };
  }
  if (def.compare === 'sign') {
    const sign = Math.sign(ev.target) || 1;
    // Wrong side: evidence that the mean lies on the other side of zero from the predicted sign. The confirming
    // test needs no share: an interim stop only ever ends a regime on the wrong side, never confirms one.
    const p = df >= 1 ? Math.min(1, rejectP(def, ev.target, lv.level, m, se, df) / share) : 1;
    const pConfirm = df >= 1 ? oneSidedP(m.mean, se, df, sign) : 1;
    return { rec: { ...base, pValue: p, ok: true }, p, pConfirm, se, df, delta, share };
  }
  if (!(df >= 1)) return { rec: { ...base, pValue: 1, ok: true }, p: 1, se, df, delta };
  const p = Math.min(1, rejectP(def, ev.target, lv.level, m, se, df) / share);
  return { rec: { ...base, pValue: p, ok: true }, p, se: Math.sqrt(se * se + (def.floor ?? 0) ** 2), df, delta, share };
}

/** p-value of the test whose rejection means the claim fails at a regime: 'sign' the wrong side, 'equal' two-sided. */
function rejectP<T>(def: PropertyDef<T>, target: number, level: number, m: { mean: number; stderr: number; draws: number; m3?: number }, se: number, df: number): number {
  if (def.compare === 'sign') return oneSidedP(m.mean, se, df, -(Math.sign(target) || 1));
  return compareMean(m, target, level, { floor: def.floor, skewCorrected: def.skewCorrected, df }).pValue;
}

/** Power of one regime's comparison against its declared deviation at the per-regime level. */
function regimePower(def: PropertyDef<unknown>, o: Outcome, perRegime: number): number {
  if (o.delta === undefined) return 0;
  if (def.compare === 'binomial') return binomialPower(o.rec.measurement.draws, o.rec.target!, Math.min(1, o.rec.target! + o.delta), perRegime);
  if (!(o.se! > 0) || !(o.df! >= 1)) return 0;
  const level = perRegime * (o.share ?? 1);
  return def.compare === 'sign' ? powerOneSided(o.delta, o.se!, o.df!, level) : powerTwoSided(o.delta, o.se!, o.df!, level);
}

export async function runProperty<T>(def: PropertyDef<T>, opts: CheckOptions): Promise<CheckResult> {
  const t0 = Date.now();
  const lv = resolveLevels(def as PropertyDef<unknown>);
  const runs = opts.runs ?? def.runs[opts.budget];
  const drawn = sampling(def.arbitrary);
  const values = fc.sample(drawn.arbitrary, { seed: opts.seed, numRuns: runs }).map((v, i) => drawn.pick(v, i));
  const indices = opts.path !== undefined ? [Number(opts.path.split(':')[0])] : values.map((_, i) => i);
  const outcomes: Outcome[] = [];
  const coverage: Record<string, number> = {};
  let skipped = 0;
  let outOfHyp = 0;
  for (const i of indices) {
    const v = opts.path !== undefined ? replayValue(def, opts, runs) : values[i]!;
    const o = await evaluateOne(def, v, i, opts, lv, runs);
    if ('skipped' in o) {
      skipped++;
      if (o.outOfHypotheses) outOfHyp++;
      continue;
    }
    if (def.region) coverage[def.region(v)] = (coverage[def.region(v)] ?? 0) + 1;
    outcomes.push(o);
  }
  const statistical = def.compare !== 'close';
  // Holm across regimes at α_c (a replayed single regime is judged at the Bonferroni level of the full check).
  const R = opts.path !== undefined ? runs : Math.max(1, outcomes.length);
  const adjust = (ps: number[]) => (opts.path !== undefined ? ps.map((p) => Math.min(1, p * R)) : holmAdjust(ps));
  const adjusted = adjust(outcomes.map((o) => o.p));
  // Confirming a sign in every regime is an intersection–union test: "the sign holds in all R regimes" is
  // concluded only when each regime's one-sided test rejects at α_c, and that conclusion is wrong with
  // probability ≤ α_c without a multiplicity correction (Berger 1982). The wrong-side tests, whose rejection
  // is a mismatch, keep Holm at α_c. So a sign's confirmation and its power are per regime at α_c, while an
  // 'equal' check's power is at α_c/R (the level of Holm's first step).
  const confirmP = def.compare === 'sign' ? outcomes.map((o) => o.pConfirm ?? 1) : [];
  const perRegime = lv.level / R;
  const powerLevel = def.compare === 'sign' ? lv.level : perRegime;
  const powers = outcomes.map((o) => (statistical ? regimePower(def as PropertyDef<unknown>, o, powerLevel) : NaN));
  outcomes.forEach((o, k) => {
    if (!statistical) return;
    o.rec.adjustedP = adjusted[k];
    o.rec.ok = adjusted[k]! > lv.level;
    if (o.se !== undefined && o.se > 0 && o.df! >= 1) o.rec.minDetectable = minDetectable(o.se, o.df!, powerLevel * (o.share ?? 1));
    o.rec.power = powers[k];
    if (o.delta !== undefined) o.rec.detect = o.delta;
    if (def.compare === 'sign') o.rec.confirmedP = confirmP[k];
  });
  const failing = outcomes.filter((o) => !o.rec.ok);
  const rawFail = failing.length > 0;

  let counterexample: Counterexample | undefined;
  if (rawFail && opts.path === undefined) counterexample = await shrink(def, opts, outcomes, failing, runs, lv.level, (v) => evaluateOne(def, v, 0, opts, lv, runs));

  const coverageShort = Object.entries(def.requiredCoverage ?? {}).filter(([r, k]) => (coverage[r] ?? 0) < k);
  const lowPower = statistical ? outcomes.filter((_, k) => !(powers[k]! >= POWER_TARGET)) : [];
  const unconfirmed = def.compare === 'sign' ? outcomes.filter((_, k) => !(confirmP[k]! <= lv.level)) : [];
  const minPower = statistical && powers.length ? Math.min(...powers) : undefined;

  let verdict: Verdict;
  let summary: string;
  const levelText = statistical ? `α_c = ${fmtLevel(lv.level)}` : `tolerance ${lv.tolerance ? `${lv.tolerance.abs} + ${lv.tolerance.rel}·|target|` : 'default'}`;
  if (outcomes.length === 0) {
    verdict = outOfHyp > 0 ? 'out-of-hypotheses' : 'inconclusive';
    summary = `no regime tested (${skipped} skipped)`;
  } else if (def.deviation) {
    verdict = rawFail ? (def.deviation.kind === 'not-reproduced' ? 'not-reproduced' : 'deviates') : 'mismatch';
    summary = rawFail
      ? `recorded deviation reproduces: ${failing.length}/${outcomes.length} regimes reject the printed claim at ${levelText}`
      : `recorded deviation no longer reproduces (0/${outcomes.length} regimes reject at ${levelText}): the deviation record is stale or a bug was fixed`;
  } else if (rawFail) {
    verdict = 'mismatch';
    summary = `${failing.length}/${outcomes.length} regimes reject the claim at ${levelText} (Holm across regimes)`;
  } else if (opts.path === undefined && statistical && !lv.detect) {
    verdict = 'inconclusive';
    summary = `no rejection at ${levelText}, but the check declares no deviation it must detect, so agreement has no stated power`;
  } else if (opts.path === undefined && (coverageShort.length > 0 || unconfirmed.length > 0 || lowPower.length > 0)) {
    verdict = 'inconclusive';
    summary = coverageShort.length
      ? `regions under-covered: ${coverageShort.map(([r, k]) => `${r} ${coverage[r] ?? 0}/${k}`).join(', ')}`
      : unconfirmed.length
        ? `${outcomes.length - unconfirmed.length}/${outcomes.length} regimes significantly on the predicted side at ${levelText}; ${needText(def as PropertyDef<unknown>, unconfirmed.length ? unconfirmed : lowPower, powerLevel, unconfirmed.length > 0)}`
        : `power ${minPower!.toFixed(2)} < ${POWER_TARGET} against the declared deviation at ${levelText} in ${lowPower.length}/${outcomes.length} regimes; ${needText(def as PropertyDef<unknown>, lowPower, powerLevel, false)}`;
  } else {
    verdict = 'conforms';
    summary = statistical
      ? `${outcomes.length} regimes agree at ${levelText}${def.compare === 'sign' ? ', each significantly on the predicted side' : ''}${lv.detect ? `; power ≥ ${minPower!.toFixed(2)} against ${detectText(lv.detect)}` : ' (a replayed regime: power is judged on the whole check)'}`
      : `${outcomes.length} regimes agree within the ${levelText}`;
  }
  if (skipped) summary += `; ${skipped} draws skipped (boundary band or outside hypotheses)`;
  const topped = outcomes.filter((o) => o.rec.topUp);
  if (topped.length) {
    const ds = topped.map((o) => o.rec.topUp!.draws);
    const lo = Math.min(...ds);
    const hi = Math.max(...ds);
    summary += `; ${topped.length} regime${topped.length > 1 ? 's' : ''} topped up to ${lo === hi ? lo : `${lo}–${hi}`} draws (further seeds, two-stage)`;
    const early = topped.filter((o) => o.rec.interim?.looks?.at(-1)?.stopped).length;
    if (early) summary += `, ${early} of them stopped at a look before their planned size (rejecting)`;
  }

  const stats: StatsUsed = {
    test:
      def.compare === 'equal'
        ? `two-sided one-sample t-test of the simulated mean against the prediction${def.skewCorrected ? " (Johnson's skewness-corrected t)" : ''}`
        : def.compare === 'sign'
          ? 'one-sided t-tests: the mean significantly on the predicted side confirms, on the other side rejects'
          : def.compare === 'binomial'
            ? 'exact one-sided binomial test of the failure count against the allowed failure probability'
            : `deterministic: |sim − target| ≤ ${lv.tolerance?.abs ?? 1e-12} + ${lv.tolerance?.rel ?? 1e-9}·|target|${lv.tolerance ? ` (${lv.tolerance.reason})` : ''}`,
    alpha: statistical ? lv.level : 0,
    correction: statistical ? 'holm' : 'none',
    runLevel: RUN_LEVEL,
    detect: statistical && lv.detect ? detectText(lv.detect) : undefined,
    minPower,
    power: statistical && outcomes.length ? `power against the declared deviation: ${minPower!.toFixed(2)} (worst regime; target ${POWER_TARGET}, per-regime level ${def.compare === 'sign' ? 'α_c (intersection–union)' : `α_c/${R}`})` : undefined,
  };
  return {
    checkId: def.id,
    claimId: def.claim?.id ?? def.claimId!,
    title: def.title,
    verdict,
    summary,
    records: outcomes.map((o) => o.rec),
    stats,
    seed: opts.seed,
    replay: replayCommand({ checkId: def.id, seed: opts.seed, budget: opts.budget }),
    coverage: def.region ? coverage : undefined,
    counterexample,
    deviation: def.deviation,
    effect: def.deviation && rawFail ? effectOf(failing, def.compare) : undefined,
    elapsedMs: Date.now() - t0,
  };
}

/** The worst failing regime's measured − target (for a sign: the mean) with a 95% t interval. */
function effectOf(failing: Outcome[], compare: PropertyDef<unknown>['compare']): DeviationEffect {
  const worst = failing.reduce((a, b) => (a.p <= b.p ? a : b));
  const m = worst.rec.measurement;
  const est = compare === 'sign' ? m.mean : m.mean - (worst.rec.target ?? 0);
  const df = m.draws > 1 ? m.draws - 1 : Infinity;
  const half = Number.isFinite(m.stderr) ? studentQuantile(0.975, df) * m.stderr : NaN;
  return { estimate: est, low: est - half, high: est + half, statistic: compare === 'sign' ? `measured value (predicted sign ${Math.sign(worst.rec.target ?? 1) > 0 ? '+' : '−'}) of ${worst.rec.statistic}` : `measured − (${worst.rec.statistic})`, params: worst.rec.params };
}

function fmtLevel(a: number): string {
  return a >= 0.001 ? String(Number(a.toPrecision(3))) : a.toExponential(2);
}

function detectText(d: Detect): string {
  const parts = [d.abs ? `${d.abs}` : '', d.rel ? `${d.rel * 100}% of the target` : ''].filter(Boolean);
  return `δ = ${parts.join(' or ')} (${d.reason})`;
}

/**
 * How many draws per regime would make an undecided check decisive (from the per-draw spread measured). Regimes that
 * already have the draws that power needs are told apart: more draws would not decide them — their effect is smaller
 * than δ (for a sign: on the predicted side but small, or on the wrong side without reaching the level), or their
 * pooled standard error has few degrees of freedom.
 */
function needText(def: PropertyDef<unknown>, os: Outcome[], perRegime: number, unconfirmed: boolean): string {
  const planned = os
    .map((o) => ({ o, need: o.delta && o.se! > 0 ? drawsForPower(o.delta, o.se! * Math.sqrt(o.rec.measurement.draws), perRegime, POWER_TARGET, def.compare === 'sign' ? 'one' : 'two') : Infinity }))
    .filter((x) => Number.isFinite(x.need));
  if (planned.length === 0) return 'no regime has a standard error to plan from (zero spread or one draw is not evidence)';
  const now = Math.max(...os.map((o) => o.rec.measurement.draws));
  const short = planned.filter((x) => x.need > x.o.rec.measurement.draws);
  const enough = planned.filter((x) => x.need <= x.o.rec.measurement.draws);
  // Enough draws as one sample, yet short of power: the standard error pooled from small top-up batches has fewer
  // degrees of freedom (Welch–Satterthwaite) than the draws behind it — larger first batches would help, not more of them.
  // Only for regimes short of power alone: an unconfirmed sign with the draws is undecided by its effect, not its df.
  const lowDf = unconfirmed ? [] : enough.filter((x) => x.o.df !== undefined && x.o.df < x.o.rec.measurement.draws - 1.5).map((x) => x.o);
  const lowDfText = () => `the standard error pooled from top-up batches has only ${Math.min(...lowDf.map((o) => o.df!)).toFixed(1)} degrees of freedom for ${now} draws (Welch–Satterthwaite over batches of ${lowDf[0]!.rec.topUp?.firstDraws ?? '?'}): larger batches, not more draws, would give the power`;
  // Unconfirmed signs that already have the power: more draws would not help — the effect there is smaller than δ.
  const sign = (o: Outcome) => Math.sign(o.rec.target ?? 1) || 1;
  const wrongSide = enough.filter((x) => def.compare === 'sign' && x.o.rec.measurement.mean * sign(x.o) < 0).length;
  const smallText = (n: number, all: boolean) =>
    `${all ? 'those regimes' : `${n} other regime${n > 1 ? 's' : ''}`} already ha${n > 1 || all ? 've' : 's'} the draws for power ≥ ${POWER_TARGET} against the declared deviation yet ${n > 1 || all ? 'are' : 'is'} not significant: the effect there is likely smaller than the declared deviation${wrongSide ? ` (${wrongSide} of them on the wrong side, short of the level)` : ''}, not a lack of draws`;
  if (short.length === 0) return lowDf.length ? lowDfText() : smallText(enough.length, true);
  const neediest = short.reduce((a, b) => (b.need > a.need ? b : a));
  // The neediest regime's own draws, not the largest of any regime (a regime topped up to 680 draws beside one needing 582
  // read as if 582 were already exceeded).
  const more = `about ${neediest.need} draws per regime (the neediest has ${neediest.o.rec.measurement.draws}) would give power ${POWER_TARGET} against the declared deviation`;
  return enough.length ? `${more}; ${lowDf.length ? lowDfText() : smallText(enough.length, false)}` : more;
}

export { estimate };
