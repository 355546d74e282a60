import { validateParams } from '../../../core/params.ts';
import type { Measurement, SimSpec } from '../../../sim/sim.ts';
import { fastSims, ridgeTransferSim } from '../sim/sims.ts';
import { fastSweep } from '../sim/fastSweep.ts';
import type { Budget } from '../../../properties/check.ts';
import { deriveSeed } from '../../../reports/json.ts';
import type { FigureData, FigurePoint } from '../../../reports/types.ts';
import type { FigureJob } from '../../../reports/figures/types.ts';

/**
 * The fate paper's figure simulations (beyond the checks' own regimes): Fig 1(c)/3(c)-style slices at
 * θ = π/8, π/4, 3π/8, the (θ, γ) grids under the phase diagrams, and the ridge curve R(λ). Every cell
 * has its own seed derived from the report seed and the cell's label, so results do not depend on
 * which shard or in which order they run.
 */

export const SLICE_THETAS = [Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8];
export const SLICE_LABELS = ['θ = π/8', 'θ = π/4', 'θ = 3π/8'];
export const LT_SLICE_SIGMA = 0.2;
export const PHASE_SIGMAS = [0, 0.2];
export const RIDGE = { gamma: 0.5, d: 40, sigma: 0.5 };

function fast(id: string): SimSpec {
  const s = fastSims.find((x) => x.id === id);
  if (!s) throw new TypeError(`fate figures: no fast simulation '${id}' in sim/sims.ts`);
  return s;
}
const ltFastSim = fast('fate.transferability-lt.fast');
const ftFastSim = fast('fate.transferability-ft.fast');

interface Size {
  d: number;
  draws: number;
}

const SLICE_SIZE: Record<Budget, Size & { gammas: number[] }> = {
  test: { d: 60, draws: 3, gammas: [0.3, 0.7, 1.5] },
  quick: { d: 200, draws: 12, gammas: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.88, 1.12, 1.3, 1.6, 2, 2.5, 3] },
  full: { d: 400, draws: 40, gammas: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.1, 1.2, 1.35, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3] },
};

const FT_GAMMAS: Record<Budget, number[]> = {
  test: [0.3, 0.7, 1.5],
  quick: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.2, 1.6, 2],
  full: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.1, 1.25, 1.5, 1.75, 2],
};

const GRID: Record<Budget, Size & { thetas: number[]; gammas: number[] }> = {
  test: { d: 60, draws: 3, thetas: [Math.PI / 8, (3 * Math.PI) / 8], gammas: [0.5, 1.5] },
  quick: { d: 200, draws: 8, thetas: [1, 2, 3, 4, 5, 6, 7, 8].map((k) => (k * Math.PI) / 16), gammas: [0.15, 0.35, 0.55, 0.75, 0.88, 1.15, 1.5, 2, 2.5] },
  full: { d: 400, draws: 20, thetas: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((k) => (k * Math.PI) / 32), gammas: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.88, 1.12, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75] },
};

const RIDGE_SIZE: Record<Budget, { draws: number; lambdas: number[] }> = {
  test: { draws: 20, lambdas: [0, 0.5] },
  quick: { draws: 120, lambdas: [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2] },
  full: { draws: 600, lambdas: [0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.25, 1.5, 2] },
};

async function cell(jobId: string, series: string, sim: SimSpec, params: Record<string, number>, draws: number, seed: number, pick?: (m: Measurement) => number[]): Promise<FigurePoint> {
  const label = `${jobId}|${series}|${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(',')}`;
  const s = deriveSeed(seed, label);
  const m = await sim.run(validateParams(sim.params, params, sim.id, sim.constraints), { seed: s, draws });
  const values = pick ? pick(m) : m.values;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : NaN;
  return { series, params, mean, stderr: sd / Math.sqrt(values.length), draws: values.length, seed: s };
}

/**
 * A whole (γ, θ) grid of one series from one fast sweep (fastSweep.ts, the simulations' own engine, as the benchmark
 * runs it): each draw is shared by every θ and, through nested leading blocks of the design (n < d) and prefixes of
 * Xβ_s, Xν, ε (n > d), by every n — common random numbers across the cells. Each cell's draws are the same random
 * quantity as its own fastCell run (fate.transferability-lt.fast / -ft.fast at that γ, θ): iid over draws, same law
 * (fastSweep.test.ts: a leading block of a larger draw, the sharing across θ and n); only the cells' errors are now
 * correlated. Why: the grids re-drew and re-factored the design for every cell — fate/lt-phase-grid 544 cells at
 * d = 400 ('full') 52 s, fate/lt-slices 14 s, fate/ft-slices 66 cells × 40 draws each with its own Gram matrix and eigen-decompositions
 * 123 s — where one sweep per series draws each design once. One seed per series, derived from its label.
 */
