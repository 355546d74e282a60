import type { Claim, PaperId } from './claim.ts';
import { InputError, validateParams, type Params } from './params.ts';
import { fateClaims } from './fate/index.ts';
import { sec4Claims } from './fate/sec4Index.ts';
import { ptransferClaims } from './ptransfer/index.ts';
import { uowqClaims } from './uowq/index.ts';
import { universalityClaims } from './universality/index.ts';

/** The one claims registry: tests, CLI and report all read it. Each paper adds its list here. */
const ALL: readonly Claim[] = [...fateClaims, ...sec4Claims, ...ptransferClaims, ...uowqClaims, ...universalityClaims];

export const PAPERS: readonly PaperId[] = ['fate', 'ptransfer', 'kou', 'uowq', 'universality'];

export function allClaims(): readonly Claim[] {
  return ALL;
}

export function getClaim(id: string): Claim {
  const c = ALL.find((x) => x.id === id);
  if (!c) throw new InputError(`unknown claim '${id}'; run 'ttc list' for the ids (e.g. ${ALL.slice(0, 3).map((x) => x.id).join(', ')})`);
  return c;
}

export function claimParams(claim: Claim, raw: Record<string, number | undefined>): Params {
  return validateParams(claim.params, raw, claim.id, claim.constraints);
}
