import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCellFastParallel, runKouFast, type CellParams, type KouParams } from '../sim/cell.ts';
import { stopWorkers } from '../sim/parallel.ts';
import { runUSweep } from '../sim/sweep.ts';
import { baselineStatistic, kouStatistic, transferStatistic } from '../theory/formulas.ts';
import { condition41Kou, condition41Transfer } from '../theory/condition41.ts';

/**
 * Reproduction data for Yuan et al. Fig 1(a)–(c), Fig 2 and Kou et al.'s heat map, as JSON (the report
 * draws the figures). Every point is repeated over independent replicate streams (seed, k) with and
 * without transfer (paired: same target data and re-drawn filters), and carries mean ± standard error.
 *
 * Paper settings (Sec 5): d = 2000, m = 40, η = 0.01, σ_0 = 0.01, T_1 = 800, T_2 = 400, 1000 test points.
 * Unstated values and our choices (stated in every JSON as `chosen`):
 *  - Fig 1(a), (b): ‖u‖ = ‖v_1‖ = ‖v_2‖ = 5 (‖u+v_k‖ = 7.07: the baseline is neither trivial nor hopeless
 *    at d = 2000, σ_{p,2} = 5, N_2 = 100), α = 0.5 (the value of setting (4));
 *  - Fig 1(c), Fig 2: ‖v_1‖ = ‖v_2‖ (so ‖u+v_1‖ = ‖u+v_2‖ = 3), α = 0.5;
 *  - Fig 1(a) N_1 grid, Fig 1(b) σ_{p,1} grid, the Fig 2 grid (coarser than the paper's by default).
 * Test error: the exact 2m-dimensional Gaussian of the noise responses, nTest = 1000 draws × both labels
 * per replicate (mirroring the paper's 1000 test points). Engine: the exact float64 fast path (Wishart
 * pool when cheaper), baseline in a worker thread.
 * Kou et al.: n = 20, σ_p = 1, p = 0.1, m = 10, lr 0.1, 100 steps, d 100…1090, ‖μ‖ 0…9.9 on a coarser grid;
 * σ_0 is unstated: 0.01.
 */
export const PAPER: Omit<CellParams, 'N1' | 'N2' | 'sigmaP1' | 'sigmaP2' | 'uNorm' | 'v1Norm' | 'v2Norm' | 'alpha'> = {
  d: 2000,
  m: 40,
  eta: 0.01,
  sigma0: 0.01,
  T1: 800,
  T2: 400,
  eps: 0,
  nTest: 1000,
};

export interface Arm {
  mean: number;
  se: number;
  values: number[];
}

export interface Point {
  x: Record<string, number>;
  errTransfer: Arm;
  errBaseline: Arm;
  accTransfer: number;
  accBaseline: number;
  /** Thm 4.2 statistic S = Num/(Den·d) and Thm 4.3's N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) at this point. */
  S: number;
  S3: number;
  insideCondition41: boolean;
  seconds: number;
}

function arm(values: number[]): Arm {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const v = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, se: n > 1 ? Math.sqrt(v / n) : NaN, values };
}

export async function cellPoint(p: CellParams, x: Record<string, number>, seed: number, reps: number): Promise<Point> {
  const t0 = performance.now();
  const eT: number[] = [];
  const eB: number[] = [];
  for (let k = 0; k < reps; k++) {
    const r = await runCellFastParallel(p, seed, k);
    eT.push(r.errTransfer);
    eB.push(r.errBaseline);
  }
  const a = arm(eT);
  const b = arm(eB);
  return {
    x,
    errTransfer: a,
    errBaseline: b,
    accTransfer: 1 - a.mean,
    accBaseline: 1 - b.mean,
    S: transferStatistic(p),
    S3: baselineStatistic(p),
    insideCondition41: condition41Transfer(p).holds,
    seconds: (performance.now() - t0) / 1000,
  };
}

export interface FigureData {
  figure: string;
  settings: Record<string, unknown>;
  chosen: Record<string, unknown>;
  seed: number;
  replicates: number;
  method: string;
  points: Point[];
  seconds: number;
}

const METHOD =
  'exact float64 fast path (pool Gram; GD on responses), test error from the 2m-dimensional Gaussian of noise responses (nTest draws × both labels); transfer and baseline paired on the same replicate streams';

async function figure(name: string, settings: Record<string, unknown>, chosen: Record<string, unknown>, grid: { p: CellParams; x: Record<string, number> }[], seed: number, reps: number, log: (s: string) => void): Promise<FigureData> {
  const t0 = performance.now();
  const points: Point[] = [];
  for (const g of grid) {
    const pt = await cellPoint(g.p, g.x, seed, reps);
    points.push(pt);
    log(`${name} ${JSON.stringify(g.x)}: acc with ${pt.accTransfer.toFixed(3)} ± ${pt.errTransfer.se.toFixed(3)}, without ${pt.accBaseline.toFixed(3)} ± ${pt.errBaseline.se.toFixed(3)} (${pt.seconds.toFixed(1)} s)`);
  }
  return { figure: name, settings, chosen, seed, replicates: reps, method: METHOD, points, seconds: (performance.now() - t0) / 1000 };
}

