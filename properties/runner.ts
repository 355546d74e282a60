import fc from 'fast-check';
import type { Claim, Prediction } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { Params } from '../core/params.ts';
import type { Budget, CheckOptions, CheckResult, CheckSpec, Counterexample, KnownDeviation, RegimeRecord, Verdict } from './check.ts';
import { replayCommand, type ReplayTarget } from './replay.ts';
import { binomialUpperP, closeTo, compareMean, holmAdjust, studentTwoSidedP } from '../core/stats/index.ts';
import { estimate, type Estimate } from '../core/measurement.ts';

/**
 * The shared property runner. A property draws parameter regimes with fast-check inside a claim's
 * hypotheses, measures each by simulation and compares with the prediction:
 *  - 'equal': two-sided t-test of E[sim] = target (tolerance = stderr × t-quantile);
 *  - 'sign':  one-sided t-test that the mean does not have the opposite sign of the prediction;
 *  - 'close': deterministic |sim − target| ≤ abs + rel·|target| (GD end points, identities);
 *  - 'binomial': for "with probability ≥ 1 − q" statements: the measurement's mean is the fraction of
 *    replicates where the statement failed, the target is q, and the exact binomial P(X ≥ failures) is the p-value.
 * p-values are Holm-corrected across the runs so that the whole check has false-failure rate α.
 * On failure the worst regime is shrunk by fast-check from its path to a smallest counterexample.
 */
export type Evaluation =
  | { prediction: Prediction; target: number; statistic: string; note?: string }
  | { skip: string; outOfHypotheses?: boolean };

export interface PropertyDef<T> {
  id: string;
  /** Former ids (kept so old replay tokens resolve). */
  aliases?: readonly string[];
  /** The claim tested (preferred), or its id (legacy). */
  claim?: Claim;
  claimId?: string;
  /** The simulations measured (objects). */
  simulations?: readonly SimSpec[];
  title: string;
  /** Must include everything the simulation depends on (including its seed) so a value replays. */
  arbitrary: fc.Arbitrary<T>;
  runs: Record<Budget, number>;
  /** Family-wise false-failure rate of the check. */
  alpha: number;
  compare: 'equal' | 'sign' | 'close' | 'binomial';
  /** For 'close'. */
  tolerance?: { rel: number; abs: number };
  /** Absolute numerical floor added to the standard error in 'equal' (stated in the record). */
  floor?: number;
  /** 'equal' only: Johnson's skewness-corrected t instead of Student's t (for heavy right-skewed draws). */
  skewCorrected?: boolean;
  /** A deviation from target this small matters; if the median minimum detectable deviation exceeds it, the check is inconclusive. */
  relevant?: number;
  params(t: T): Params;
  region?(t: T): string;
  /** Regions of a phase diagram that must be hit by at least this many tested draws. */
  requiredCoverage?: Record<string, number>;
  /** The prediction for one drawn regime; the budget is passed explicitly (never read from module state). */
  evaluate(t: T, budget: Budget): Evaluation;
  measure(t: T, budget: Budget): Promise<Estimate & { note?: string }> | (Estimate & { note?: string });
  deviation?: KnownDeviation;
  /** Milliseconds allowed for shrinking a counterexample; 0 keeps the worst regime as it is (e.g. a fixed printed setting). */
  shrinkMs?: Record<Budget, number>;
}

interface Outcome {
  rec: RegimeRecord;
  p: number;
}

export function defineProperty<T>(def: PropertyDef<T>): CheckSpec {
  const claimId = def.claim?.id ?? def.claimId;
  if (!claimId) throw new TypeError(`check ${def.id}: no claim`);
  return {
    id: def.id,
    aliases: def.aliases,
    claim: def.claim,
    claimId,
    simulations: def.simulations,
    title: def.title,
    runs: def.runs,
    deviation: def.deviation,
    run: (opts) => runProperty(def, opts),
  };
}

/** The public name of `defineProperty`: a check of one claim against its simulations. */
export const defineCheck = defineProperty;

