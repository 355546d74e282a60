import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Claim } from '../theory/claim.ts';
import type { SimOptions, SimSpec } from '../sim/sim.ts';
import type { Measurement } from '../core/measurement.ts';
import type { CheckSpec } from '../properties/check.ts';
import { InputError, validateParams, type Params } from '../core/params.ts';
import type { Paper } from './define.ts';
import { BUILTIN_PAPERS } from './index.ts';

/**
 * The one registry: tests, the CLI, the report and the public API read the papers from here. Built-in
 * papers are always present; users' papers are added with `registerPapers` (or `ttc --paper-module`).
 */
let extra: Paper[] = [];

export function registerPapers(papers: readonly Paper[]): void {
  for (const p of papers) {
    if (allPapers().some((q) => q.id === p.id)) throw new InputError(`paper '${p.id}' is already registered`);
    for (const c of p.claims) if (allClaims().some((x) => x.id === c.id)) throw new InputError(`paper '${p.id}': claim id ${c.id} is already registered`);
    for (const k of p.checks) for (const id of [k.id, ...(k.aliases ?? [])]) if (findCheck(id)) throw new InputError(`paper '${p.id}': check id ${id} is already registered`);
    extra = [...extra, p];
  }
}

/** Loads a module of papers (its `default` export, a `paper`, or a `papers` array) and registers them. */
export async function loadPaperModule(path: string): Promise<Paper[]> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`--paper-module ${path}: cannot load (${(e as Error).message.split('\n')[0]})`);
  }
  const found = [mod.default, mod.paper, ...(Array.isArray(mod.papers) ? mod.papers : [])].flat().filter(isPaper);
  if (found.length === 0) throw new InputError(`--paper-module ${path}: exports no paper (export default definePaper({...}), or 'papers')`);
  const unique = [...new Set(found)];
  registerPapers(unique);
  return unique;
}

function isPaper(x: unknown): x is Paper {
  return typeof x === 'object' && x !== null && 'id' in x && 'claims' in x && 'checks' in x && 'simulations' in x;
}

export function allPapers(): readonly Paper[] {
  return [...BUILTIN_PAPERS, ...extra];
}

export function paperIds(): string[] {
  return allPapers().map((p) => p.id);
}

export function getPaper(id: string): Paper {
  const p = allPapers().find((x) => x.id === id);
  if (!p) throw new InputError(`unknown paper '${id}'; known: ${paperIds().join(', ')}`);
  return p;
}

export function allClaims(): readonly Claim[] {
  return allPapers().flatMap((p) => p.claims);
}

export function getClaim(id: string): Claim {
  const c = allClaims().find((x) => x.id === id);
  if (!c) throw new InputError(`unknown claim '${id}'; run 'ttc list' for the ids`);
  return c;
}

export function claimParams(claim: Claim, raw: Record<string, number | undefined>): Params {
  return validateParams(claim.params, raw, claim.id, claim.constraints);
}

export function allSims(): readonly SimSpec[] {
  return allPapers().flatMap((p) => p.simulations);
}

export function getSim(id: string): SimSpec {
  const s = allSims().find((x) => x.id === id);
  if (!s) throw new InputError(`unknown simulation '${id}'; run 'ttc sim' for the ids`);
  return s;
}

export async function runSim(id: string, raw: Record<string, number | undefined>, opts: Partial<SimOptions>): Promise<Measurement> {
  const spec = getSim(id);
  const params = validateParams(spec.params, raw, id, spec.constraints);
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InputError(`${id}: seed must be an integer, got ${seed}`);
  const draws = opts.draws ?? spec.defaultDraws;
  if (!Number.isInteger(draws) || draws < 1) throw new InputError(`${id}: draws must be an integer ≥ 1, got ${draws}`);
  return spec.run(params, { seed, draws });
}

export function allChecks(): readonly CheckSpec[] {
  return allPapers().flatMap((p) => p.checks);
}

export function checksFor(claimId: string): CheckSpec[] {
  return allChecks().filter((c) => c.claimId === claimId);
}

function findCheck(id: string): CheckSpec | undefined {
  return allChecks().find((x) => x.id === id) ?? allChecks().find((x) => x.aliases?.includes(id));
}

/** A check by id or by a former id (aliases keep old replay tokens working). */
export function getCheck(id: string): CheckSpec {
  const c = findCheck(id);
  if (!c) {
    const hint = id.startsWith('fixture.') ? ' (a test fixture: add --paper-module fixtures/broken.ts)' : '';
    throw new InputError(`unknown check '${id}'${hint}`);
  }
  return c;
}

/** The paper a claim belongs to. */
export function paperOf(claimId: string): Paper | undefined {
  return allPapers().find((p) => p.claims.some((c) => c.id === claimId));
}
