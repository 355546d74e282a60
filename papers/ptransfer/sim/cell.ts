import { drawLabels, inheritMask, kouTask, makeBasis, makeInit, makeNoise, patches, ptransferTask, replicateSeed, replicateStreams, type Labels, type TaskSpec } from './data.ts';
import { testNormals } from './testNormals.ts';
import { testErrorGaussian, testErrorsGaussian, trainFast, type TrainResult } from './fast.ts';
import { explicitPool, identityCoefficients, materialize, wishartPool, type Pool } from './pool.ts';
import { trainFastInWorker } from './parallel.ts';
import { splitWorthIt, trainFastSplit } from './split.ts';

/**
 * One cell of the experiments: upstream training on task 1, Algorithm 1 (transfer) and Algorithm 2
 * (baseline) on task 2, and both test errors — on one replicate's streams. The transferred model's
 * re-drawn filters and the baseline's filters are the same draws (common random numbers), so α = 0
 * reproduces the baseline exactly and contrasts are paired.
 */
export interface CellParams {
  d: number;
  m: number;
  N1: number;
  N2: number;
  sigmaP1: number;
  sigmaP2: number;
  uNorm: number;
  v1Norm: number;
  v2Norm: number;
  alpha: number;
  eta: number;
  sigma0: number;
  T1: number;
  T2: number;
  /** Stop a training once its loss is ≤ eps (0: run T steps as in the experiments). */
  eps: number;
  /** Fresh test draws for the test error (the paper: 1000 test points). */
  nTest: number;
}

export interface CellResult {
  errTransfer: number;
  errBaseline: number;
  seTransfer: number;
  seBaseline: number;
  lossUp: TrainSummary;
  lossTransfer: TrainSummary;
  lossBaseline: TrainSummary;
  mode: Pool['mode'] | 'tfjs';
  ms: number;
}

export interface TrainSummary {
  final: number;
  steps: number;
  curve?: number[];
}

export type PoolMode = 'explicit' | 'wishart' | 'auto';

function summary(r: { finalLoss: number; steps: number; losses: number[] }, curves: boolean): TrainSummary {
  return { final: r.finalLoss, steps: r.steps, curve: curves ? r.losses : undefined };
}

/** 'auto': the Wishart draw when it is cheaper (d − 3 well above the pool size), else explicit vectors. */
export function chooseMode(mode: PoolMode, d: number, K: number): 'explicit' | 'wishart' {
  if (mode !== 'auto') return mode;
  return d - 3 > 1.5 * K ? 'wishart' : 'explicit';
}

interface Built {
  pool: Pool;
  task1: TaskSpec;
  task2: TaskSpec;
  lab1: Labels;
  lab2: Labels;
}

function buildPtransfer(p: CellParams, stream: (label: string) => ReturnType<ReturnType<typeof replicateStreams>>, mode: PoolMode, withUp: boolean): Built {
  const task1 = ptransferTask(1, { uNorm: p.uNorm, v1Norm: p.v1Norm, v2Norm: p.v2Norm, sigmaP: p.sigmaP1, n: p.N1 });
  const task2 = ptransferTask(2, { uNorm: p.uNorm, v1Norm: p.v1Norm, v2Norm: p.v2Norm, sigmaP: p.sigmaP2, n: p.N2 });
  const lab1 = drawLabels(p.N1, 0, stream('labels1'));
  const lab2 = drawLabels(p.N2, 0, stream('labels2'));
  const K = 3 + (withUp ? 2 * p.m + p.N1 : 0) + 2 * p.m + p.N2;
  const how = chooseMode(mode, p.d, K);
  let pool: Pool;
  if (how === 'explicit') {
    const E = makeBasis(p.d, stream('basis'));
    const blocks = [
      ...(withUp ? [{ name: 'up', rows: makeInit(p.m, p.d, p.sigma0, stream('init.up')) }] : []),
      { name: 'down', rows: makeInit(p.m, p.d, p.sigma0, stream('init.down')) },
      ...(withUp ? [{ name: 'xi1', rows: makeNoise(E, p.d, task1, p.N1, stream('noise1')) }] : []),
      { name: 'xi2', rows: makeNoise(E, p.d, task2, p.N2, stream('noise2')) },
    ];
    pool = explicitPool(p.d, E, blocks);
  } else {
    pool = wishartPool(
      p.d,
      [
        ...(withUp ? [{ name: 'up', count: 2 * p.m, scale: p.sigma0, project: [], head: stream('init.up') }] : []),
        { name: 'down', count: 2 * p.m, scale: p.sigma0, project: [], head: stream('init.down') },
        ...(withUp ? [{ name: 'xi1', count: p.N1, scale: p.sigmaP1, project: task1.project, head: stream('noise1') }] : []),
        { name: 'xi2', count: p.N2, scale: p.sigmaP2, project: task2.project, head: stream('noise2') },
      ],
      stream('wishart'),
    );
  }
  return { pool, task1, task2, lab1, lab2 };
}

