import type { Constraint, ParamSpec, Params } from '../theory/params.ts';
import type { PaperId } from '../theory/claim.ts';

/** What a simulation returns: a measurement with its uncertainty, and the draws behind it. */
export interface Measurement {
  simId: string;
  /** The quantity measured, e.g. "R_lt = ‖β̂ − β_t‖²". */
  quantity: string;
  mean: number;
  stderr: number;
  draws: number;
  /** Per-draw values (one per independent replicate stream). */
  values: number[];
  seed: number;
  params: Params;
  /** Other quantities measured on the same draws (paired), e.g. R_sc beside R_lt. */
  extra?: Record<string, { mean: number; stderr: number; values?: number[] }>;
  /** Method notes: exact reductions used, integration of the label noise, backend. */
  method?: string;
}

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