export function sweepPoints(jobId: string, series: string, d: number, gammas: readonly number[], thetas: readonly number[], sigma: number, draws: number, seed: number, fineTune: boolean, value: (cell: ReturnType<typeof fastSweep>[number][number], r: number) => number): FigurePoint[] {
  const gs = gammas.filter((g) => admissible(g, d));
  if (!gs.length) return [];
  const ths = thetas.map(round);
  const s = deriveSeed(seed, `${jobId}|${series}|sweep d=${d}`);
  const cells = fastSweep({ d, ns: gs.map((g) => Math.round(g * d)), thetas: ths, sigma, draws, seed: s, L: 2, fineTune });
  const points: FigurePoint[] = [];
  ths.forEach((theta, ti) =>
    gs.forEach((gamma, gi) => {
      const cell = cells[gi]![ti]!;
      const values = Array.from({ length: draws }, (_, r) => value(cell, r));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : NaN;
      points.push({ series, params: { gamma, theta, sigma, d }, mean, stderr: sd / Math.sqrt(values.length), draws: values.length, seed: s });
    }),
  );
  return points;
}

/** 𝒯_lt = E_ε R_sc − E_ε R_lt per draw (noise integrated), the values of fate.transferability-lt.fast. */
export const ltValue = (c: ReturnType<typeof fastSweep>[number][number], r: number) => c.sc[r]! - c.lt[r]!;
/** 𝒯_ft = R_sc − R_ft per draw (sampled noise, flow end point), the values of fate.transferability-ft.fast. */
export const ftValue = (c: ReturnType<typeof fastSweep>[number][number], r: number) => c.scSampled[r]! - c.ft[r]!;

/** n = round(γd) must stay ≥ 2 away from d (the scratch noise term has infinite mean there). */
function admissible(gamma: number, d: number): boolean {
  const n = Math.round(gamma * d);
  return n >= 3 && Math.abs(n - d) >= 2;
}

const round = (x: number) => Number(x.toFixed(6));

export const fateJobs: FigureJob[] = [
  {
    id: 'fate/lt-slices',
    paper: 'fate',
    title: 'Linear-transfer transferability along γ at three angles (Fig 1(c) style)',
    async run({ seed, budget }): Promise<FigureData> {
      const z = SLICE_SIZE[budget];
      // One sweep for the three angles and every γ (sweepPoints); each point's series is its angle's label.
      const all = sweepPoints(this.id, 'slices', z.d, z.gammas, SLICE_THETAS, LT_SLICE_SIGMA, z.draws, seed, false, ltValue);
      const points = all.map((p) => ({ ...p, series: SLICE_LABELS[SLICE_THETAS.map(round).indexOf(p.params.theta!)]! }));
      return { paper: 'fate', title: this.title, method: `${ltFastSim.id}'s engine (fastSweep) at d = ${z.d}, σ = ${LT_SLICE_SIGMA}, ${z.draws} draws per point (label noise integrated exactly), one sweep shared by every point (common random numbers)`, points };
    },
  },
  {
    id: 'fate/ft-slices',
    paper: 'fate',
    title: 'Fine-tuning transferability along γ at three angles (Fig 3(c) style, σ = 0)',
    async run({ seed, budget }): Promise<FigureData> {
      const z = SLICE_SIZE[budget];
      // One sweep for the three angles and every γ (sweepPoints); each point's series is its angle's label.
      const all = sweepPoints(this.id, 'slices', z.d, FT_GAMMAS[budget], SLICE_THETAS, 0, z.draws, seed, true, ftValue);
      const points = all.map((p) => ({ ...p, series: SLICE_LABELS[SLICE_THETAS.map(round).indexOf(p.params.theta!)]! }));
      return { paper: 'fate', title: this.title, method: `${ftFastSim.id}'s engine (fastSweep, gradient-flow end point, exact reduction) at d = ${z.d}, σ = 0, ${z.draws} draws per point, one sweep shared by every point (common random numbers)`, points };
    },
  },
  {
    id: 'fate/lt-phase-grid',
    paper: 'fate',
    title: 'Linear-transfer transferability on a (θ, γ) grid at σ = 0 and σ = 0.2',
    async run({ seed, budget }): Promise<FigureData> {
      const z = GRID[budget];
      const points: FigurePoint[] = [];
      // One sweep per σ over the whole (θ, γ) grid (sweepPoints), θ outer as before.
      for (const sigma of PHASE_SIGMAS) points.push(...sweepPoints(this.id, `σ = ${sigma}`, z.d, z.gammas, z.thetas, sigma, z.draws, seed, false, ltValue));
      return { paper: 'fate', title: this.title, method: `${ltFastSim.id}'s engine (fastSweep) at d = ${z.d}, ${z.draws} draws per cell, one sweep per σ shared by its cells (common random numbers)`, points };
    },
  },
  {
    id: 'fate/ridge-curve',
    paper: 'fate',
    title: 'Ridge linear-transfer risk R(λ) at γ = 0.5 (Fig 2 style)',
    async run({ seed, budget }): Promise<FigureData> {
      const z = RIDGE_SIZE[budget];
      const n = Math.round(RIDGE.gamma * RIDGE.d);
      const points: FigurePoint[] = [];
      for (const [i, theta] of SLICE_THETAS.entries())
        for (const lambda of z.lambdas)
          points.push(await cell(this.id, SLICE_LABELS[i]!, ridgeTransferSim, { n, theta: round(theta), sigma: RIDGE.sigma, lambda, d: RIDGE.d }, z.draws, seed));
      return { paper: 'fate', title: this.title, method: `fate.ridge-transfer (plain ridge on frozen rank-one features) at n = ${n}, d = ${RIDGE.d} (γ = ${RIDGE.gamma}), σ = ${RIDGE.sigma}, ${z.draws} draws per point`, points };
    },
  },
];
