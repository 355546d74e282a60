import type { Claim } from '../theory/claim.ts';
import type { Params } from '../core/params.ts';

/** The hypotheses of `claim` that fail at `p` (their ids), or an empty list. */
export function failedHypotheses(claim: Claim, p: Params): string[] {
  return claim.hypotheses.filter((h) => !h.holds(p)).map((h) => h.id);
}

