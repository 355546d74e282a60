import type { Params } from '../../../core/params.ts';
import { TRANSFER_PARAMS } from '../theory/params.ts';
import { defineSimulation, measurement, summary, type Measurement, type SimSpec } from '../../../sim/sim.ts';
import { runBaselineFast, runCellFast, runCellTf, type CellParams } from './cell.ts';

const asCell = (p: Params) => p as unknown as CellParams;

/** Replicate k of a run with seed s uses the k-th replicate stream family (data.ts replicateStreams). */
export const cellSim: SimSpec = {
  id: 'ptransfer.cell',
  paper: 'ptransfer',
  title: 'One cell of Yuan et al.: upstream GD, Algorithm 1 (transfer) and Algorithm 2 (baseline), test errors (exact fast path, float64)',
  quantity: 'test error with transfer P(y f < 0)',
  params: TRANSFER_PARAMS,
  defaultDraws: 5,
  run(params, opts): Measurement {
    const rs = Array.from({ length: opts.draws }, (_, k) => runCellFast(asCell(params), opts.seed, k));
    const eT = rs.map((r) => r.errTransfer);
    const eB = rs.map((r) => r.errBaseline);
    return measurement({
      simId: 'ptransfer.cell',
      quantity: this.quantity,
      values: eT,
      seed: opts.seed,
      params,
      extra: {
        errBaseline: summary(eB),
        transferMinusBaseline: summary(eT.map((e, i) => e - eB[i]!)),
        trainLossTransfer: summary(rs.map((r) => r.lossTransfer.final)),
        trainLossUp: summary(rs.map((r) => r.lossUp.final)),
        trainLossBaseline: summary(rs.map((r) => r.lossBaseline.final)),
      },
      method: `exact fast path (pool Gram, ${rs[0]!.mode}); test error by Monte Carlo over the 2m-dimensional Gaussian of noise responses (${params.nTest} draws × both labels)`,
    });
  },
};

export const cellTfSim: SimSpec = {
  id: 'ptransfer.cell.tfjs',
  paper: 'ptransfer',
  title: 'The same cell in TensorFlow.js on explicit d-dimensional data (float32)',
  quantity: 'test error with transfer on nTest explicit test points',
  params: TRANSFER_PARAMS,
  defaultDraws: 2,
  async run(params, opts): Promise<Measurement> {
    const rs = [];
    for (let k = 0; k < opts.draws; k++) rs.push(await runCellTf(asCell(params), opts.seed, k));
    const eT = rs.map((r) => r.errTransfer);
    const eB = rs.map((r) => r.errBaseline);
    return measurement({
      simId: 'ptransfer.cell.tfjs',
      quantity: this.quantity,
      values: eT,
      seed: opts.seed,
      params,
      extra: { errBaseline: summary(eB) },
      method: `tfjs (${rs[0]?.backend ?? 'unknown'} backend, float32), explicit d-dimensional patches`,
    });
  },
};

/**
 * Algorithm 2 alone on the target task (no upstream run): the pool holds only the target's blocks, so its
 * draws differ from the baseline arm of 'ptransfer.cell' (which shares the pool with the transfer arm).
 */
export const baselineSim: SimSpec = defineSimulation({
  id: 'ptransfer.baseline',
  paper: 'ptransfer',
  title: 'Yuan et al., Algorithm 2 alone: fresh init, GD on the target task, test error (exact fast path, float64)',
  quantity: 'test error without transfer P(y f < 0)',
  params: TRANSFER_PARAMS,
  defaultDraws: 5,
  run(params, opts): Measurement {
    const rs = Array.from({ length: opts.draws }, (_, k) => runBaselineFast(asCell(params), opts.seed, k));
    const e = rs.map((r) => r.err);
    return measurement({
      simId: 'ptransfer.baseline',
      quantity: this.quantity,
      values: e,
      seed: opts.seed,
      params,
      extra: { trainLoss: summary(rs.map((r) => r.loss.final)) },
      method: `exact fast path (pool Gram, ${rs[0]!.mode}), target task only`,
    });
  },
});

export const ptransferSims: SimSpec[] = [cellSim, cellTfSim, baselineSim];
