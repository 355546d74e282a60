import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureData, FigurePoint, Report } from '../../../reports/types.ts';
import { ROOT } from '../../../reports/meta.ts';
import { FIG2_PAPER, fig1a, fig1b, fig1c, fig2, kouHeatmap, type ReproOptions } from './repro.ts';
import type { Figure, FigureJob, PaperFigures, VlSpec } from '../../../reports/figures/types.ts';

/**
 * ptransfer (Yuan et al.) and Kou et al. reproduction figures. At the `full` budget the report runs the
 * reproductions itself (papers/ptransfer/figures/repro.ts at the paper's settings, the report's seed, the
 * replicates below) as one figure job per figure, cached for --resume. At the other budgets those runs
 * are too long, so each job reads the JSON a separate `npx tsx papers/ptransfer/figures/repro.ts all` run wrote
 * (reports/out/ptransfer/*.json; TTC_PTRANSFER_REPRO=DIR to read elsewhere), says so in the figure's
 * method line, and says how to produce what is missing.
 */

interface Arm {
  mean: number;
  se: number;
  values?: number[];
}
interface CellPoint {
  x: Record<string, number>;
  errTransfer: Arm;
  errBaseline: Arm;
  insideCondition41?: boolean;
}
interface KouPoint {
  d: number;
  muNorm: number;
  err: Arm;
  insideCondition41?: boolean;
}
interface ReproFile {
  figure: string;
  replicates: number;
  seed: number;
  method: string;
  points: (CellPoint | KouPoint)[];
}

/**
 * Replicates per point when the full report runs a reproduction (each point pairs transfer and baseline
 * on the same replicate streams); Fig 2 runs on the paper's 8 × 7 (d, ‖u‖) grid of N_1 = 1000 cells (one
 * upstream run per d and replicate shared by its ‖u‖ row), hence fewer replicates.
 */
const FULL: Record<string, { reps: number; run: (o: ReproOptions) => Promise<unknown> | unknown }> = {
  fig1a: { reps: 6, run: (o) => fig1a(o) },
  fig1b: { reps: 6, run: (o) => fig1b(o) },
  fig1c: { reps: 4, run: (o) => fig1c(o) },
  'fig2-paper': { reps: 3, run: (o) => fig2(o, FIG2_PAPER) },
  kou: { reps: 10, run: (o) => kouHeatmap(o) },
};
const FILES = ['fig1a', 'fig1b', 'fig1c', 'fig2', 'fig2-paper', 'kou'];
const dirOf = () => process.env.TTC_PTRANSFER_REPRO ?? join(ROOT, 'reports', 'out', 'ptransfer');

function paired(a: Arm, b: Arm): { mean: number; se: number } {
  if (a.values && b.values && a.values.length === b.values.length && a.values.length > 1) {
    const d = a.values.map((x, i) => b.values![i]! - x);
    const m = d.reduce((s, x) => s + x, 0) / d.length;
    const v = d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1);
    return { mean: m, se: Math.sqrt(v / d.length) };
  }
  return { mean: b.mean - a.mean, se: Math.hypot(a.se, b.se) };
}

function pointsOf(f: string, data: ReproFile): FigurePoint[] {
  const points: FigurePoint[] = [];
  for (const p of data.points) {
    if ('muNorm' in p && 'err' in p) {
      points.push({ series: `${f}|error`, params: { d: p.d, muNorm: p.muNorm, inside: p.insideCondition41 ? 1 : 0 }, mean: p.err.mean, stderr: p.err.se, draws: data.replicates, seed: data.seed });
    } else {
      const c = p as CellPoint;
      const inside = c.insideCondition41 ? 1 : 0;
      points.push({ series: `${f}|with transfer`, params: { ...c.x, inside }, mean: 1 - c.errTransfer.mean, stderr: c.errTransfer.se, draws: data.replicates, seed: data.seed });
      points.push({ series: `${f}|without transfer`, params: { ...c.x, inside }, mean: 1 - c.errBaseline.mean, stderr: c.errBaseline.se, draws: data.replicates, seed: data.seed });
      const g = paired(c.errTransfer, c.errBaseline);
      points.push({ series: `${f}|gain`, params: { ...c.x, inside }, mean: g.mean, stderr: g.se, draws: data.replicates, seed: data.seed });
    }
  }
  return points;
}

function readRepro(f: string): ReproFile | undefined {
  const file = join(dirOf(), `${f}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReproFile;
  } catch {
    return undefined;
  }
}

function job(f: string): FigureJob {
  const full = FULL[f];
  return {
    id: `ptransfer/${f}`,
    paper: 'ptransfer',
    title: `Reproduction data: ${f}`,
    // Read from a file (not from this run) below the full budget: never served from the cache then.
    volatile: (budget) => budget !== 'full',
    run: async ({ seed, budget }) => {
      if (budget === 'full') {
        // The full report shows only what it simulated itself (no stale files mixed in).
        if (!full) return { paper: 'ptransfer', title: `Reproduction data: ${f}`, method: 'not run at the full budget (superseded by the paper-grid run)', points: [] };
        const data = (await full.run({ seed, reps: full.reps })) as ReproFile;
        return { paper: 'ptransfer', title: `Reproduction data: ${f}`, method: `simulated in this run (papers/ptransfer/figures/repro.ts ${f}, seed ${seed}, ${data.replicates} replicates): ${data.method}`, points: pointsOf(f, data) };
      }
      const data = readRepro(f);
      return {
        paper: 'ptransfer',
        title: `Reproduction data: ${f}`,
        method: data
          ? `read from ${join(dirOf(), `${f}.json`)} (seed ${data.seed}, ${data.replicates} replicates; written by papers/ptransfer/figures/repro.ts, not by this run)`
          : `none present: run \`npx ttc report --paper ptransfer --budget full\` or \`npx tsx papers/ptransfer/figures/repro.ts ${f === 'fig2-paper' ? 'fig2-paper' : f}\` (long)`,
        points: data ? pointsOf(f, data) : [],
      };
    },
  };
}

