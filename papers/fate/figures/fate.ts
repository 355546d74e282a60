import { ltTransferability, ltTransferabilityFinite, negativeRootsUnderparam, overparamThreshold } from '../theory/phase.ts';
import { ftTransferabilityPrinted } from '../theory/fineTune.ts';
import { ridgeRiskFinite, ridgeRiskLimit } from '../theory/ridge.ts';
import type { FigurePoint, Report, ReportRecord } from '../../../reports/types.ts';
import { fateJobs, LT_SLICE_SIGMA, PHASE_SIGMAS, RIDGE, SLICE_LABELS, SLICE_THETAS } from './fateData.ts';
import type { Figure, PaperFigures, VlSpec } from '../../../reports/figures/types.ts';

/**
 * The fate paper's figures: theory surfaces and boundary curves computed from theory/fate, with the
 * simulated points (the checks' own regimes and the report's figure simulations) drawn on top.
 */

const Z = 1.96; // error bars: ±1.96 standard errors (95% normal intervals)
const SIGN_COLORS = { domain: ['> 0', '< 0', 'n.s. (|mean| < 1.96 se or ≈ 0)'], range: ['#1f4e9c', '#c0392b', '#ffffff'] };

const thetaAxis = {
  title: 'θ (angle between source and target tasks)',
  values: [0, Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8, Math.PI / 2],
  labelExpr: "datum.value < 0.01 ? '0' : abs(datum.value - PI/8) < 0.01 ? 'π/8' : abs(datum.value - PI/4) < 0.01 ? 'π/4' : abs(datum.value - 3*PI/8) < 0.01 ? '3π/8' : 'π/2'",
};

function signClass(mean: number, se: number): string {
  // Numerically zero (e.g. 𝒯_ft above γ = 1, exact up to rounding) counts as not significant too.
  if (Math.abs(mean) < 1e-6 || (Number.isFinite(se) && Math.abs(mean) < Z * se)) return SIGN_COLORS.domain[2]!;
  return mean > 0 ? SIGN_COLORS.domain[0]! : SIGN_COLORS.domain[1]!;
}

const r4 = (x: number) => Number(x.toPrecision(5));

function heatCells(f: (theta: number, gamma: number) => number, gMax: number, nt = 45, ng = 60) {
  const cells = [];
  for (let i = 0; i < nt; i++) {
    const t0 = ((Math.PI / 2) * i) / nt;
    const t1 = ((Math.PI / 2) * (i + 1)) / nt;
    for (let j = 0; j < ng; j++) {
      const g0 = (gMax * j) / ng;
      const g1 = (gMax * (j + 1)) / ng;
      const v = f(0.5 * (t0 + t1), 0.5 * (g0 + g1));
      // Cells overlap by a hair so that no anti-aliasing seams show between them.
      cells.push({ t0: r4(t0), t1: r4(Math.min(Math.PI / 2, t1 + 0.004)), g0: r4(g0), g1: r4(Math.min(gMax, g1 + 0.008)), T: Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 1 });
    }
  }
  return cells;
}

function heatLayer(cells: unknown[], title: string, gMax: number): VlSpec {
  return {
    data: { values: cells },
    mark: { type: 'rect', tooltip: false, aria: false },
    encoding: {
      x: { field: 't0', type: 'quantitative', scale: { domain: [0, Math.PI / 2], nice: false }, axis: thetaAxis },
      x2: { field: 't1' },
      y: { field: 'g0', type: 'quantitative', title: 'γ = n/d', scale: { domain: [0, gMax], nice: false } },
      y2: { field: 'g1' },
      color: { field: 'T', type: 'quantitative', title, scale: { scheme: 'redblue', domain: [-1, 1], domainMid: 0 }, legend: { orient: 'right', gradientLength: 150, values: [-1, -0.5, 0, 0.5, 1], format: '.1f' } },
    },
  };
}

