import { InputError } from '../theory/params.ts';
import type { CheckSpec } from './check.ts';
import { fateChecks } from './fate/index.ts';
import { sec4Checks } from './fate/sec4Index.ts';
import { ptransferChecks } from './ptransfer/index.ts';
import { uowqChecks } from './uowq/index.ts';
import { universalityChecks } from './universality/index.ts';
import { brokenCheck } from './fixtures/broken.ts';

const ALL: readonly CheckSpec[] = [...fateChecks, ...sec4Checks, ...ptransferChecks, ...uowqChecks, ...universalityChecks];

export function allChecks(): readonly CheckSpec[] {
  return ALL;
}

export function checksFor(claimId: string): CheckSpec[] {
  return ALL.filter((c) => c.claimId === claimId);
}

/**
 * Test fixtures (a deliberately broken claim) are never listed or run by default; with TTC_FIXTURES=1
 * they can be looked up by id, so a fixture's replay token can be replayed from the command line exactly
 * as a user would replay a real failure.
 */
const FIXTURES: readonly CheckSpec[] = [brokenCheck];

export function getCheck(id: string): CheckSpec {
  const c = ALL.find((x) => x.id === id) ?? (process.env.TTC_FIXTURES === '1' ? FIXTURES.find((x) => x.id === id) : undefined);
  if (!c) throw new InputError(`unknown check '${id}'${FIXTURES.some((x) => x.id === id) ? ' (a test fixture: set TTC_FIXTURES=1 to replay it)' : ''}`);
  return c;
}
