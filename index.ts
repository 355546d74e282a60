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

export type { Claim, PaperId, Prediction, Regime, Measurement, CheckResult, Budget };
export { InputError } from './core/params.ts';

// The authoring API: what the built-in papers are written with, and what a user's paper uses.
export { defineClaim, type Hypothesis, type Source } from './theory/claim.ts';
export { defineSimulation, type SimSpec, type SimOptions } from './sim/sim.ts';
export { defineCheck, type Evaluation as CheckEvaluation, type PropertyDef as CheckDefinition } from './properties/runner.ts';
export { definePaper, type Paper, type PaperSource } from './papers/define.ts';
export { registerPapers, loadPaperModule, allPapers } from './papers/registry.ts';
export { measurement, summary, estimate, type Estimate } from './core/measurement.ts';
export { P, describeDomain, type Domain, type ParamSpec, type Params, type Constraint } from './core/params.ts';
export { Stream } from './core/rng/stream.ts';
export { real, angle, int, simSeed } from './properties/arbitraries.ts';
export { richardson, richardsonValues } from './core/richardson.ts';
export type { CheckSpec, KnownDeviation, Verdict, RegimeRecord } from './properties/check.ts';

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
