import { InputError } from '../core/params.ts';
import type { CheckSpec } from '../properties/check.ts';
import { allChecks, allClaims, paperIds, paperOf } from '../papers/registry.ts';
import { selectShardByClaim } from '../reports/shard.ts';
import type { ParsedArgs } from './args.ts';

/** --paper P[,P…]: validated against the registered papers. */
export function paperFilter(args: ParsedArgs): string[] | undefined {
  const p = args.values.paper?.split(',');
  for (const x of p ?? []) if (!paperIds().includes(x)) throw new InputError(`--paper must be one of ${paperIds().join(', ')}; got '${x}'`);
  return p;
}

/** The checks selected by --paper, --claim and --shard. */
export function selectChecks(args: ParsedArgs): CheckSpec[] {
  const papers = paperFilter(args);
  const claimIds = args.values.claim?.split(',');
  const known = new Set(allClaims().map((c) => c.id));
  for (const c of claimIds ?? []) if (!known.has(c)) throw new InputError(`unknown claim '${c}'; run 'ttc list' for the ids`);
  let checks = allChecks().filter((k) => (!papers || papers.includes(paperOf(k.claimId)?.id ?? '')) && (!claimIds || claimIds.includes(k.claimId)));
  if (args.values.shard) checks = selectShardByClaim(checks, args.values.shard);
  return checks;
}

