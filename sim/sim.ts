import type { Constraint, ParamSpec, Params } from '../core/params.ts';
import type { PaperId } from '../theory/claim.ts';
import type { Measurement } from '../core/measurement.ts';

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


/**
 * A simulation as an outside author writes it: seeded stream in, measurement out. Returned unchanged after
 * its shape is checked, so a missing field fails when the module loads.
 */
export function defineSimulation<S extends SimSpec>(spec: S): S {
  if (!spec.id || typeof spec.run !== 'function') throw new TypeError(`defineSimulation: '${spec.id}' needs an id and a run(params, { seed, draws })`);
  if (!(Number.isInteger(spec.defaultDraws) && spec.defaultDraws >= 2)) throw new TypeError(`defineSimulation ${spec.id}: defaultDraws must be an integer ≥ 2 (a standard error needs two draws)`);
  return spec;
}