export interface ReproOptions {
  seed?: number;
  reps?: number;
  log?: (s: string) => void;
}

export const FIG1A_N1 = [25, 50, 100, 200, 400];
export const FIG1B_SIGMA1 = [1, 2.5, 5, 7.5, 10];
export const FIG1C_U = [0, 0.5, 1, 1.5, 2, 2.5, 3];
export const FIG2_DEFAULT = { d: [100, 300, 500, 790], uNorm: [0, 1, 2, 3] };
export const FIG2_PAPER = { d: [100, 200, 300, 400, 500, 600, 700, 790], uNorm: [0, 0.5, 1, 1.5, 2, 2.5, 3] };

export function fig1a(o: ReproOptions = {}, n1 = FIG1A_N1): Promise<FigureData> {
  const base: CellParams = { ...PAPER, N1: 100, N2: 100, sigmaP1: 5, sigmaP2: 5, uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5 };
  return figure('fig1a', { ...PAPER, sigmaP1: 5, sigmaP2: 5, N2: 100, vary: 'N1' }, { uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5, N1: n1 }, n1.map((N1) => ({ p: { ...base, N1 }, x: { N1 } })), o.seed ?? 1, o.reps ?? 5, o.log ?? (() => {}));
}

export function fig1b(o: ReproOptions = {}, s1 = FIG1B_SIGMA1): Promise<FigureData> {
  const base: CellParams = { ...PAPER, N1: 100, N2: 100, sigmaP1: 5, sigmaP2: 5, uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5 };
  return figure('fig1b', { ...PAPER, N1: 100, N2: 100, sigmaP2: 5, vary: 'sigmaP1' }, { uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5, sigmaP1: s1 }, s1.map((sigmaP1) => ({ p: { ...base, sigmaP1 }, x: { sigmaP1 } })), o.seed ?? 1, o.reps ?? 5, o.log ?? (() => {}));
}

function uSplit(u: number, uv = 3) {
  const v = Math.sqrt(Math.max(uv * uv - u * u, 0));
  return { uNorm: u, v1Norm: v, v2Norm: v };
}

/** Points of a ‖u‖ sweep at fixed ‖u+v_k‖ = 3 (one upstream run per replicate; sim/ptransfer/sweep.ts). */
async function uSweepPoints(p: CellParams, us: readonly number[], extra: Record<string, number>, seed: number, reps: number, log: (s: string) => void): Promise<Point[]> {
  const t0 = performance.now();
  const eT: number[][] = us.map(() => []);
  const eB: number[][] = us.map(() => []);
  for (let k = 0; k < reps; k++) {
    const r = await runUSweep(p, 3, us, seed, k);
    r.points.forEach((pt, i) => {
      eT[i]!.push(pt.errTransfer);
      eB[i]!.push(pt.errBaseline);
    });
    log(`  sweep ${JSON.stringify(extra)} replicate ${k}: ${(r.ms / 1000).toFixed(1)} s`);
  }
  const secs = (performance.now() - t0) / 1000 / us.length;
  return us.map((u, i) => {
    const q = { ...p, ...uSplit(u) };
    const a = arm(eT[i]!);
    const b = arm(eB[i]!);
    return { x: { ...extra, uNorm: u }, errTransfer: a, errBaseline: b, accTransfer: 1 - a.mean, accBaseline: 1 - b.mean, S: transferStatistic(q), S3: baselineStatistic(q), insideCondition41: condition41Transfer(q).holds, seconds: secs };
  });
}

const SWEEP_METHOD = `${'exact float64 fast path'}; the ‖u‖ values of one replicate share one upstream run (‖u+v_1‖ = ‖u+v_2‖ = 3 fixed, frame rotated: sim/ptransfer/sweep.ts), test error from the 2m-dimensional Gaussian (nTest draws × both labels); transfer and baseline paired`;