/** The exact fast path for one cell (float64). */
export function runCellFast(p: CellParams, seed: number, replicate: number, opts: { mode?: PoolMode; curves?: boolean; baseline?: boolean } = {}): CellResult & { pool: Pool; up: TrainResult; transfer: TrainResult; baseline?: TrainResult; mask: Uint8Array } {
  const t0 = performance.now();
  const stream = replicateStreams(seed, replicate);
  const b = buildPtransfer(p, stream, opts.mode ?? 'auto', true);
  return finishCell(p, b, stream, opts, t0, replicateSeed(seed, replicate, 'test'));
}

/** Algorithm 2 only (Thm 4.3): no upstream model, no source data; same target streams as runCellFast. */
export function runBaselineFast(p: Omit<CellParams, 'N1' | 'sigmaP1' | 'v1Norm' | 'alpha' | 'T1'>, seed: number, replicate: number, opts: { mode?: PoolMode; curves?: boolean } = {}) {
  const t0 = performance.now();
  const stream = replicateStreams(seed, replicate);
  const full: CellParams = { ...p, N1: 1, sigmaP1: 1, v1Norm: 0, alpha: 0, T1: 0 };
  const b = buildPtransfer(full, stream, opts.mode ?? 'auto', false);
  const task2 = { spec: b.task2, labels: b.lab2, noise: b.pool.blocks.xi2! };
  const base = trainFast(b.pool, identityCoefficients(b.pool, 'down'), task2, { eta: p.eta, T: p.T2, eps: p.eps, curve: opts.curves ?? false });
  const e = testErrorGaussian(b.pool, base.C, b.task2, p.nTest, testNormals(replicateSeed(seed, replicate, 'test'), p.nTest * 2 * p.m));
  return { err: e.err, se: e.se, loss: summary(base, opts.curves ?? false), mode: b.pool.mode, ms: performance.now() - t0 };
}

type Finished = CellResult & { pool: Pool; up: TrainResult; transfer: TrainResult; baseline?: TrainResult; mask: Uint8Array };

function finishCell(p: CellParams, b: Built, stream: (label: string) => ReturnType<ReturnType<typeof replicateStreams>>, opts: { curves?: boolean; baseline?: boolean }, t0: number, testSeed: number): Finished {
  const curves = opts.curves ?? false;
  const task2 = { spec: b.task2, labels: b.lab2, noise: b.pool.blocks.xi2! };
  const base = opts.baseline === false ? undefined : trainFast(b.pool, identityCoefficients(b.pool, 'down'), task2, { eta: p.eta, T: p.T2, eps: p.eps, curve: curves });
  return finishWith(p, b, stream, curves, base, t0, testSeed);
}

function finishWith(p: CellParams, b: Built, stream: (label: string) => ReturnType<ReturnType<typeof replicateStreams>>, curves: boolean, base: TrainResult | undefined, t0: number, testSeed: number): Finished {
  const { pool } = b;
  const K = pool.K;
  const up = trainFast(pool, identityCoefficients(pool, 'up'), { spec: b.task1, labels: b.lab1, noise: pool.blocks.xi1! }, { eta: p.eta, T: p.T1, eps: p.eps, curve: curves });
  const mask = inheritMask(p.m, p.alpha, stream('inherit'));
  const Ctr = identityCoefficients(pool, 'down');
  for (let r = 0; r < 2 * p.m; r++) if (mask[r]) Ctr.set(up.C.subarray(r * K, (r + 1) * K), r * K);
  const task2 = { spec: b.task2, labels: b.lab2, noise: pool.blocks.xi2! };
  const tr = trainFast(pool, Ctr, task2, { eta: p.eta, T: p.T2, eps: p.eps, curve: curves });
  return assemble(p, b, curves, up, tr, base, mask, t0, testSeed);
}

