import fc from 'fast-check';
import type { Claim, PaperId, Prediction } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { Budget, CheckSpec, KnownDeviation } from '../properties/check.ts';
import type { PaperFigures } from '../reports/figures/types.ts';
import type { Params } from '../core/params.ts';
import type { Detect, Tolerance } from '../core/levels.ts';
import { defineCheck, estimate } from '../properties/runner.ts';
import { richardson } from '../core/richardson.ts';

/** Where a paper comes from: what a reviewer needs to find it. */
export interface PaperSource {
  authors: string;
  /** Title as printed. */
  title: string;
  /** Venue, year, arXiv id or DOI; free text. */
  reference?: string;
}

/** A paper: its claims, the simulations that measure them, the checks that compare the two, its figures. */
export interface Paper {
  id: PaperId;
  title: string;
  source: PaperSource;
  claims: readonly Claim[];
  simulations: readonly SimSpec[];
  checks: readonly CheckSpec[];
  figures?: PaperFigures;
}

/**
 * Assembles a paper and proves its links: every check's claim is one of the paper's claims (the same
 * object), every simulation a check measures is one of the paper's simulations, every claim has a check,
 * ids are unique, and claims and simulations carry the paper's id. A broken link fails when the module
 * loads, with the name of what is missing.
 */
export function definePaper(p: Paper): Paper {
  const where = `definePaper(${p.id})`;
  const claimIds = new Set<string>();
  for (const c of p.claims) {
    if (c.paper !== p.id) throw new TypeError(`${where}: claim ${c.id} belongs to paper '${c.paper}'`);
    if (claimIds.has(c.id)) throw new TypeError(`${where}: claim id ${c.id} listed twice`);
    claimIds.add(c.id);
  }
  const simIds = new Set<string>();
  for (const s of p.simulations) {
    if (simIds.has(s.id)) throw new TypeError(`${where}: simulation id ${s.id} listed twice`);
    simIds.add(s.id);
  }
  const checkIds = new Set<string>();
  for (const k of p.checks) {
    for (const id of [k.id, ...(k.aliases ?? [])]) {
      if (checkIds.has(id)) throw new TypeError(`${where}: check id ${id} listed twice`);
      checkIds.add(id);
    }
    const claim = k.claim ?? p.claims.find((c) => c.id === k.claimId);
    if (!claim || !p.claims.includes(claim)) throw new TypeError(`${where}: check ${k.id} tests claim ${k.claim?.id ?? k.claimId}, which is not one of this paper's claims`);
    for (const s of k.simulations ?? []) {
      if (!p.simulations.includes(s)) throw new TypeError(`${where}: check ${k.id} measures simulation ${s.id}, which is not one of this paper's simulations`);
    }
  }
  for (const c of p.claims) {
    if (!p.checks.some((k) => (k.claim ?? p.claims.find((x) => x.id === k.claimId)) === c)) throw new TypeError(`${where}: claim ${c.id} has no check`);
  }
  if (p.figures && p.figures.paper !== p.id) throw new TypeError(`${where}: figures belong to paper '${p.figures.paper}'`);
  return p;
}

// ─── Records of what a check found ──────────────────────────────────────────────────────────────────

/** The fields every deviation record carries (see KnownDeviation). */
export type DeviationRecord = Omit<KnownDeviation, 'kind'>;

/**
 * A recorded error of the paper (`deviates`): the printed statement fails under its own hypotheses, shown by
 * evidence that uses no formula you derived for the same quantity. Put it on the check
 * (`defineCheck({ …, deviation: deviates({ … }) })`): the check is then asserted to keep failing, and reports
 * `deviates`; if it stops failing the verdict is `mismatch` (the record is stale, or the bug was fixed).
 */
export function deviates(record: DeviationRecord): KnownDeviation {
  return { ...record, kind: 'deviates' };
}

/**
 * A result that does not come out under your reading of settings the paper does not print (`not-reproduced`):
 * never called the paper's error. Name each assumption in `assumptions`.
 */
export function notReproduced(record: DeviationRecord & { assumptions: readonly string[] }): KnownDeviation {
  if (record.assumptions.length === 0) throw new TypeError(`notReproduced(${record.title}): name at least one assumption about an unprinted setting`);
  return { ...record, kind: 'not-reproduced' };
}