async function evaluateOne<T>(def: PropertyDef<T>, value: T, index: number, opts: CheckOptions): Promise<Outcome | { skipped: string; outOfHypotheses: boolean; region?: string }> {
  const ev = def.evaluate(value, opts.budget);
  if ('skip' in ev) return { skipped: ev.skip, outOfHypotheses: ev.outOfHypotheses ?? false, region: def.region?.(value) };
  const m = await def.measure(value, opts.budget);
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
  };
  if (def.compare === 'close') {
    const tol = def.tolerance ?? { rel: 1e-9, abs: 1e-12 };
    const c = closeTo(m.mean, ev.target, tol.rel, tol.abs);
    return { rec: { ...base, tolerance: tol, ok: c.ok }, p: c.ok ? 1 : 0 };
  }
  if (def.compare === 'binomial') {
    const failures = Math.round(m.mean * m.draws);
    const p = binomialUpperP(failures, m.draws, ev.target);
    return { rec: { ...base, pValue: p, ok: true }, p };
  }
  if (def.compare === 'sign') {
    const sign = Math.sign(ev.target);
    const t = (m.mean - 0) / Math.max(m.stderr, Number.MIN_VALUE);
    // One-sided: evidence that the mean lies on the other side of zero from the predicted sign.
    const twoSided = studentTwoSidedP(t, Math.max(1, m.draws - 1));
    const p = sign * t < 0 ? twoSided / 2 : 1 - twoSided / 2;
    const cmp = compareMean(m, 0, def.alpha);
    return { rec: { ...base, pValue: p, minDetectable: cmp.minDetectable, ok: true }, p };
  }
  const cmp = compareMean(m, ev.target, def.alpha, { floor: def.floor, skewCorrected: def.skewCorrected });
  return { rec: { ...base, pValue: cmp.pValue, minDetectable: cmp.minDetectable, ok: true }, p: cmp.pValue };
}

export async function runProperty<T>(def: PropertyDef<T>, opts: CheckOptions): Promise<CheckResult> {
  const t0 = Date.now();
  const runs = opts.runs ?? def.runs[opts.budget];
  const values = fc.sample(def.arbitrary, { seed: opts.seed, numRuns: runs });
  const indices = opts.path !== undefined ? [Number(opts.path.split(':')[0])] : values.map((_, i) => i);
  const outcomes: Outcome[] = [];
  const coverage: Record<string, number> = {};
  let skipped = 0;
  let outOfHyp = 0;
  for (const i of indices) {
    const v = opts.path !== undefined ? replayValue(def, opts, runs) : values[i]!;
    const o = await evaluateOne(def, v, i, opts);
    if ('skipped' in o) {
      skipped++;
      if (o.outOfHypotheses) outOfHyp++;
      continue;
    }
    if (def.region) coverage[def.region(v)] = (coverage[def.region(v)] ?? 0) + 1;
    outcomes.push(o);
  }
  // Holm across runs (a replayed single run is judged at the Bonferroni level of the full check).
  const m = opts.path !== undefined ? runs : outcomes.length;
  const adjusted = opts.path !== undefined ? outcomes.map((o) => Math.min(1, o.p * m)) : holmAdjust(outcomes.map((o) => o.p));
  outcomes.forEach((o, k) => {
    o.rec.adjustedP = def.compare === 'close' ? undefined : adjusted[k];
    if (def.compare !== 'close') o.rec.ok = adjusted[k]! > def.alpha;
  });
  const failing = outcomes.filter((o) => !o.rec.ok);
  const rawFail = failing.length > 0;

  let counterexample: Counterexample | undefined;
  if (rawFail && opts.path === undefined) counterexample = await shrink(def, opts, outcomes, failing, runs);

  const coverageShort = Object.entries(def.requiredCoverage ?? {}).filter(([r, k]) => (coverage[r] ?? 0) < k);
  const mdes = outcomes.map((o) => o.rec.minDetectable).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  const medianMde = mdes.length ? mdes[Math.floor(mdes.length / 2)]! : undefined;
  const underpowered = def.relevant !== undefined && medianMde !== undefined && medianMde > def.relevant;

  let verdict: Verdict;
  let summary: string;
  if (outcomes.length === 0) {
    verdict = outOfHyp > 0 ? 'out-of-hypotheses' : 'inconclusive';
    summary = `no regime tested (${skipped} skipped)`;
  } else if (def.deviation) {
    verdict = rawFail ? 'deviates' : 'mismatch';
    summary = rawFail
      ? `recorded deviation reproduces: ${failing.length}/${outcomes.length} regimes reject the printed claim`
      : `recorded deviation no longer reproduces (0/${outcomes.length} regimes reject): the deviation record is stale or a bug was fixed`;
  } else if (rawFail) {
    verdict = 'mismatch';
    summary = `${failing.length}/${outcomes.length} regimes reject the claim at family-wise α = ${def.alpha}`;
  } else if (opts.path === undefined && (coverageShort.length > 0 || underpowered)) {
    verdict = 'inconclusive';
    summary = coverageShort.length
      ? `regions under-covered: ${coverageShort.map(([r, k]) => `${r} ${coverage[r] ?? 0}/${k}`).join(', ')}`
      : `median minimum detectable deviation ${medianMde!.toPrecision(3)} exceeds the relevant size ${def.relevant}`;
  } else {
    verdict = 'conforms';
    summary = `${outcomes.length} regimes agree at family-wise α = ${def.alpha}`;
  }
  if (skipped) summary += `; ${skipped} draws skipped (boundary band or outside hypotheses)`;

  const stats = {
    test:
      def.compare === 'equal'
        ? `two-sided one-sample t-test of the simulated mean against the prediction${def.skewCorrected ? " (Johnson's skewness-corrected t)" : ''}`
        : def.compare === 'sign'
          ? 'one-sided t-test against the predicted sign'
          : def.compare === 'binomial'
            ? 'exact one-sided binomial test of the failure count against the allowed failure probability'
          : `deterministic: |sim − pred| ≤ ${def.tolerance?.abs ?? 1e-12} + ${def.tolerance?.rel ?? 1e-9}·|pred|`,
    alpha: def.alpha,
    correction: (def.compare === 'close' ? 'none' : 'holm') as 'holm' | 'none',
    power: mdes.length ? `80% power against deviations ≥ ${mdes[0]!.toPrecision(2)} … ${mdes[mdes.length - 1]!.toPrecision(2)} (per regime, unadjusted α)` : undefined,
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
    elapsedMs: Date.now() - t0,
  };
}