function assemble(p: CellParams, b: Built, curves: boolean, up: TrainResult, tr: TrainResult, base: TrainResult | undefined, mask: Uint8Array, t0: number, testSeed: number): Finished {
  const { pool } = b;
  // Paired Monte Carlo: the same ζ-stream (the replicate's 'test' stream) for both models, its normals drawn once
  // and kept for the other member of a pair (testNormals.ts).
  const G = testNormals(testSeed, p.nTest * 2 * p.m);
  const [eT, eB] = base ? testErrorsGaussian(pool, [tr.C, base.C], b.task2, p.nTest, G) : [testErrorGaussian(pool, tr.C, b.task2, p.nTest, G), { err: NaN, se: NaN }];
  return {
    errTransfer: eT.err,
    errBaseline: eB.err,
    seTransfer: eT.se,
    seBaseline: eB.se,
    lossUp: summary(up, curves),
    lossTransfer: summary(tr, curves),
    lossBaseline: base ? summary(base, curves) : { final: NaN, steps: 0 },
    mode: pool.mode,
    ms: performance.now() - t0,
    pool,
    up,
    transfer: tr,
    baseline: base,
    mask,
  };
}

/**
 * runCellFast with Algorithm 2 (which needs no upstream model) trained in a worker thread while the
 * upstream and transferred models train here: same streams, bit-identical results, shorter wall time
 * on a machine with a free core.
 */
export async function runCellFastParallel(p: CellParams, seed: number, replicate: number, opts: { mode?: PoolMode; curves?: boolean; split?: boolean } = {}): Promise<Finished> {
  const t0 = performance.now();
  const stream = replicateStreams(seed, replicate);
  const b = buildPtransfer(p, stream, opts.mode ?? 'auto', true);
  const curves = opts.curves ?? false;
  const task2 = { spec: b.task2, labels: b.lab2, noise: b.pool.blocks.xi2! };
  const { pool } = b;
  const K = pool.K;
  const task1 = { spec: b.task1, labels: b.lab1, noise: pool.blocks.xi1! };
  const upOpts = { eta: p.eta, T: p.T1, eps: p.eps, curve: curves };
  // A heavy upstream (large N_1) is split over two threads first when a core is idle (split.ts); otherwise
  // it overlaps with the baseline. Same numbers either way.
  const heavy = opts.split ?? splitWorthIt(p.N1);
  const upHeavy = heavy ? await trainFastSplit(pool, identityCoefficients(pool, 'up'), task1, upOpts) : undefined;
  const basePromise = trainFastInWorker(b.pool, identityCoefficients(b.pool, 'down'), task2, { eta: p.eta, T: p.T2, eps: p.eps, curve: curves });
  const up = upHeavy ?? trainFast(pool, identityCoefficients(pool, 'up'), task1, upOpts);
  const mask = inheritMask(p.m, p.alpha, stream('inherit'));
  const Ctr = identityCoefficients(pool, 'down');
  for (let r = 0; r < 2 * p.m; r++) if (mask[r]) Ctr.set(up.C.subarray(r * K, (r + 1) * K), r * K);
  const tr = trainFast(pool, Ctr, task2, { eta: p.eta, T: p.T2, eps: p.eps, curve: curves });
  const base = await basePromise;
  return assemble(p, b, curves, up, tr, base, mask, t0, replicateSeed(seed, replicate, 'test'));
}

/**
 * The same cell through TensorFlow.js on explicit d-dimensional data (float32), with explicit test
 * points. Same streams as the explicit fast path, so the two see identical data and initialisations.
 */
