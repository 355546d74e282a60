/**
 * transfer-theory-checker: the public API. One claims registry feeds this API, the CLI and the report.
 */
import type { Claim, PaperId, Prediction, Regime } from './theory/claim.ts';
import { describeDomain as describeDomainOf, type Params } from './core/params.ts';
import { allClaims, claimParams, getClaim } from './papers/registry.ts';
import { runSim } from './papers/registry.ts';
import type { Measurement, SimOptions } from './sim/sim.ts';
import type { Budget, CheckResult } from './properties/check.ts';
import { checksFor } from './papers/registry.ts';
import { gateSeed } from './properties/seeds.ts';
import { defineClaim as defineClaimImpl } from './theory/claim.ts';
import { defineSimulation as defineSimulationImpl } from './sim/sim.ts';
import { defineCheck as defineCheckImpl, type PropertyDef as CheckDefinition } from './properties/runner.ts';
import { definePaper as definePaperImpl } from './papers/define.ts';
import type { CheckSpec } from './properties/check.ts';

/**
 * The types of the model: a claim, its prediction and regime, a simulation's measurement, a check's
 * result and the budgets ('test' for the gate, 'quick', 'full').
 */
export type { Claim, PaperId, Prediction, Regime, Measurement, CheckResult, Budget };
/** Bad input from a user (an unknown id, a value outside its domain): the CLI prints its one line and exits 2. */
export { InputError } from './core/params.ts';

// ─── The authoring API ──────────────────────────────────────────────────────────────────────────────
// What the built-in papers are written with, and what a user's paper uses (docs/guide.md walks through one).

/**
 * A claim: a printed statement as a typed object — its parameters with domains (`params`), its hypotheses
 * as predicates on the parameters, its regime (exact at finite size, asymptotic with its limit and
 * finite-size form, or a bound with unknown constants) and `predict(p)`, the prediction at one point.
 * Returned unchanged after its shape is checked, so a typo fails when the module loads.
 * @example
 * export const olsRisk = defineClaim({
 *   id: 'ols.risk', paper: 'ols', title: 'Expected excess risk of OLS',
 *   source: { paper: 'ols', ref: 'classical', statement: 'E‖β̂ − β‖² = σ²d/(n − d − 1)', provenance: 'printed' },
 *   params: [{ name: 'n', symbol: 'n', description: 'samples', domain: { min: 1, integer: true } }, …],
 *   hypotheses: [{ id: 'n>d+1', text: 'n > d + 1', holds: (p) => p.n > p.d + 1 }],
 *   regime: { kind: 'exact' },
 *   predict: (p) => ({ quantity: 'E‖β̂ − β‖²', kind: 'value', value: (p.sigma ** 2 * p.d) / (p.n - p.d - 1) }),
 * });
 */
export const defineClaim: typeof defineClaimImpl = defineClaimImpl;
export type { Hypothesis, Source } from './theory/claim.ts';

/**
 * A simulation: seeded stream in, measurement out. `run(params, { seed, draws })` draws `draws` independent
 * replicates (one `Stream.replicates(seed, draws)` stream each) and returns `measurement({ values, … })`:
 * mean, standard error and draws are computed there. It must depend on nothing but its parameters and seed,
 * so every verdict replays.
 */
export const defineSimulation: typeof defineSimulationImpl = defineSimulationImpl;
export type { SimSpec, SimOptions } from './sim/sim.ts';

