import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Claim } from '../theory/claim.ts';
import type { SimOptions, SimSpec } from '../sim/sim.ts';
import type { Measurement } from '../core/measurement.ts';
import type { CheckSpec } from '../properties/check.ts';
import { InputError, validateParams, type Params } from '../core/params.ts';
import type { Paper } from './define.ts';
import { BUILTIN_PAPERS } from './index.ts';
import { addUserCode } from '../reports/meta.ts';

/**
 * The one registry: tests, the CLI, the report and the public API read the papers from here. The built-in
 * papers are present unless switched off (`useBuiltinPapers(false)`: `ttc --no-builtin`, or `builtin: false`
 * in ttc.config.*); users' papers are added with `registerPapers`, `loadPaperModule` (`ttc --paper-module`)
 * or `loadConfig` (ttc.config.js / .mjs / .ts in the working directory).
 */
let extra: Paper[] = [];
let builtin = true;
const modules: string[] = [];

/** Includes (default) or leaves out the five built-in papers. */
export function useBuiltinPapers(on: boolean): void {
  builtin = on;
}

/** Whether the built-in papers are included (report workers are set up the same way as their parent). */
export function builtinPapersOn(): boolean {
  return builtin;
}

/** Registers users' papers; an id (paper, claim, check or alias) already registered is an InputError. */
export function registerPapers(papers: readonly Paper[]): void {
  for (const p of papers) {
    if (allPapers().some((q) => q.id === p.id)) throw new InputError(`paper '${p.id}' is already registered`);
    for (const c of p.claims) if (allClaims().some((x) => x.id === c.id)) throw new InputError(`paper '${p.id}': claim id ${c.id} is already registered`);
    for (const k of p.checks) for (const id of [k.id, ...(k.aliases ?? [])]) if (findCheck(id)) throw new InputError(`paper '${p.id}': check id ${id} is already registered`);
    extra = [...extra, p];
  }
}

/** Absolute paths of the paper modules loaded so far (the report hashes their folders into its code version). */
export function loadedPaperModules(): readonly string[] {
  return modules;
}

const TS_LOADER_HINT =
  "a .ts file needs a TypeScript loader on Node 20: NODE_OPTIONS='--import tsx' npx ttc … (npm install -D tsx), " +
  'or Node ≥ 22.18 / 23.6, which strip types natively; or write the module in JavaScript (ttc init writes JavaScript by default)';

/** Loads a module of papers (its `default` export, a `paper`, or a `papers` array) and registers them. */
export async function loadPaperModule(path: string, from = '--paper-module'): Promise<Paper[]> {
  const abs = resolve(path);
  const mod = await importModule(abs, `${from} ${path}`);
  const found = [mod.default, mod.paper, ...(Array.isArray(mod.papers) ? mod.papers : [])].flat().filter(isPaper);
  if (found.length === 0) throw new InputError(`${from} ${path}: exports no paper (export default definePaper({...}), or 'papers')`);
  const unique = [...new Set(found)].filter((p) => !extra.includes(p));
  registerPapers(unique);
  if (!modules.includes(abs)) modules.push(abs);
  addUserCode(abs);
  return unique;
}

async function importModule(abs: string, what: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (e) {
    const err = e as Error & { code?: string };
    const ts = /\.[cm]?ts$/.test(abs) && (err.code === 'ERR_UNKNOWN_FILE_EXTENSION' || /Unknown file extension/.test(err.message));
    throw new InputError(`${what}: cannot load (${err.message.split('\n')[0]})${ts ? `; ${TS_LOADER_HINT}` : ''}`);
  }
}

/** The config file names `ttc` looks for in the working directory, in this order. */
export const CONFIG_FILES = ['ttc.config.js', 'ttc.config.mjs', 'ttc.config.ts', 'ttc.config.mts'] as const;

/**
 * A project's ttc.config.* (its default export):
 * ```js
 * export default { papers: ['./papers/ols/paper.js'], builtin: false };
 * ```
 */
export interface TtcConfig {
  /** Paper modules (paths relative to the config file) or paper objects. */
  papers?: readonly (string | Paper)[];
  /** Include the five built-in papers (default true). */
  builtin?: boolean;
}

/**
 * Reads the config: `file` when given, else the first of CONFIG_FILES in `dir`. Registers its papers and
 * applies `builtin`. Returns the file read (undefined when there is none and none was asked for).
 */
export async function loadConfig(dir: string = process.cwd(), file?: string): Promise<string | undefined> {
  const path = file !== undefined ? resolve(dir, file) : CONFIG_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new InputError(`--config ${file}: no such file`);
  const mod = await importModule(path, path);
  const cfg = (mod.default ?? mod) as TtcConfig;
  if (typeof cfg !== 'object' || cfg === null) throw new InputError(`${path}: the default export must be an object { papers: [...] }`);
  const unknown = Object.keys(cfg).filter((k) => k !== 'papers' && k !== 'builtin' && k !== 'default');
  if (unknown.length) throw new InputError(`${path}: unknown key '${unknown[0]}' (a config has papers and builtin)`);
  if (cfg.builtin !== undefined && typeof cfg.builtin !== 'boolean') throw new InputError(`${path}: builtin must be true or false`);
  if (cfg.papers !== undefined && !Array.isArray(cfg.papers)) throw new InputError(`${path}: papers must be an array of module paths or papers`);
  if (cfg.builtin === false) useBuiltinPapers(false);
  for (const p of cfg.papers ?? []) {
    if (typeof p === 'string') await loadPaperModule(resolve(dirname(path), p), `${basename(path)}: paper module`);
    else if (isPaper(p)) {
      if (!extra.includes(p)) registerPapers([p]);
      if (!modules.includes(path)) modules.push(path);
      addUserCode(path);
    } else throw new InputError(`${path}: papers lists something that is neither a module path nor a paper (definePaper)`);
  }
  return path;
}

function isPaper(x: unknown): x is Paper {
  return typeof x === 'object' && x !== null && 'id' in x && 'claims' in x && 'checks' in x && 'simulations' in x;
}

export function allPapers(): readonly Paper[] {
  return builtin ? [...BUILTIN_PAPERS, ...extra] : extra;
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
