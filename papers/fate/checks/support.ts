/** Machinery shared by the fate §2–§3 checks: running a registered simulation, and the claim's hypotheses as a skip. */
import { validateParams } from '../../../core/params.ts';
import type { Params } from '../../../core/params.ts';
import type { Claim } from '../../../theory/claim.ts';
import type { Measurement, SimOptions, SimSpec } from '../../../sim/sim.ts';

/** Runs a registered simulation object on parameters validated against its own specs (defaults filled, constraints applied). */
export async function simulate(sim: SimSpec, raw: Record<string, number | undefined>, opts: SimOptions): Promise<Measurement> {
  return sim.run(validateParams(sim.params, raw, sim.id, sim.constraints), opts);
}

/** A draw outside the claim's hypotheses is skipped as such (never counted as agreement or disagreement). */
export function outsideHypotheses(claim: Claim, p: Params): { skip: string; outOfHypotheses: true } | null {
  const failed = claim.hypotheses.filter((h) => !h.holds(p));
  return failed.length ? { skip: `outside the hypotheses of ${claim.id}: ${failed.map((h) => h.id).join(', ')}`, outOfHypotheses: true } : null;
}

/**
 * The fast (exact-reduction) simulations are exported by sim/sims.ts only as the list `fastSims`; this picks
 * one out by id and fails when the module loads if it is missing (until sims.ts exports each object by name).
 */
export function fastSim(list: readonly SimSpec[], id: string): SimSpec {
  const s = list.find((x) => x.id === id);
  if (!s) throw new TypeError(`fate checks: no fast simulation '${id}' in sim/sims.ts`);
  return s;
}