export async function runCellTf(p: CellParams, seed: number, replicate: number): Promise<CellResult & { W: { up: Float64Array; transfer: Float64Array; baseline: Float64Array }; backend: string }> {
  // TensorFlow.js is loaded only when a tfjs simulation runs, so listing claims stays fast.
  const { testErrorTf, trainTf } = await import('./tfjs.ts');
  const t0 = performance.now();
  const stream = replicateStreams(seed, replicate);
  const b = buildPtransfer(p, stream, 'explicit', true);
  const V = b.pool.vectors!;
  const { d, m } = p;
  const E = V.subarray(0, 3 * d);
  const rows = (name: string) => {
    const blk = b.pool.blocks[name]!;
    return V.subarray(blk.offset * d, (blk.offset + blk.count) * d);
  };
  const P1 = patches(E, d, b.task1, rows('xi1'), b.lab1);
  const P2 = patches(E, d, b.task2, rows('xi2'), b.lab2);
  const up = await trainTf(Float64Array.from(rows('up')), P1.X1, P1.X2, b.lab1.y, d, { eta: p.eta, T: p.T1, eps: p.eps });
  const mask = inheritMask(m, p.alpha, stream('inherit'));
  const Wdown = Float64Array.from(rows('down'));
  const Wtr = Wdown.slice();
  for (let r = 0; r < 2 * m; r++) if (mask[r]) Wtr.set(up.W.subarray(r * d, (r + 1) * d), r * d);
  const tr = await trainTf(Wtr, P2.X1, P2.X2, b.lab2.y, d, { eta: p.eta, T: p.T2, eps: p.eps });
  const base = await trainTf(Wdown, P2.X1, P2.X2, b.lab2.y, d, { eta: p.eta, T: p.T2, eps: p.eps });
  const test = explicitTestSet(E, d, b.task2, p.nTest, stream('test.explicit'));
  const eT = await testErrorTf(tr.W, test.X1, test.X2, test.labels.yClean, d);
  const eB = await testErrorTf(base.W, test.X1, test.X2, test.labels.yClean, d);
  const se = (e: number) => Math.sqrt((e * (1 - e)) / p.nTest);
  return {
    errTransfer: eT,
    errBaseline: eB,
    seTransfer: se(eT),
    seBaseline: se(eB),
    lossUp: summary(up, true),
    lossTransfer: summary(tr, true),
    lossBaseline: summary(base, true),
    mode: 'tfjs',
    ms: performance.now() - t0,
    W: { up: up.W, transfer: tr.W, baseline: base.W },
    backend: up.backend,
  };
}

/** Fresh explicit test samples of a task (d-dimensional), for tfjs / direct test errors. */
export function explicitTestSet(E: Float64Array, d: number, task: TaskSpec, n: number, s: ReturnType<ReturnType<typeof replicateStreams>>) {
  const labels = drawLabels(n, task.flip, s);
  const noise = makeNoise(E, d, task, n, s);
  return { labels, noise, ...patches(E, d, task, noise, labels) };
}

/** Kou et al.'s single task: fresh init, n samples with label flips p, test error against the clean label. */
export interface KouParams {
  d: number;
  m: number;
  n: number;
  sigmaP: number;
  muNorm: number;
  flip: number;
  eta: number;
  sigma0: number;
  T: number;
  eps: number;
  nTest: number;
}

export function runKouFast(p: KouParams, seed: number, replicate: number, opts: { mode?: PoolMode; curves?: boolean } = {}) {
  const t0 = performance.now();
  const stream = replicateStreams(seed, replicate);
  const task = kouTask({ muNorm: p.muNorm, sigmaP: p.sigmaP, n: p.n, flip: p.flip });
  const labels = drawLabels(p.n, p.flip, stream('labels'));
  const K = 3 + 2 * p.m + p.n;
  const how = chooseMode(opts.mode ?? 'auto', p.d, K);
  let pool: Pool;
  if (how === 'explicit') {
    const E = makeBasis(p.d, stream('basis'));
    pool = explicitPool(p.d, E, [
      { name: 'down', rows: makeInit(p.m, p.d, p.sigma0, stream('init')) },
      { name: 'xi', rows: makeNoise(E, p.d, task, p.n, stream('noise')) },
    ]);
  } else {
    pool = wishartPool(
      p.d,
      [
        { name: 'down', count: 2 * p.m, scale: p.sigma0, project: [], head: stream('init') },
        { name: 'xi', count: p.n, scale: p.sigmaP, project: task.project, head: stream('noise') },
      ],
      stream('wishart'),
    );
  }
  const tr = trainFast(pool, identityCoefficients(pool, 'down'), { spec: task, labels, noise: pool.blocks.xi! }, { eta: p.eta, T: p.T, eps: p.eps, curve: opts.curves ?? false });
  const e = testErrorGaussian(pool, tr.C, task, p.nTest, testNormals(replicateSeed(seed, replicate, 'test'), p.nTest * 2 * p.m));
  // Training error against the observed labels is 0 once the (noisy) data are fitted: benign overfitting.
  return { err: e.err, errObserved: e.errObserved, se: e.se, loss: summary(tr, opts.curves ?? false), mode: pool.mode, ms: performance.now() - t0, pool, train: tr, task, labels };
}

export { materialize };
