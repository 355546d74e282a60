import type { Params } from './params.ts';
import { summarize } from './stats/summary.ts';

/**
 * An estimate of a mean from independent draws: the one summary type used by simulations, checks and
 * reports. `m3` (third central moment, 1/n normalisation) feeds the skewness-corrected t-test.
 */
export interface Estimate {
  mean: number;
  stderr: number;
  draws: number;
  m3?: number;
}

/** What a simulation returns: an estimate with its uncertainty, and the draws behind it. */
export interface Measurement extends Estimate {
  simId: string;
  /** The quantity measured, e.g. "R_lt = ‖β̂ − β_t‖²". */
  quantity: string;
  /** Per-draw values (one per independent replicate stream). */
  values: number[];
  seed: number;
  params: Params;
  /** Other quantities measured on the same draws (paired), e.g. R_sc beside R_lt. */
  extra?: Record<string, { mean: number; stderr: number; draws?: number; values?: number[] }>;
  /** Method notes: exact reductions used, integration of the label noise, backend. */
  method?: string;
}

/** Mean ± standard error of per-replicate values, values kept: one entry of `Measurement.extra`. */
export function summary(values: ArrayLike<number>): Estimate & { values: number[] } {
  const { mean, stderr, draws, m3 } = summarize(values);
  return { mean, stderr, draws, m3, values: Array.from(values) };
}

/** The estimate of per-draw values (mean, standard error, draws, third moment) with an optional note. */
export function estimate(values: ArrayLike<number>, note?: string): Estimate & { note?: string } {
  const { mean, stderr, draws, m3 } = summarize(values);
  return { mean, stderr, draws, m3, note };
}

/**
 * A Measurement from per-replicate values (one per independent replicate stream): mean, standard error
 * and draws are computed here, in one place, for every simulation.
 */
export function measurement(m: Omit<Measurement, 'mean' | 'stderr' | 'draws' | 'm3'>): Measurement {
  const { mean, stderr, draws, m3 } = summarize(m.values);
  return { ...m, mean, stderr, draws, m3 };
}
