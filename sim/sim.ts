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

