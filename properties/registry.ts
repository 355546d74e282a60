import { InputError } from '../theory/params.ts';
import type { CheckSpec } from './check.ts';
import { fateChecks } from './fate/index.ts';
import { sec4Checks } from './fate/sec4Index.ts';
import { ptransferChecks } from './ptransfer/index.ts';
import { uowqChecks } from './uowq/index.ts';
import { universalityChecks } from './universality/index.ts';

const ALL: readonly CheckSpec[] = [...fateChecks, ...sec4Checks, ...ptransferChecks, ...uowqChecks, ...universalityChecks];

export function allChecks(): readonly CheckSpec[] {
  return ALL;
}

export function checksFor(claimId: string): CheckSpec[] {
  return ALL.filter((c) => c.claimId === claimId);
}

export function getCheck(id: string): CheckSpec {
  const c = ALL.find((x) => x.id === id);
  if (!c) throw new InputError(`unknown check '${id}'`);
  return c;
}