// ─── Two comparison shapes built on defineCheck ─────────────────────────────────────────────────────

/** The hypotheses of `claim` that fail at `p` (their ids), or an empty list. */
function failedHypotheses(claim: Claim, p: Params): string[] {
  return claim.hypotheses.filter((h) => !h.holds(p)).map((h) => h.id);
}

/**
 * A check that an exact finite-size form tends to the printed limit: `claim.predict(p)` returns the printed
 * limit as `value` and, when the size parameter is given, the finite-size form as `finiteSize.value`. The
 * finite-size form is evaluated at sizes N and 2N and extrapolated (Richardson, with the gap's stated order
 * `rate`: gap = c·size^(−rate) + smaller terms); the extrapolated limit is compared with the printed value
 * within a stated tolerance (deterministic: a 'close' comparison, no level). A typo in the printed limit
 * leaves a gap that does not vanish and fails; a finite-size form checked against simulation elsewhere (an
 * 'equal' check) then carries the printed statement to the simulation.
 */
export interface LimitCheckDef<T> {
  id: string;
  aliases?: readonly string[];
  claim: Claim;
  title: string;
  /** The regimes (everything but the size). */
  arbitrary: fc.Arbitrary<T>;
  /** The claim's parameters at a regime, without the size. */
  params(t: T): Params;
  /** The name of the size parameter (e.g. 'n' or 'd'). */
  size: string;
  /** The size N at which the gap is extrapolated (2N is used too); large enough that higher-order terms are below the tolerance. */
  at: number | ((t: T) => number);
  /** Order of the finite-size gap (1 for a 1/n term). */
  rate: number;
  tolerance: Tolerance;
  runs: Record<Budget, number>;
}

export function defineLimitCheck<T>(def: LimitCheckDef<T>): CheckSpec {
  const { claim } = def;
  const sizeAt = (t: T) => (typeof def.at === 'function' ? def.at(t) : def.at);
  const finite = (p: Params, size: number): number => {
    const v = claim.predict({ ...p, [def.size]: size }).finiteSize?.value;
    if (v === undefined) throw new TypeError(`${def.id}: ${claim.id}.predict() returns no finiteSize.value when ${def.size} is given`);
    return v;
  };
  return defineCheck<T>({
    id: def.id,
    aliases: def.aliases,
    claim,
    title: def.title,
    arbitrary: def.arbitrary,
    runs: def.runs,
    compare: 'close',
    tolerance: def.tolerance,
    shrinkMs: { test: 0, quick: 0, full: 0 },
    params: (t) => ({ ...def.params(t), [def.size]: sizeAt(t) }),
    evaluate(t) {
      const p = def.params(t);
      const out = failedHypotheses(claim, p);
      if (out.length) return { skip: `outside hypotheses ${out.join(', ')}`, outOfHypotheses: true };
      const prediction = claim.predict(p);
      if (prediction.value === undefined) throw new TypeError(`${def.id}: ${claim.id}.predict() returns no value (the printed limit)`);
      return { prediction, target: prediction.value, statistic: `printed limit ${prediction.quantity} vs the finite-size form at ${def.size} = ${sizeAt(t)}, ${2 * sizeAt(t)}, extrapolated with a gap of order ${def.size}^−${def.rate}` };
    },
    measure(t) {
      const p = def.params(t);
      const N = sizeAt(t);
      const a = finite(p, N);
      const b = finite(p, 2 * N);
      const limit = richardson(a, b, def.rate);
      return { mean: limit, stderr: 0, draws: 1, note: `finite-size form ${a.toPrecision(6)} at ${def.size} = ${N}, ${b.toPrecision(6)} at ${2 * N}; extrapolated ${limit.toPrecision(6)}` };
    },
  });
}

/**
 * A check that a simulated quantity is monotone in a statistic the claim prints (a bound with unknown
 * constants fixes at least this order: error decreasing in n‖μ‖⁴/(σ⁴d), say). Each drawn value gives two
 * parameter points a, b; the claim's prediction at each gives the statistic (`statistic(prediction)`,
 * default its `value`), and the check confirms that E[Q(b) − Q(a)] has the sign the direction predicts —
 * significantly, with power against the declared effect `detect` (a 'sign' comparison). The two points are
 * simulated with the same seed (common random numbers), so the difference is paired.
 */