function pointLayers(points: { theta: number; gamma: number; cls: string; source: string; tip: string }[]): VlSpec[] {
  if (points.length === 0) return [];
  return [
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 70, stroke: '#111', strokeWidth: 1.1, opacity: 1 },
      encoding: {
        x: { field: 'theta', type: 'quantitative' },
        y: { field: 'gamma', type: 'quantitative' },
        fill: { field: 'cls', type: 'nominal', title: 'simulated mean', scale: SIGN_COLORS, legend: { orient: 'right' } },
        shape: { field: 'source', type: 'nominal', title: 'simulated points', scale: { domain: [...new Set(points.map((p) => p.source))].sort((a, b) => (a.startsWith('grid') ? -1 : b.startsWith('grid') ? 1 : a < b ? -1 : 1)), range: ['circle', 'diamond', 'square', 'triangle-up'] }, legend: { orient: 'right', labelLimit: 230 } },
        tooltip: { field: 'tip', type: 'nominal' },
      },
    },
  ];
}

/** Boundary curves: the first named curve solid, the second dashed, the third dotted. */
function curveLayer(rows: { curve: string; theta: number; gamma: number; seg: string }[], order: string[]): VlSpec {
  const domain = order.filter((c) => rows.some((r) => r.curve === c));
  const dash: Record<string, number[]> = { [order[0]!]: [1, 0], [order[1]!]: [7, 4], [order[2] ?? '']: [2, 2] };
  return {
    data: { values: rows },
    mark: { type: 'line', color: '#111', strokeWidth: 2.2, clip: true, aria: false },
    encoding: {
      x: { field: 'theta', type: 'quantitative' },
      y: { field: 'gamma', type: 'quantitative' },
      detail: { field: 'seg', type: 'nominal' },
      strokeDash: { field: 'curve', type: 'nominal', title: 'boundaries', scale: { domain, range: domain.map((c) => dash[c]) }, legend: { orient: 'right', symbolStrokeWidth: 2, labelLimit: 230 } },
      order: { field: 'theta', type: 'quantitative' },
    },
  };
}

function ltBoundaries(sigma: number, gMax: number) {
  const rows: { curve: string; theta: number; gamma: number; seg: string }[] = [];
  for (let i = 0; i <= 200; i++) {
    const th = ((Math.PI / 2) * i) / 200;
    const roots = negativeRootsUnderparam(th, sigma);
    if (roots) {
      rows.push({ curve: 'γ₋(θ), γ₊(θ)', theta: r4(th), gamma: r4(roots.gammaMinus), seg: 'minus' });
      rows.push({ curve: 'γ₋(θ), γ₊(θ)', theta: r4(th), gamma: r4(roots.gammaPlus), seg: 'plus' });
    }
    const thr = overparamThreshold(th, sigma);
    if (thr <= gMax * 1.2) rows.push({ curve: '1 + σ²/sin²θ', theta: r4(th), gamma: r4(thr), seg: 'over' });
  }
  for (const th of [0, Math.PI / 2]) rows.push({ curve: 'γ = 1', theta: r4(th), gamma: 1, seg: 'one' });
  return rows;
}

/** Heat-map cells (θ × γ): coarse for the tiny test budget, fine for the full one. */
function resolution(report: Report): [number, number] {
  return report.meta.budget === 'test' ? [18, 24] : report.meta.budget === 'full' ? [60, 80] : [45, 60];
}

function recordsOf(report: Report, checkId: string): ReportRecord[] {
  return report.records.filter((r) => r.checkId === checkId);
}

function points(report: Report, jobId: string): FigurePoint[] {
  return report.figureData[jobId]?.points ?? [];
}

