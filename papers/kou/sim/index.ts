import type { Params } from '../../../core/params.ts';
import { KOU_PARAMS } from '../../ptransfer/theory/params.ts';
import { defineSimulation, measurement, summary, type Measurement, type SimSpec } from '../../../sim/sim.ts';
import { runKouFast, type KouParams } from '../../ptransfer/sim/cell.ts';

const asKou = (p: Params) => p as unknown as KouParams;

/** Kou et al.'s single task on ptransfer's exact fast path (same pool and GD; label flips at rate p). */
export const kouSim: SimSpec = defineSimulation({
  id: 'kou.cell',
  paper: 'kou',
  title: 'Kou et al.: one task with label flips, fresh init, GD, test error (exact fast path)',
  quantity: 'test error against the observed (flipped) label',
  params: KOU_PARAMS,
  defaultDraws: 10,
  run(params, opts): Measurement {
    const rs = Array.from({ length: opts.draws }, (_, k) => runKouFast(asKou(params), opts.seed, k));
    const e = rs.map((r) => r.errObserved);
    const loss = rs.map((r) => r.loss.final);
    return measurement({
      simId: 'kou.cell',
      quantity: this.quantity,
      values: e,
      seed: opts.seed,
      params,
      extra: { errClean: summary(rs.map((r) => r.err)), trainLoss: summary(loss) },
      method: 'exact fast path; errObserved = p + (1 − 2p)·P(ȳ f < 0)',
    });
  },
});

export const kouSims: SimSpec[] = [kouSim];
