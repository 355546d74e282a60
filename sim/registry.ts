import { InputError, validateParams } from '../core/params.ts';
import type { Measurement, SimOptions, SimSpec } from './sim.ts';
import { fateSims } from '../papers/fate/sim/index.ts';
import { sec4Sims } from '../papers/fate/sim/relu/index.ts';
import { mnistSims } from '../papers/ptransfer/sim/mnist/sims.ts';
import { ptransferSims } from '../papers/ptransfer/sim/index.ts';
import { uowqSims } from '../papers/uowq/sim/index.ts';
import { universalitySims } from '../papers/universality/sim/index.ts';

/** Transitional: checks still looking simulations up by id use this until they hold the objects (then it goes). */
const ALL: readonly SimSpec[] = [...fateSims, ...sec4Sims, ...mnistSims, ...ptransferSims, ...uowqSims, ...universalitySims];

export function allSims(): readonly SimSpec[] {
  return ALL;
}

export function getSim(id: string): SimSpec {
  const s = ALL.find((x) => x.id === id);
  if (!s) throw new InputError(`unknown simulation '${id}'; known: ${ALL.map((x) => x.id).join(', ')}`);
  return s;
}

export async function runSim(id: string, raw: Record<string, number | undefined>, opts: Partial<SimOptions>): Promise<Measurement> {
  const spec = getSim(id);
  const params = validateParams(spec.params, raw, id, spec.constraints);
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InputError(`${id}: seed must be an integer, got ${seed}`);
  const draws = opts.draws ?? spec.defaultDraws;
  if (!Number.isInteger(draws) || draws < 1) throw new InputError(`${id}: draws must be an integer ≥ 1, got ${draws}`);
  return spec.run(params, { seed, draws });
}