function phaseFigure(report: Report, sigma: number): Figure {
  const gMax = 3;
  const cells = heatCells((th, g) => ltTransferability(g, th, sigma), gMax, ...resolution(report));
  const grid = points(report, 'fate/lt-phase-grid')
    .filter((p) => p.params.sigma === sigma)
    .map((p) => ({ theta: p.params.theta!, gamma: p.params.gamma!, cls: signClass(p.mean, p.stderr), source: `grid (d = ${p.params.d})`, tip: `θ=${p.params.theta}, γ=${p.params.gamma}: ${p.mean.toPrecision(3)} ± ${p.stderr.toPrecision(2)}` }));
  const tol = 0.1;
  const check = recordsOf(report, 'fate.eq13/phase-signs')
    .filter((r) => Math.abs((r.params.sigma ?? NaN) - sigma) <= tol && (r.params.gamma ?? 0) <= gMax)
    .map((r) => ({ theta: r.params.theta!, gamma: r.params.gamma!, cls: signClass(r.measurement.mean, r.measurement.stderr), source: `check (σ ± ${tol})`, tip: `σ=${r.params.sigma}, θ=${r.params.theta}, γ=${r.params.gamma}, d=${r.params.d}: ${r.measurement.mean.toPrecision(3)} ± ${r.measurement.stderr.toPrecision(2)} (${r.verdict})` }));
  return {
    id: `fate-phase-lt-sigma${sigma}`,
    paper: 'fate',
    title: `Linear-transfer transferability 𝒯_lt over (θ, γ) at σ = ${sigma} — eq (13), Fig 1(b)`,
    caption:
      `Heat map: eq (13) in the limit n, d → ∞ (red = negative transfer, blue = positive; clipped to [−1, 1]). ` +
      `Solid: γ₋(θ), γ₊(θ), the ends of the γ < 1 negative region; dashed: 1 + σ²/sin²θ, above which γ > 1 transfer is negative; dotted: γ = 1. ` +
      `Points: simulated 𝒯_lt (fast exact reduction), filled by the sign of the simulated mean; circles are the report's grid at exactly σ = ${sigma}, ` +
      `diamonds the regimes drawn by check fate.eq13/phase-signs with σ within ${tol} of ${sigma} (each judged against its own σ).`,
    spec: {
      width: 400,
      height: 340,
      title: { text: `𝒯_lt over (θ, γ), σ = ${sigma}`, subtitle: 'theory surface and boundaries, simulated points on top' },
      layer: [heatLayer(cells, '𝒯_lt (eq 13)', gMax), curveLayer(ltBoundaries(sigma, gMax), ['γ₋(θ), γ₊(θ)', '1 + σ²/sin²θ', 'γ = 1']), ...pointLayers([...grid, ...check])],
      resolve: { scale: { color: 'independent', fill: 'independent', shape: 'independent', strokeDash: 'independent' } },
    },
  };
}

function ftSurfaceFigure(report: Report): Figure {
  const gMax = 2;
  const cells = heatCells((th, g) => ftTransferabilityPrinted(g, th), gMax, ...resolution(report));
  const bounds = [
    ...[0, 1].map((g) => ({ curve: 'θ = π/3', theta: r4(Math.PI / 3), gamma: g, seg: 'pi3' })),
    ...[0, Math.PI / 2].map((th) => ({ curve: 'γ = 1', theta: r4(th), gamma: 1, seg: 'one' })),
  ];
  const pts = [
    ...recordsOf(report, 'fate.eq17/signs-noiseless').map((r) => ({ r, source: 'check (σ = 0)' })),
    ...recordsOf(report, 'fate.eq17/signs-noisy').map((r) => ({ r, source: 'check (σ ≥ 1.2)' })),
  ].map(({ r, source }) => ({ theta: r.params.theta!, gamma: r.params.gamma!, cls: signClass(r.measurement.mean, r.measurement.stderr), source, tip: `σ=${r.params.sigma}, θ=${r.params.theta}, γ=${r.params.gamma}: ${r.measurement.mean.toPrecision(3)} ± ${r.measurement.stderr.toPrecision(2)} (${r.verdict})` }));
  const slice = points(report, 'fate/ft-slices')
    .filter((p) => p.params.gamma! <= gMax)
    .map((p) => ({ theta: p.params.theta!, gamma: p.params.gamma!, cls: signClass(p.mean, p.stderr), source: `grid (d = ${p.params.d})`, tip: `θ=${p.params.theta}, γ=${p.params.gamma}: ${p.mean.toPrecision(3)} ± ${p.stderr.toPrecision(2)}` }));
  return {
    id: 'fate-phase-ft',
    paper: 'fate',
    title: 'Fine-tuning transferability 𝒯_ft over (θ, γ) — eq (17), Fig 3',
    caption:
      'Heat map: eq (17) as printed, 𝒯_ft = (γ − 1)(1 − 2cos θ) for γ ≤ 1 and 0 above (red = negative). Solid: θ = π/3 (sign change for γ < 1); dashed: γ = 1. ' +
      'Points: simulated 𝒯_ft at the gradient-flow end point, filled by the sign of the simulated mean. With label noise (σ ≥ 1.2, a recorded deviation) ' +
      'the sign changes below π/3, at θ = arccos(k/2).',
    spec: {
      width: 400,
      height: 300,
      title: { text: '𝒯_ft over (θ, γ)', subtitle: 'theory surface and boundaries, simulated points on top' },
      layer: [heatLayer(cells, '𝒯_ft (eq 17)', gMax), curveLayer(bounds, ['θ = π/3', 'γ = 1']), ...pointLayers([...slice, ...pts])],
      resolve: { scale: { color: 'independent', fill: 'independent', shape: 'independent', strokeDash: 'independent' } },
    },
  };
}

