import type fc from 'fast-check';
import type { Claim, Prediction } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { Params } from '../core/params.ts';
import type { Budget, KnownDeviation } from './check.ts';
import type { Detect, Tolerance } from '../core/levels.ts';
import type { Estimate } from '../core/measurement.ts';

/** What a check's `evaluate` returns for one drawn regime: the prediction and target, or why it is skipped. */
export type Evaluation =
  | { prediction: Prediction; target: number; statistic: string; note?: string }
  | { skip: string; outOfHypotheses?: boolean };

export interface PropertyDef<T> {
  id: string;
  /** Former ids (kept so old replay tokens resolve). */
  aliases?: readonly string[];
  /** The claim tested (preferred), or its id (legacy). */
  claim?: Claim;
  claimId?: string;
  /** The simulations measured (objects). */
  simulations?: readonly SimSpec[];
  title: string;
  /** Must include everything the simulation depends on (including its seed) so a value replays. */
  arbitrary: fc.Arbitrary<T>;
  runs: Record<Budget, number>;
  compare: 'equal' | 'sign' | 'close' | 'binomial';
  /**
   * The check's level α_c. Built-in checks take it from core/levels.ts (by id); a user's check may
   * state it (otherwise DEFAULT_CHECK_LEVEL).
   */
  level?: number;
  /** The smallest deviation the check must detect (built-in checks: core/levels.ts). */
  detect?: Detect;
  /** For 'close' (built-in checks: core/levels.ts). */
  tolerance?: Omit<Tolerance, 'reason'> & { reason?: string };
  /** @deprecated ignored: the level comes from core/levels.ts (issue 11); kept while checks move their numbers there. */
  alpha?: number;
  /** @deprecated ignored: the declared deviation comes from core/levels.ts (`detect`). */
  relevant?: number;
  /** Absolute numerical floor added to the standard error in 'equal' (stated in the record). */
  floor?: number;
  /** 'equal' only: Johnson's skewness-corrected t instead of Student's t (for heavy right-skewed draws). */
  skewCorrected?: boolean;
  params(t: T): Params;
  region?(t: T): string;
  /** Regions of a phase diagram that must be hit by at least this many tested draws. */
  requiredCoverage?: Record<string, number>;
  /** The prediction for one drawn regime; the budget is passed explicitly (never read from module state). */
  evaluate(t: T, budget: Budget): Evaluation;
  measure(t: T, budget: Budget): Promise<Estimate & { note?: string }> | (Estimate & { note?: string });
  deviation?: KnownDeviation;
  /**
   * false: never top up an underpowered regime with further seeds — where re-measuring at another seed is not an
   * independent replicate of the same quantity (e.g. the seed is a fixed printed setting). Default: top up when the
   * drawn value has a numeric `seed` field (which `measure` must use for all its randomness).
   */
  topUp?: boolean;
  /** Milliseconds allowed for shrinking a counterexample; 0 keeps the worst regime as it is (e.g. a fixed printed setting). */
  shrinkMs?: Record<Budget, number>;
}