/**
 * A check: draws parameter regimes (`arbitrary`, with the simulation seed inside each value), asks the
 * claim for its prediction (`evaluate` → `{ prediction, target, statistic }`, or `{ skip, outOfHypotheses }`
 * outside the hypotheses), measures by simulation (`measure` → `estimate(values)`), and compares:
 * - `compare: 'equal'` — E[sim] = target, two-sided t-test; `conforms` only with power ≥ 0.8 against the
 *   declared deviation `detect: { rel?, abs?, reason }` (δ = max(abs, rel·|target|)) in every regime;
 * - `'sign'` — the mean is significantly on the predicted side (sign of target), with power against an
 *   effect `detect.abs` on that side; significantly on the other side is a mismatch;
 * - `'close'` — deterministic |sim − target| ≤ abs + rel·|target|, `tolerance: { abs, rel, reason }`;
 * - `'binomial'` — "with probability ≥ 1 − q": the measurement is the failure fraction, target q; exact
 *   binomial test, power against q + δ.
 * `level` is the check's share α_c of your run's false-failure rate (Holm across its regimes); without it
 * DEFAULT_CHECK_LEVEL. A check that cannot reach the power is `inconclusive` and says how many draws would
 * decide it. `deviation: deviates({…})` / `notReproduced({…})` records a known failure (asserted to persist).
 * Ids: `'<claim id>/<check name>'`.
 */
export const defineCheck: <T>(def: CheckDefinition<T>) => CheckSpec = defineCheckImpl;
export type { Evaluation as CheckEvaluation, PropertyDef as CheckDefinition } from './properties/runner.ts';
export type { Detect, Tolerance } from './core/levels.ts';

/**
 * A paper: its claims, simulations and checks (objects). Proves the links when the module loads: every
 * check's claim and simulations are the paper's own, every claim has a check, ids are unique. A module's
 * `export default definePaper({…})` is what ttc.config.* (`papers: ['./papers/x/paper.js']`) and
 * `ttc --paper-module` load.
 */
export const definePaper: typeof definePaperImpl = definePaperImpl;
export type { Paper, PaperSource } from './papers/define.ts';

/**
 * Comparison shapes built on defineCheck: `defineLimitCheck` (an exact finite-size form extrapolated to the
 * printed limit, deterministic) and `defineMonotoneCheck` (a simulated quantity monotone in a printed
 * statistic, paired 'sign' test with power). Records: `deviates({…})` (an error of the paper) and
 * `notReproduced({…, assumptions})` (does not come out under your reading of unprinted settings).
 */
export { defineLimitCheck, defineMonotoneCheck, deviates, notReproduced, type LimitCheckDef, type MonotoneCheckDef, type DeviationRecord } from './papers/define.ts';

/**
 * Registering papers without the CLI: `registerPapers([paper])`, `loadPaperModule(path)`, `loadConfig(dir)`
 * (what `ttc` does with ttc.config.*), `useBuiltinPapers(false)`; `allPapers()` lists what is registered.
 */
export { registerPapers, loadPaperModule, loadConfig, useBuiltinPapers, allPapers, CONFIG_FILES, type TtcConfig } from './papers/registry.ts';

/**
 * Measurements: `measurement({ simId, quantity, values, seed, params })` in a simulation (mean, standard error
 * and draws from the per-replicate values), `estimate(values, note?)` in a check's `measure`, `summary(values)`
 * for a paired extra quantity.
 */
export { measurement, summary, estimate, type Estimate } from './core/measurement.ts';

/** Parameters: specs with domains (`ParamSpec`), cross-parameter `Constraint`s, `InputError` for bad input. */
export { P, describeDomain, type Domain, type ParamSpec, type Params, type Constraint } from './core/params.ts';

/** Seeded random streams: `Stream.replicates(seed, k)` gives k independent streams; `.normal()`, `.uniform()`. */
export { Stream } from './core/rng/stream.ts';

/**
 * Regime arbitraries on readable grids (they shrink toward the low end and print as short decimals):
 * `real(min, max, steps?)`, `int(min, max)`, `angle(lo?, hi?)`, `simSeed` (a simulation seed carried in the
 * drawn value, so a value alone replays), and `regime({ … })` to combine them; `fc` is fast-check itself.
 * `stratify(a, b, …)`: run i of a check draws from the i mod K-th arbitrary, so each region of a phase diagram
 * gets its share of regimes at every seed (not a coin per regime).
 */
export { real, angle, int, simSeed } from './properties/arbitraries.ts';
export { regime, stratify } from './papers/define.ts';
export { default as fc } from 'fast-check';