interface SliceOpts {
  id: string;
  title: string;
  /** Title drawn in the figure itself (the full one is the caption's). */
  short: string;
  caption: string;
  jobId: string;
  yTitle: string;
  xTitle: string;
  xField: string;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Theory lines: label (legend "theory") and value at (series index, x); NaN breaks the line. */
  theory: { label: string; f: (i: number, x: number) => number }[];
  xs: number[];
}

function sliceFigure(report: Report, o: SliceOpts): Figure {
  const lines: { series: string; theory: string; x: number; y: number; seg: string }[] = [];
  for (const t of o.theory)
    for (const [i, s] of SLICE_LABELS.entries()) {
      let seg = 0;
      let prevOk = false;
      for (const x of o.xs) {
        const y = t.f(i, x);
        const ok = Number.isFinite(y) && y >= o.yDomain[0] - 0.5 && y <= o.yDomain[1] + 0.5;
        if (!ok) {
          if (prevOk) seg++;
          prevOk = false;
          continue;
        }
        prevOk = true;
        lines.push({ series: s, theory: t.label, x: r4(x), y: r4(y), seg: `${s}|${t.label}|${seg}` });
      }
    }
  const pts = points(report, o.jobId).map((p) => ({
    series: p.series,
    x: p.params[o.xField]!,
    y: p.mean,
    lo: p.mean - Z * (Number.isFinite(p.stderr) ? p.stderr : 0),
    hi: p.mean + Z * (Number.isFinite(p.stderr) ? p.stderr : 0),
    tip: `${p.series}, ${o.xField}=${p.params[o.xField]}: ${p.mean.toPrecision(4)} ± ${p.stderr.toPrecision(2)} (${p.draws} draws)`,
  }));
  const color = { field: 'series', type: 'nominal', title: 'angle', scale: { domain: SLICE_LABELS, range: ['#1b9e77', '#d95f02', '#7570b3'] } };
  const x = { field: 'x', type: 'quantitative', title: o.xTitle, scale: { domain: o.xDomain, nice: false } };
  const y = { field: 'y', type: 'quantitative', title: o.yTitle, scale: { domain: o.yDomain, nice: false } };
  const layers: VlSpec[] = [
    { mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, data: { values: [{ y: 0 }] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    {
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 2, clip: true },
      encoding: { x, y, color, detail: { field: 'seg', type: 'nominal' }, strokeDash: { field: 'theory', type: 'nominal', title: 'theory', legend: { symbolStrokeWidth: 2, labelLimit: 360 } }, order: { field: 'x', type: 'quantitative' } },
    },
  ];
  if (pts.length)
    layers.push(
      { data: { values: pts }, mark: { type: 'rule', strokeWidth: 1.5, clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
      { data: { values: pts }, mark: { type: 'point', filled: true, size: 45, stroke: '#111', strokeWidth: 0.8, clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color, tooltip: { field: 'tip', type: 'nominal' } } },
    );
  return { id: o.id, paper: 'fate', title: o.title, caption: o.caption, spec: { width: 500, height: 320, title: { text: o.short, subtitle: 'lines: theory; points: simulation, mean ± 1.96 se' }, layer: layers } };
}

function grid(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => lo + ((hi - lo) * k) / n);
}

function ltSlices(report: Report): Figure {
  const d = points(report, 'fate/lt-slices')[0]?.params.d;
  const xs = grid(0.01, 3, 600).filter((g) => Math.abs(g - 1) > 0.004);
  return sliceFigure(report, {
    id: 'fate-slices-lt',
    title: `𝒯_lt along γ at θ = π/8, π/4, 3π/8 (σ = ${LT_SLICE_SIGMA}) — Fig 1(c) style`,
    caption: `Solid: eq (13) (the limit). Dashed: the exact finite-size 𝒯_lt(n, d) at d = ${d ?? '—'}, n = round(γd) (scratch risk minus eq 12). Points: fate.transferability-lt.fast at d = ${d ?? '—'}, mean ± 1.96 standard errors. Negative values are negative transfer.`,
    short: `𝒯_lt along γ, σ = ${LT_SLICE_SIGMA}`,
    jobId: 'fate/lt-slices',
    yTitle: '𝒯_lt = E R_sc − E R_lt',
    xTitle: 'γ = n/d',
    xField: 'gamma',
    xDomain: [0, 3],
    yDomain: [-1, 1.5],
    xs,
    theory: [
      { label: 'eq (13), n, d → ∞', f: (i, g) => ltTransferability(g, SLICE_THETAS[i]!, LT_SLICE_SIGMA) },
      ...(d
        ? [{ label: `exact finite size, d = ${d}`, f: (i: number, g: number) => { const n = Math.round(g * d); return n >= 3 && Math.abs(n - d) >= 2 ? ltTransferabilityFinite(n, d, SLICE_THETAS[i]!, LT_SLICE_SIGMA) : NaN; } }]
        : []),
    ],
  });
}

function ftSlices(report: Report): Figure {
  const d = points(report, 'fate/ft-slices')[0]?.params.d;
  return sliceFigure(report, {
    id: 'fate-slices-ft',
    title: '𝒯_ft along γ at θ = π/8, π/4, 3π/8 (σ = 0) — Fig 3(c) style',
    caption: `Lines: eq (17), (γ − 1)(1 − 2cos θ) for γ ≤ 1 and 0 above. Points: the gradient-flow end point of fine-tuning (fate.transferability-ft.fast) at d = ${d ?? '—'}, σ = 0, mean ± 1.96 standard errors.`,
    short: '𝒯_ft along γ, σ = 0',
    jobId: 'fate/ft-slices',
    yTitle: '𝒯_ft = E R_sc − E R_ft',
    xTitle: 'γ = n/d',
    xField: 'gamma',
    xDomain: [0, 2],
    yDomain: [-0.8, 0.8],
    xs: grid(0, 2, 400),
    theory: [{ label: 'eq (17)', f: (i, g) => ftTransferabilityPrinted(g, SLICE_THETAS[i]!) }],
  });
}

function ridgeFigure(report: Report): Figure {
  const n = Math.round(RIDGE.gamma * RIDGE.d);
  return sliceFigure(report, {
    id: 'fate-ridge',
    title: `Ridge linear-transfer risk R(λ) at γ = ${RIDGE.gamma} (n = ${n}, d = ${RIDGE.d}, σ = ${RIDGE.sigma}) — eq (15), Fig 2`,
    caption: `Solid: eq (15), the n → ∞ limit 1 − cos²θ(1 + 2λ)/(1 + λ)², increasing in λ. Dashed: the exact finite-n risk (χ² quadrature, theory/fate/ridge.ts), which has its minimum at λ*(n) > 0. Points: plain ridge regression on frozen rank-one features (fate.ridge-transfer), mean ± 1.96 standard errors.`,
    short: `ridge risk R(λ), γ = ${RIDGE.gamma}, σ = ${RIDGE.sigma}`,
    jobId: 'fate/ridge-curve',
    yTitle: 'E R_lt^λ',
    xTitle: 'λ (ridge penalty)',
    xField: 'lambda',
    xDomain: [0, 2],
    yDomain: [0, 1.1],
    xs: grid(0, 2, 80),
    theory: [
      { label: 'eq (15), n → ∞', f: (i, l) => ridgeRiskLimit(SLICE_THETAS[i]!, l) },
      { label: `exact at n = ${n}`, f: (i, l) => ridgeRiskFinite(n, SLICE_THETAS[i]!, RIDGE.sigma, l) },
    ],
  });
}

export const fateFigures: PaperFigures = {
  paper: 'fate',
  jobs: fateJobs,
  figures(report: Report): Figure[] {
    return [...PHASE_SIGMAS.map((s) => phaseFigure(report, s)).reverse(), ltSlices(report), ftSurfaceFigure(report), ftSlices(report), ridgeFigure(report)];
  },
};