function replayValue<T>(def: PropertyDef<T>, opts: CheckOptions, runs: number): T {
  const [head, ...rest] = opts.path!.split(':');
  const idx = Number(head);
  if (!Number.isInteger(idx) || idx < 0) throw new RangeError(`bad path ${opts.path}`);
  if (rest.length === 0) return fc.sample(def.arbitrary, { seed: opts.seed, numRuns: Math.max(runs, idx + 1) })[idx]!;
  // A shrunk path: let fast-check walk it and hand back the value at its end.
  let found: T | undefined;
  fc.check(
    fc.property(def.arbitrary, (v) => {
      found = v;
      return false;
    }),
    { seed: opts.seed, path: opts.path, numRuns: Math.max(runs, idx + 1), endOnFailure: true },
  );
  return found!;
}

const SHRINK_EVALS: Record<Budget, number> = { test: 60, quick: 150, full: 400 };

async function shrink<T>(def: PropertyDef<T>, opts: CheckOptions, all: Outcome[], failing: Outcome[], runs: number): Promise<Counterexample> {
  const worst = failing.reduce((a, b) => (a.p <= b.p ? a : b));
  // Bonferroni over the configured runs — the same level a replay of one path is judged at — so a
  // shrunk counterexample replays as a failure.
  const level = def.alpha / Math.max(1, runs, all.length);
  const limit = (def.shrinkMs ?? { test: 5_000, quick: 30_000, full: 120_000 })[opts.budget];
  const maxEvals = limit > 0 ? SHRINK_EVALS[opts.budget] : 0;
  // Shrinking also stops after a fixed number of evaluations, so that on a machine fast enough not to
  // hit the time limit the counterexample does not depend on the machine's speed (reports must be
  // byte-identical for the same seed): later candidates are treated as passing.
  let evals = 0;
  const fails = async (v: T): Promise<boolean> => {
    if (++evals > maxEvals) return false;
    const o = await evaluateOne(def, v, 0, opts);
    if ('skipped' in o) return false;
    return def.compare === 'close' ? !o.rec.ok : o.p <= level;
  };
  let best: { params: Params; path: string } = { params: worst.rec.params, path: worst.rec.path };
  let shrunk = false;
  const r = maxEvals === 0 ? undefined : await fc.check(
    fc.asyncProperty(def.arbitrary, async (v) => !(await fails(v))),
    { seed: opts.seed, path: worst.rec.path, numRuns: runs, interruptAfterTimeLimit: limit, markInterruptAsFailure: false },
  );
  if (r?.failed && r.counterexample && r.counterexamplePath) {
    best = { params: def.params(r.counterexample[0] as T), path: r.counterexamplePath };
    shrunk = r.counterexamplePath !== worst.rec.path;
  }
  const target: ReplayTarget = { checkId: def.id, seed: opts.seed, path: best.path, budget: opts.budget };
  return {
    params: best.params,
    path: best.path,
    seed: opts.seed,
    replay: replayCommand(target),
    shrunk,
    evidence: `worst regime p = ${worst.p.toExponential(2)} (sim ${worst.rec.measurement.mean.toPrecision(5)} ± ${worst.rec.measurement.stderr.toPrecision(2)} vs ${worst.rec.statistic}); shrunk case rejected at Bonferroni level ${level.toExponential(2)}`,
  };
}

export { estimate };
