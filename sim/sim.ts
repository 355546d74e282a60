import type { Constraint, ParamSpec, Params } from '../core/params.ts';
import type { PaperId } from '../theory/claim.ts';
import type { Measurement } from '../core/measurement.ts';
import { simCache, simCacheEnabled } from './cache.ts';

export { measurement, summary, type Measurement } from '../core/measurement.ts';

export interface SimOptions {
  seed: number;
  draws: number;
}

export interface SimSpec {
  id: string;
  paper: PaperId;
  title: string;
  quantity: string;
  params: readonly ParamSpec[];
  constraints?: readonly Constraint[];
  /** Draws used when none are given. */
  defaultDraws: number;
  run(params: Params, opts: SimOptions): Measurement | Promise<Measurement>;
}


const RAW = Symbol('uncached run');
let definitions = 0;

/**
 * A simulation as an outside author writes it: seeded stream in, measurement out. Its shape is checked (so a
 * missing field fails when the module loads) and its `run` is memoised in the process's content-addressed cache
 * (sim/cache.ts: same id, parameters, seed, draws and options → one run, each caller gets its own copy) — valid
 * because a simulation is a deterministic function of exactly those. The same object is returned.
 */
export function defineSimulation<S extends SimSpec>(spec: S): S {
  if (!spec.id || typeof spec.run !== 'function') throw new TypeError(`defineSimulation: '${spec.id}' needs an id and a run(params, { seed, draws })`);
  if (!(Number.isInteger(spec.defaultDraws) && spec.defaultDraws >= 2)) throw new TypeError(`defineSimulation ${spec.id}: defaultDraws must be an integer ≥ 2 (a standard error needs two draws)`);
  return memoiseSimulation(spec);
}

/**
 * Route a simulation's `run` through the in-run cache (idempotent; the same object is returned). Used by
 * defineSimulation and by the property runner for the simulations a check lists, so simulations written as plain
 * SimSpec objects are shared too. A frozen spec is left as it is.
 */
export function memoiseSimulation<S extends SimSpec>(spec: S): S {
  if ((spec as { [RAW]?: unknown })[RAW] || Object.isFrozen(spec) || typeof spec.run !== 'function') return spec;
  const raw = spec.run.bind(spec);
  // The key names this definition, not only its id: two definitions under one id (a test's variant, a planted
  // simulation bug in a mutant run) never share results.
  const key = `${spec.id}#${++definitions}`;
  Object.defineProperty(spec, RAW, { value: raw });
  spec.run = (params, opts) => (simCacheEnabled() ? simCache.run(key, params, opts, () => raw(params, opts)) : raw(params, opts));
  return spec;
}

/** The simulation's own run, bypassing the cache (for tests that time or cross-check it). */
export function uncachedRun(spec: SimSpec): SimSpec['run'] {
  return (spec as { [RAW]?: SimSpec['run'] })[RAW] ?? spec.run;
}
