import type { Claim, PaperId } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { CheckSpec } from '../properties/check.ts';
import type { PaperFigures } from '../reports/figures/types.ts';

/** Where a paper comes from: what a reviewer needs to find it. */
export interface PaperSource {
  authors: string;
  /** Title as printed. */
  title: string;
  /** Venue, year, arXiv id or DOI; free text. */
  reference?: string;
}

/** A paper: its claims, the simulations that measure them, the checks that compare the two, its figures. */
export interface Paper {
  id: PaperId;
  title: string;
  source: PaperSource;
  claims: readonly Claim[];
  simulations: readonly SimSpec[];
  checks: readonly CheckSpec[];
  figures?: PaperFigures;
}

/**
 * Assembles a paper and proves its links: every check's claim is one of the paper's claims (the same
 * object), every simulation a check measures is one of the paper's simulations, every claim has a check,
 * ids are unique, and claims and simulations carry the paper's id. A broken link fails when the module
 * loads, with the name of what is missing.
 */
export function definePaper(p: Paper): Paper {
  const where = `definePaper(${p.id})`;
  const claimIds = new Set<string>();
  for (const c of p.claims) {
    if (c.paper !== p.id) throw new TypeError(`${where}: claim ${c.id} belongs to paper '${c.paper}'`);
    if (claimIds.has(c.id)) throw new TypeError(`${where}: claim id ${c.id} listed twice`);
    claimIds.add(c.id);
  }
  const simIds = new Set<string>();
  for (const s of p.simulations) {
    if (simIds.has(s.id)) throw new TypeError(`${where}: simulation id ${s.id} listed twice`);
    simIds.add(s.id);
  }
  const checkIds = new Set<string>();
  for (const k of p.checks) {
    for (const id of [k.id, ...(k.aliases ?? [])]) {
      if (checkIds.has(id)) throw new TypeError(`${where}: check id ${id} listed twice`);
      checkIds.add(id);
    }
    const claim = k.claim ?? p.claims.find((c) => c.id === k.claimId);
    if (!claim || !p.claims.includes(claim)) throw new TypeError(`${where}: check ${k.id} tests claim ${k.claim?.id ?? k.claimId}, which is not one of this paper's claims`);
    for (const s of k.simulations ?? []) {
      if (!p.simulations.includes(s)) throw new TypeError(`${where}: check ${k.id} measures simulation ${s.id}, which is not one of this paper's simulations`);
    }
  }
  for (const c of p.claims) {
    if (!p.checks.some((k) => (k.claim ?? p.claims.find((x) => x.id === k.claimId)) === c)) throw new TypeError(`${where}: claim ${c.id} has no check`);
  }
  if (p.figures && p.figures.paper !== p.id) throw new TypeError(`${where}: figures belong to paper '${p.figures.paper}'`);
  return p;
}

// The authoring helpers below live in properties/ (so built-in papers' checks can use them under the layer
// rule); re-exported here so a paper author finds the whole authoring API in one module.
export { deviates, notReproduced, type DeviationRecord } from '../properties/records.ts';
export { defineLimitCheck, type LimitCheckDef } from '../properties/limitCheck.ts';
export { defineMonotoneCheck, type MonotoneCheckDef } from '../properties/monotoneCheck.ts';
export { regime } from '../properties/regime.ts';
export { stratify } from '../properties/strata.ts';