function ablation(pts: FigurePoint[], fig: string, xField: string, xTitle: string, title: string, source: string): Figure | undefined {
  const rows = pts
    .filter((p) => p.series === `${fig}|with transfer` || p.series === `${fig}|without transfer`)
    .map((p) => ({ x: p.params[xField], y: p.mean, lo: p.mean - 1.96 * p.stderr, hi: p.mean + 1.96 * p.stderr, arm: p.series.split('|')[1] }));
  if (!rows.length) return undefined;
  const color = { field: 'arm', type: 'nominal', title: null, scale: { domain: ['with transfer', 'without transfer'], range: ['#1f4e9c', '#c0392b'] } };
  const spec: VlSpec = {
    width: 420,
    height: 280,
    title: { text: title, subtitle: 'test accuracy, mean ± 1.96 se over replicates' },
    data: { values: rows },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative', title: xTitle }, y: { field: 'y', type: 'quantitative', title: 'test accuracy', scale: { zero: false } }, color } },
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
      { mark: { type: 'point', filled: true, size: 45 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color } },
    ],
  };
  return { id: `ptransfer-${fig}`, paper: 'ptransfer', title, caption: `Simulated with and without the transferred features (paired replicates). Data ${source}.`, spec };
}

function heat(pts: FigurePoint[], series: string, x: string, y: string, xTitle: string, yTitle: string, value: string, title: string, id: string, caption: string, diverging: boolean): Figure | undefined {
  const rows = pts.filter((p) => p.series === series).map((p) => ({ x: p.params[x], y: p.params[y], v: p.mean, se: p.stderr, inside: p.params.inside ? 'inside Condition 4.1' : 'outside Condition 4.1' }));
  if (!rows.length) return undefined;
  const spec: VlSpec = {
    width: 420,
    height: 300,
    title: { text: title, subtitle: 'simulated mean per cell; × marks cells outside the theorem’s conditions' },
    data: { values: rows },
    layer: [
      { mark: { type: 'rect' }, encoding: { x: { field: 'x', type: 'ordinal', title: xTitle }, y: { field: 'y', type: 'ordinal', title: yTitle, sort: 'descending' }, color: { field: 'v', type: 'quantitative', title: value, scale: diverging ? { scheme: 'redblue', domainMid: 0 } : { scheme: 'viridis' } } } },
      { transform: [{ filter: "datum.inside === 'outside Condition 4.1'" }], mark: { type: 'text', text: '×', fontSize: 14, color: '#222' }, encoding: { x: { field: 'x', type: 'ordinal' }, y: { field: 'y', type: 'ordinal', sort: 'descending' } } },
    ],
  };
  return { id, paper: 'ptransfer', title, caption, spec };
}

export const ptransferFigures: PaperFigures = {
  paper: 'ptransfer',
  jobs: FILES.map(job),
  figures(report: Report): Figure[] {
    const pts = Object.entries(report.figureData)
      .filter(([id]) => id.startsWith('ptransfer/'))
      .flatMap(([, d]) => d.points);
    // Where each figure's data came from (this run, or a file a separate reproduction run wrote).
    const source = (f: string) => report.figureData[`ptransfer/${f}`]?.method ?? 'not present';
    const fig2 = pts.some((p) => p.series.startsWith('fig2-paper|')) ? 'fig2-paper' : 'fig2';
    return [
      ablation(pts, 'fig1a', 'N1', 'N₁ (source sample size)', 'Fig 1(a): accuracy against N₁', source('fig1a')),
      ablation(pts, 'fig1b', 'sigmaP1', 'σ_p,1 (source noise)', 'Fig 1(b): accuracy against σ_p,1', source('fig1b')),
      ablation(pts, 'fig1c', 'uNorm', '‖u‖ (shared signal)', 'Fig 1(c): accuracy against ‖u‖', source('fig1c')),
      heat(pts, `${fig2}|gain`, 'd', 'uNorm', 'd', '‖u‖', 'accuracy gain', 'Fig 2: accuracy gain from transfer over (d, ‖u‖)', 'ptransfer-fig2', `Test accuracy with transfer minus without (paired), per cell; blue = positive transfer. Data ${source(fig2)}.`, true),
      heat(pts, 'kou|error', 'd', 'muNorm', 'd', '‖μ‖', 'test error', 'Kou et al.: test error over (d, ‖μ‖)', 'ptransfer-kou', `Simulated test error of the two-layer CNN against the flipped labels, per cell. Data ${source('kou')}.`, false),
    ].filter((f): f is Figure => f !== undefined);
  },
};
