import type { CheckEntry, Report, ReportRecord } from '../types.ts';
import type { Figure, VlSpec } from './types.ts';

/**
 * The generic per-check plot, for any paper: each regime's simulated mean with a 95% interval
 * (±1.96 se) against what the check compared it with. For value comparisons it is a
 * predicted-vs-measured scatter around the diagonal (the record's target: the finite-size form where
 * the check uses one); for sign comparisons the regimes are laid out by index around zero, shaped by
 * the predicted sign.
 */
const VERDICT_COLORS = { domain: ['conforms', 'deviates', 'mismatch', 'inconclusive'], range: ['#2e7d32', '#ef6c00', '#c62828', '#757575'] };

export function predictedValue(r: ReportRecord): number | undefined {
  const v = r.target ?? r.prediction.finiteSize?.value ?? r.prediction.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function genericFigure(report: Report, check: CheckEntry): Figure | undefined {
  const recs = report.records.filter((r) => r.checkId === check.checkId && Number.isFinite(r.measurement.mean));
  if (recs.length === 0) return undefined;
  const se = (r: ReportRecord) => (Number.isFinite(r.measurement.stderr) ? r.measurement.stderr : 0);
  const tip = (r: ReportRecord) => `${JSON.stringify(r.params)} → ${r.measurement.mean.toPrecision(4)} ± ${se(r).toPrecision(2)} vs ${r.statistic} (${r.verdict})`;
  const signTest = /sign/i.test(check.stats.test);
  const numeric = !signTest && recs.filter((r) => predictedValue(r) !== undefined).length >= Math.max(1, recs.length / 2);
  const color = { field: 'verdict', type: 'nominal', title: 'regime', scale: VERDICT_COLORS };
  let layers: VlSpec[];
  let axes: { x: string; y: string };
  if (numeric) {
    const rows = recs
      .filter((r) => predictedValue(r) !== undefined)
      .map((r) => ({ x: predictedValue(r)!, y: r.measurement.mean, lo: r.measurement.mean - 1.96 * se(r), hi: r.measurement.mean + 1.96 * se(r), verdict: r.verdict, tip: tip(r) }));
    const all = rows.flatMap((r) => [r.x, r.lo, r.hi]);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || 0.05;
    const diag = [{ x: lo - pad, y: lo - pad }, { x: hi + pad, y: hi + pad }];
    axes = { x: 'predicted (the value tested against)', y: 'simulated mean ± 1.96 se' };
    layers = [
      { data: { values: diag }, mark: { type: 'line', color: '#888', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      { data: { values: rows }, mark: { type: 'rule', strokeWidth: 1.4 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
      { data: { values: rows }, mark: { type: 'point', filled: true, size: 40 }, encoding: { x: { field: 'x', type: 'quantitative', title: axes.x, scale: { zero: false } }, y: { field: 'y', type: 'quantitative', title: axes.y, scale: { zero: false } }, color, tooltip: { field: 'tip', type: 'nominal' } } },
    ];
  } else {
    const rows = recs.map((r, k) => ({
      x: k + 1,
      y: r.measurement.mean,
      lo: r.measurement.mean - 1.96 * se(r),
      hi: r.measurement.mean + 1.96 * se(r),
      verdict: r.verdict,
      predicted: signLabel(r.target !== undefined ? Math.sign(r.target) : r.prediction.sign, r.prediction.kind),
      tip: tip(r),
    }));
    axes = { x: 'regime (draw order)', y: 'simulated mean ± 1.96 se' };
    layers = [
      { data: { values: [{ y: 0 }] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      { data: { values: rows }, mark: { type: 'rule', strokeWidth: 1.4 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: axes.x, axis: { tickMinStep: 1 } },
          y: { field: 'y', type: 'quantitative', title: axes.y },
          color,
          shape: { field: 'predicted', type: 'nominal', title: 'prediction', scale: shapeScale(rows.map((r) => r.predicted)) },
          tooltip: { field: 'tip', type: 'nominal' },
        },
      },
    ];
  }
  return {
    id: `check-${check.checkId.replace(/[^A-Za-z0-9._-]/g, '_')}`,
    paper: check.paper,
    title: `${check.checkId} — ${check.title}`,
    caption: `${recs.length} regimes, ${check.stats.test}, family-wise α = ${check.stats.alpha}. ${numeric ? 'Dashed: measured = predicted.' : 'Dashed: zero; shape: the predicted sign.'}`,
    spec: { width: 360, height: 220, title: { text: check.checkId, subtitle: check.verdict }, layer: layers },
  };
}

function signLabel(sign: number | undefined, kind: string): string {
  return sign === 1 ? 'predicted > 0' : sign === -1 ? 'predicted < 0' : sign === 0 ? 'predicted 0' : kind;
}

const SHAPES: Record<string, string> = { 'predicted > 0': 'triangle-up', 'predicted < 0': 'triangle-down', 'predicted 0': 'circle' };

function shapeScale(values: string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(values)].sort((a, b) => (a in SHAPES ? Object.keys(SHAPES).indexOf(a) : 9) - (b in SHAPES ? Object.keys(SHAPES).indexOf(b) : 9) || (a < b ? -1 : 1));
  return { domain, range: domain.map((v) => SHAPES[v] ?? 'square') };
}