/** Richardson extrapolation of a quantity with a leading c·h^p error (a 1/n finite-size term, a step size). */
export { richardson, richardsonValues } from './core/richardson.ts';

/** The run's false-failure rate, the power target and the level of a check not given one. */
export { RUN_LEVEL, POWER_TARGET, DEFAULT_CHECK_LEVEL } from './core/levels.ts';

/** Check results: verdicts (`conforms`, `deviates`, `not-reproduced`, `mismatch`, `inconclusive`, `out-of-hypotheses`) and records. */
export type { CheckSpec, KnownDeviation, Verdict, RegimeRecord, DeviationEffect } from './properties/check.ts';

/** The gate seed (20261122; TTC_SEED overrides): the seed `ttc check` and `describePaper` use by default. */
export { gateSeed } from './properties/seeds.ts';

/** A registered claim as plain JSON (what `ttc list --json` prints). */
export interface ClaimInfo {
  id: string;
  paper: PaperId;
  title: string;
  source: Claim['source'];
  regime: Regime;
  parameters: { name: string; symbol: string; description: string; domain: string; default?: number; optional?: boolean }[];
  hypotheses: { id: string; text: string }[];
  simulations: readonly string[];
  checks: string[];
}

/** A claim as plain JSON: source, regime, parameters with domains, hypotheses, its simulations and checks. */
export function describeClaim(c: Claim): ClaimInfo {
  return {
    id: c.id,
    paper: c.paper,
    title: c.title,
    source: c.source,
    regime: c.regime,
    parameters: c.params.map((p) => ({ name: p.name, symbol: p.symbol, description: p.description, domain: describeDomainOf(p.domain), default: p.default, optional: p.optional })),
    hypotheses: c.hypotheses.map((h) => ({ id: h.id, text: h.text })),
    simulations: [...new Set([...checksFor(c.id).flatMap((k) => (k.simulations ?? []).map((s) => s.id)), ...(c.simulations ?? [])])],
    checks: checksFor(c.id).map((k) => k.id),
  };
}

/** Every registered claim, as plain JSON. */
export function listClaims(paper?: PaperId): ClaimInfo[] {
  return allClaims()
    .filter((c) => !paper || c.paper === paper)
    .map(describeClaim);
}

/** A claim's prediction at one parameter point, with which hypotheses hold there (`ttc eval`). */
export interface Evaluation {
  claim: string;
  regime: Regime;
  params: Params;
  hypotheses: { id: string; text: string; holds: boolean }[];
  prediction: Prediction;
}

/** The claim's prediction at one parameter point (validated: bad input throws InputError). */
export function evaluate(claimId: string, params: Record<string, number | undefined>): Evaluation {
  const c = getClaim(claimId);
  const p = claimParams(c, params);
  return {
    claim: c.id,
    regime: c.regime,
    params: p,
    hypotheses: c.hypotheses.map((h) => ({ id: h.id, text: h.text, holds: h.holds(p) })),
    prediction: c.predict(p),
  };
}

/** Runs a simulation: `{ mean, stderr, draws, values, ... }`. */
export function simulate(simId: string, params: Record<string, number | undefined>, opts: Partial<SimOptions> = {}): Promise<Measurement> {
  return runSim(simId, params, opts);
}

/** Options of `check()`: seed (default the gate seed), budget (default 'test'), regimes per check. */
export interface CheckOptionsPublic {
  seed?: number;
  budget?: Budget;
  runs?: number;
}

/** Runs every property registered for a claim; each returns a verdict with its evidence. */
export async function check(claimId: string, options: CheckOptionsPublic = {}): Promise<CheckResult[]> {
  getClaim(claimId);
  const out: CheckResult[] = [];
  for (const spec of checksFor(claimId)) out.push(await spec.run({ seed: options.seed ?? gateSeed(), budget: options.budget ?? 'test', runs: options.runs }));
  return out;
}