export async function fig1c(o: ReproOptions = {}, us = FIG1C_U, d = PAPER.d): Promise<FigureData> {
  const t0 = performance.now();
  const base: CellParams = { ...PAPER, d, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, alpha: 0.5, ...uSplit(0) };
  const log = o.log ?? (() => {});
  const points = await uSweepPoints(base, us, {}, o.seed ?? 1, o.reps ?? 3, log);
  for (const pt of points) log(`fig1c ${JSON.stringify(pt.x)}: acc with ${pt.accTransfer.toFixed(3)} ± ${pt.errTransfer.se.toFixed(3)}, without ${pt.accBaseline.toFixed(3)} ± ${pt.errBaseline.se.toFixed(3)}`);
  return {
    figure: 'fig1c',
    settings: { ...PAPER, d, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, uv2Norm: 3, vary: 'uNorm' },
    chosen: { alpha: 0.5, v1Norm: 'sqrt(9 − ‖u‖²) (= ‖v_2‖)', uNorm: us },
    seed: o.seed ?? 1,
    replicates: o.reps ?? 3,
    method: SWEEP_METHOD,
    points,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function fig2Params(d: number, u: number): CellParams {
  return { ...PAPER, d, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, alpha: 0.5, ...uSplit(u) };
}

/** One Fig 2 cell on its own (a full cell: its own upstream run), for the benchmark. */
export function fig2Cell(d: number, u: number, seed: number, reps: number): Promise<Point> {
  return cellPoint(fig2Params(d, u), { d, uNorm: u }, seed, reps);
}

export async function fig2(o: ReproOptions = {}, grid = FIG2_DEFAULT): Promise<FigureData> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  const points: Point[] = [];
  for (const d of grid.d) {
    const pts = await uSweepPoints(fig2Params(d, 0), grid.uNorm, { d }, o.seed ?? 1, o.reps ?? 2, log);
    for (const pt of pts) log(`fig2 ${JSON.stringify(pt.x)}: acc with ${pt.accTransfer.toFixed(3)} ± ${pt.errTransfer.se.toFixed(3)}, without ${pt.accBaseline.toFixed(3)}`);
    points.push(...pts);
  }
  return {
    figure: 'fig2',
    settings: { ...PAPER, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, alpha: 0.5, uv2Norm: 3, grid },
    chosen: { v1Norm: 'sqrt(9 − ‖u‖²) (= ‖v_2‖)', thresholds: [0.65, 0.7] },
    seed: o.seed ?? 1,
    replicates: o.reps ?? 2,
    method: SWEEP_METHOD,
    points,
    seconds: (performance.now() - t0) / 1000,
  };
}

export interface KouPoint {
  d: number;
  muNorm: number;
  err: Arm;
  errClean: Arm;
  statistic: number;
  insideCondition41: boolean;
}

export const KOU_GRID = { d: [100, 210, 320, 430, 540, 650, 760, 870, 980, 1090], muNorm: [0, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9] };

export function kouHeatmap(o: ReproOptions = {}, grid = KOU_GRID): { figure: string; settings: Record<string, unknown>; chosen: Record<string, unknown>; seed: number; replicates: number; method: string; points: KouPoint[]; seconds: number } {
  const t0 = performance.now();
  const reps = o.reps ?? 10;
  const seed = o.seed ?? 1;
  const points: KouPoint[] = [];
  for (const d of grid.d) {
    for (const mu of grid.muNorm) {
      const p: KouParams = { d, m: 10, n: 20, sigmaP: 1, muNorm: mu, flip: 0.1, eta: 0.1, sigma0: 0.01, T: 100, eps: 0, nTest: 1000 };
      const e: number[] = [];
      const c: number[] = [];
      for (let k = 0; k < reps; k++) {
        const r = runKouFast(p, seed, k);
        e.push(r.errObserved);
        c.push(r.err);
      }
      points.push({ d, muNorm: mu, err: arm(e), errClean: arm(c), statistic: kouStatistic({ n: 20, muNorm: mu, sigmaP: 1, d }), insideCondition41: condition41Kou(p).holds });
    }
    o.log?.(`kou d=${d} done`);
  }
  return {
    figure: 'kou-heatmap',
    settings: { n: 20, sigmaP: 1, flip: 0.1, m: 10, eta: 0.1, T: 100, nTest: 1000, grid },
    chosen: { sigma0: 0.01, grid: 'coarser than the authors’ (d step 110, ‖μ‖ step 1.1)' },
    seed,
    replicates: reps,
    method: 'exact float64 fast path; err = test error against the flipped label = p + (1 − 2p)·P(ȳ f < 0)',
    points,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** CLI: tsx papers/ptransfer/figures/repro.ts [fig1a|fig1b|fig1c|fig2|fig2-paper|kou|all] [--seed N] [--reps N] [--out DIR] */
export async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const which = args[0] ?? 'all';
  const seed = Number(flag('seed') ?? 1);
  const reps = flag('reps') !== undefined ? Number(flag('reps')) : undefined;
  const out = flag('out') ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reports', 'out', 'ptransfer');
  mkdirSync(out, { recursive: true });
  const o: ReproOptions = { seed, reps, log: (s) => console.log(s) };
  const jobs: Record<string, () => Promise<unknown> | unknown> = {
    kou: () => kouHeatmap(o),
    fig1a: () => fig1a(o),
    fig1b: () => fig1b(o),
    fig1c: () => fig1c(o),
    fig2: () => fig2(o),
    'fig2-paper': () => fig2(o, FIG2_PAPER),
  };
  const names = which === 'all' ? ['kou', 'fig1a', 'fig1b', 'fig1c', 'fig2'] : [which];
  for (const n of names) {
    const job = jobs[n];
    if (!job) throw new Error(`unknown figure '${n}'; expected one of ${Object.keys(jobs).join(', ')} or all`);
    const data = await job();
    const file = join(out, `${n}.json`);
    writeFileSync(file, JSON.stringify(data, null, 1));
    console.log(`wrote ${file}`);
  }
  await stopWorkers();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