export interface MonotoneCheckDef<T> {
  id: string;
  aliases?: readonly string[];
  claim: Claim;
  simulation: SimSpec;
  title: string;
  /** Regimes; each must carry its simulation seed (so a value replays). */
  arbitrary: fc.Arbitrary<T>;
  /** The two parameter points compared (the claim's parameters). */
  pair(t: T): [Params, Params];
  seed(t: T): number;
  /** The printed statistic, from the claim's prediction (default: prediction.value). */
  statistic?(prediction: Prediction): number;
  /** How the simulated quantity moves as the statistic grows. */
  direction: 'increasing' | 'decreasing';
  /** The simulation's parameters at a claim point (default: the same). */
  simParams?(p: Params): Params;
  /** Independent draws per point and budget. */
  draws: Record<Budget, number>;
  /** The smallest effect on the predicted side that matters, with its reason. */
  detect: Detect;
  /** This check's share of your run's false-failure rate (default DEFAULT_CHECK_LEVEL). */
  level?: number;
  runs: Record<Budget, number>;
}

export function defineMonotoneCheck<T>(def: MonotoneCheckDef<T>): CheckSpec {
  const { claim } = def;
  const stat = (p: Params) => (def.statistic ?? ((pr: Prediction) => pr.value!))(claim.predict(p));
  return defineCheck<T>({
    id: def.id,
    aliases: def.aliases,
    claim,
    simulations: [def.simulation],
    title: def.title,
    arbitrary: def.arbitrary,
    runs: def.runs,
    compare: 'sign',
    detect: def.detect,
    level: def.level,
    params: (t) => {
      const [a, b] = def.pair(t);
      return { ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`${k}_a`, v])), ...Object.fromEntries(Object.entries(b).map(([k, v]) => [`${k}_b`, v])), seed: def.seed(t) };
    },
    evaluate(t) {
      const [a, b] = def.pair(t);
      const out = [...failedHypotheses(claim, a), ...failedHypotheses(claim, b)];
      if (out.length) return { skip: `outside hypotheses ${[...new Set(out)].join(', ')}`, outOfHypotheses: true };
      const sa = stat(a);
      const sb = stat(b);
      if (!(sa !== sb)) return { skip: 'the two points have the same statistic' };
      const sign = (Math.sign(sb - sa) * (def.direction === 'increasing' ? 1 : -1)) as -1 | 1;
      const prediction: Prediction = { quantity: `sign of E[Q(b) − Q(a)], ${def.simulation.quantity}`, kind: 'monotone', sign, details: { statisticA: sa, statisticB: sb } };
      return { prediction, target: sign, statistic: `paired difference Q(b) − Q(a), statistic ${sa.toPrecision(4)} → ${sb.toPrecision(4)}, predicted ${sign > 0 ? '> 0' : '< 0'}` };
    },
    async measure(t, budget) {
      const [a, b] = def.pair(t);
      const toSim = def.simParams ?? ((p: Params) => p);
      const opts = { seed: def.seed(t), draws: def.draws[budget] };
      const ma = await def.simulation.run(toSim(a), opts);
      const mb = await def.simulation.run(toSim(b), opts);
      return estimate(mb.values.map((v, i) => v - ma.values[i]!), `Q(a) = ${ma.mean.toPrecision(4)}, Q(b) = ${mb.mean.toPrecision(4)}`);
    },
  });
}

/** A regime: a record of parameter arbitraries (fast-check's `record`), e.g. `regime({ d: int(2, 12), seed: simSeed })`. */
export function regime<R extends Record<string, fc.Arbitrary<unknown>>>(shape: R): fc.Arbitrary<{ [K in keyof R]: R[K] extends fc.Arbitrary<infer U> ? U : never }> {
  return fc.record(shape) as fc.Arbitrary<{ [K in keyof R]: R[K] extends fc.Arbitrary<infer U> ? U : never }>;
}
