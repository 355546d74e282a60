import type { RegimeRecord } from './check.ts';

/** One regime's comparison inside the runner: its record and the numbers its verdict and power are computed from. */
export interface Outcome {
  rec: RegimeRecord;
  /** p-value of the test whose rejection means the claim fails here (two-sided, wrong side, binomial). */
  p: number;
  /** 'sign': one-sided p-value of "the mean is not on the predicted side" (its rejection confirms the sign). */
  pConfirm?: number;
  /** Standard error and degrees of freedom behind the comparison (undefined for 'close'). */
  se?: number;
  df?: number;
  /** The declared deviation δ at this regime's target. */
  delta?: number;
  /** The share of the level its final test was made at (core/levels.ts INTERIM_SHARE; 1 with one look). */
  share?: number;
}

