/** Test helper: validates a claim's parameters exactly as theory/registry.ts's claimParams does. */
import type { Claim } from '../../../theory/claim.ts';
import { validateParams, type Params } from '../../../core/params.ts';

export function claimParamsOf(claim: Claim, raw: Record<string, number | undefined>): Params {
  return validateParams(claim.params, raw, claim.id, claim.constraints);
}
