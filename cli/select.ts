import { InputError } from '../core/params.ts';
import type { CheckSpec } from '../properties/check.ts';
import type { Claim } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import { allChecks, allClaims, allSims, paperIds, paperOf } from '../papers/registry.ts';
import { selectShardByClaim } from '../reports/shard.ts';
import type { ParsedArgs } from './args.ts';
import { didYouMean } from './suggest.ts';

/** --paper P[,P…]: validated against the registered papers. */
export function paperFilter(args: ParsedArgs): string[] | undefined {
  const p = args.values.paper?.split(',');
  for (const x of p ?? []) if (!paperIds().includes(x)) throw new InputError(`--paper must be one of ${paperIds().join(', ')}; got '${x}'${didYouMean(x, paperIds())}`);
  return p;
}

/** A claim by id; an unknown id names the nearest ones. */
export function findClaim(id: string): Claim {
  const c = allClaims().find((x) => x.id === id);
  if (!c) throw new InputError(`unknown claim '${id}'${didYouMean(id, allClaims().map((x) => x.id))} (ttc list shows the ids)`);
  return c;
}

/** A simulation by id; an unknown id names the nearest ones. */
export function findSim(id: string): SimSpec {
  const s = allSims().find((x) => x.id === id);
  if (!s) throw new InputError(`unknown simulation '${id}'${didYouMean(id, allSims().map((x) => x.id))} (ttc sim lists them)`);
  return s;
}

/** The checks selected by --paper, --claim and --shard. */
export function selectChecks(args: ParsedArgs): CheckSpec[] {
  const papers = paperFilter(args);
  // --claim also takes a check id (claim id + '/name'): one check alone gives the same verdict as in a full run
  // (each check has a fixed share of the run's level), so timing or replaying one check needs no other.
  const ids = args.values.claim?.split(',');
  const checkIds = ids?.filter((x) => allChecks().some((k) => k.id === x));
  const claimIds = ids?.filter((x) => !checkIds!.includes(x)).map((c) => findClaim(c).id);
  let checks = allChecks().filter((k) => (!papers || papers.includes(paperOf(k.claimId)?.id ?? '')) && (!ids || claimIds!.includes(k.claimId) || checkIds!.includes(k.id)));
  if (args.values.shard) checks = selectShardByClaim(checks, args.values.shard);
  return checks;
}
