import type { Constraint, ParamSpec, Params } from '../theory/params.ts';
import type { PaperId } from '../theory/claim.ts';
import { summarize } from '../properties/stats/summary.ts';

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

/** Mean ± standard error of per-replicate values, values kept: one entry of `Measurement.extra`. */
export function summary(values: number[]): { mean: number; stderr: number; values: number[] } {
  const { mean, stderr } = summarize(values);
  return { mean, stderr, values };
}

/**
 * A Measurement from per-replicate values (one per independent replicate stream): mean, standard error
 * and draws are computed here, in one place, for every simulation.
 */
export function measurement(m: Omit<Measurement, 'mean' | 'stderr' | 'draws'>): Measurement {
  const { mean, stderr, draws } = summarize(m.values);
  return { ...m, mean, stderr, draws };
}
