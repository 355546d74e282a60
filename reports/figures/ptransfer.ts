import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureData, FigurePoint, Report } from '../types.ts';
import { ROOT } from '../meta.ts';
import type { Figure, PaperFigures, VlSpec } from './types.ts';

/**
 * ptransfer (Yuan et al.) and Kou et al. reproduction figures, drawn from the JSON that
 * reports/repro/ptransfer.ts writes (`npx tsx reports/repro/ptransfer.ts all` → reports/out/ptransfer/*.json;
 * TTC_PTRANSFER_REPRO=DIR to read elsewhere). Those runs are long (CNNs at d = 2000), so the report
 * does not start them: it includes whatever is present (copied into report.json `figureData`) and
 * says how to produce the rest.
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

function load(): FigureData {
  const points: FigurePoint[] = [];
  const found: string[] = [];
  for (const f of FILES) {
    const file = join(dirOf(), `${f}.json`);
    if (!existsSync(file)) continue;
    let data: ReproFile;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as ReproFile;
    } catch {
      continue;
    }
    found.push(f);
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
  }
  return {
    paper: 'ptransfer',
    title: 'Reproduction data (Yuan et al. Fig 1, Fig 2; Kou et al. heat map)',
    method: found.length ? `from reports/repro/ptransfer.ts output: ${found.join(', ')}` : 'none present: run `npx tsx reports/repro/ptransfer.ts all` (long), then re-run the report',
    points,
  };
}

function ablation(pts: FigurePoint[], fig: string, xField: string, xTitle: string, title: string): Figure | undefined {
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
  return { id: `ptransfer-${fig}`, paper: 'ptransfer', title, caption: `Simulated with and without the transferred features (paired replicates), from reports/repro/ptransfer.ts (${fig}).`, spec };
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
  jobs: [{ id: 'ptransfer/repro', paper: 'ptransfer', title: 'Reproduction data', volatile: true, run: async () => load() }],
  figures(report: Report): Figure[] {
    const pts = report.figureData['ptransfer/repro']?.points ?? [];
    return [
      ablation(pts, 'fig1a', 'N1', 'N₁ (source sample size)', 'Fig 1(a): accuracy against N₁'),
      ablation(pts, 'fig1b', 'sigmaP1', 'σ_p,1 (source noise)', 'Fig 1(b): accuracy against σ_p,1'),
      ablation(pts, 'fig1c', 'uNorm', '‖u‖ (shared signal)', 'Fig 1(c): accuracy against ‖u‖'),
      heat(pts, pts.some((p) => p.series.startsWith('fig2-paper|')) ? 'fig2-paper|gain' : 'fig2|gain', 'd', 'uNorm', 'd', '‖u‖', 'accuracy gain', 'Fig 2: accuracy gain from transfer over (d, ‖u‖)', 'ptransfer-fig2', 'Test accuracy with transfer minus without (paired), per cell; blue = positive transfer.', true),
      heat(pts, 'kou|error', 'd', 'muNorm', 'd', '‖μ‖', 'test error', 'Kou et al.: test error over (d, ‖μ‖)', 'ptransfer-kou', 'Simulated test error of the two-layer CNN against the flipped labels, per cell.', false),
    ].filter((f): f is Figure => f !== undefined);
  },
};
