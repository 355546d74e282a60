import { describe, expect, it } from 'vitest';
import { compareMean, summarize } from '../../../core/stats/index.ts';
import { validateParams } from '../../../core/params.ts';
import { fastSims } from '../sim/sims.ts';
import { fastSweep } from '../sim/fastSweep.ts';
import { fateJobs, ftValue, ltValue, sweepPoints, SLICE_LABELS, SLICE_THETAS, PHASE_SIGMAS } from './fateData.ts';

/** Two-sample z test of equal means (seeded data, α = 1e-3 per comparison), as fastSweep.test.ts. */
function twoSample(a: number[], b: number[]) {
  const sa = summarize(a);
  const sb = summarize(b);
  return compareMean({ mean: sa.mean - sb.mean, stderr: Math.sqrt(sa.stderr ** 2 + sb.stderr ** 2), draws: Math.min(a.length, b.length) }, 0, 1e-3);
}

const sim = (id: string) => fastSims.find((s) => s.id === id)!;

/** The per-cell draws a sweep gives a (γ, θ) cell, recomputed from fastSweep at the point's seed. */
function sweepDraws(d: number, gammas: number[], thetas: number[], sigma: number, draws: number, seed: number, fineTune: boolean, value: typeof ltValue) {
  const cells = fastSweep({ d, ns: gammas.map((g) => Math.round(g * d)), thetas, sigma, draws, seed, L: 2, fineTune });
  return (gi: number, ti: number) => Array.from({ length: draws }, (_, r) => value(cells[gi]![ti]!, r));
}

describe('fate figure grids from one shared sweep (fateData.ts sweepPoints)', () => {
  it('each cell is its own simulation in law: linear transfer (fate.transferability-lt.fast) at n < d and n > d', async () => {
    const d = 30;
    // n = 9, 18, 48: |n − d| ≥ 12, where the noise term's trace has the moments a variance comparison needs
    const gammas = [0.3, 0.6, 1.6];
    const thetas = [0.4, 1.2];
    const pts = sweepPoints('t', 's', d, gammas, thetas, 0.3, 1500, 7, false, ltValue);
    const drawsOf = sweepDraws(d, gammas, thetas, 0.3, 1500, pts[0]!.seed, false, ltValue);
    const lt = sim('fate.transferability-lt.fast');
    let k = 0;
    for (const theta of thetas)
      for (const gamma of gammas) {
        const p = pts[k++]!;
        expect(p.params).toEqual({ gamma, theta, sigma: 0.3, d });
        const own = await lt.run(validateParams(lt.params, { gamma, theta, sigma: 0.3, d }, lt.id, lt.constraints), { seed: 100 + k, draws: 1500 });
        const shared = drawsOf(gammas.indexOf(gamma), thetas.indexOf(theta));
        expect(summarize(shared).mean).toBeCloseTo(p.mean, 12);
        expect(twoSample(shared, own.values).pValue, `γ = ${gamma}, θ = ${theta}: sweep ${p.mean} vs own ${own.mean}`).toBeGreaterThan(1e-3);
        // the spread too (a law, not only a mean)
        expect(Math.abs(summarize(shared).variance / summarize(own.values).variance - 1)).toBeLessThan(0.2);
      }
  });
  it('each cell is its own simulation in law: fine-tuning (fate.transferability-ft.fast, flow end point)', async () => {
    const d = 24;
    const gammas = [0.4, 0.75];
    const thetas = [0.5, 1.3];
    const pts = sweepPoints('t', 's', d, gammas, thetas, 0, 300, 8, true, ftValue);
    const drawsOf = sweepDraws(d, gammas, thetas, 0, 300, pts[0]!.seed, true, ftValue);
    const ft = sim('fate.transferability-ft.fast');
    let k = 0;
    for (const theta of thetas)
      for (const gamma of gammas) {
        const p = pts[k++]!;
        const own = await ft.run(validateParams(ft.params, { gamma, theta, sigma: 0, d }, ft.id, ft.constraints), { seed: 200 + k, draws: 300 });
        const shared = drawsOf(gammas.indexOf(gamma), thetas.indexOf(theta));
        expect(summarize(shared).mean).toBeCloseTo(p.mean, 12);
        expect(twoSample(shared, own.values).pValue, `γ = ${gamma}, θ = ${theta}: sweep ${p.mean} vs own ${own.mean}`).toBeGreaterThan(1e-3);
      }
  });
  it('the three jobs keep their cells (series, γ, θ, σ, d) and order', async () => {
    const job = (id: string) => fateJobs.find((j) => j.id === id)!;
    const grid = await job('fate/lt-phase-grid').run({ seed: 5, budget: 'test' });
    const thetasTest = [Math.PI / 8, (3 * Math.PI) / 8].map((t) => Number(t.toFixed(6)));
    const expected = PHASE_SIGMAS.flatMap((sigma) => thetasTest.flatMap((theta) => [0.5, 1.5].map((gamma) => ({ series: `σ = ${sigma}`, params: { gamma, theta, sigma, d: 60 } }))));
    expect(grid.points.map((p) => ({ series: p.series, params: p.params }))).toEqual(expected);
    expect(grid.points.every((p) => p.draws === 3 && Number.isFinite(p.mean))).toBe(true);
    const slices = await job('fate/ft-slices').run({ seed: 5, budget: 'test' });
    const expectedFt = SLICE_THETAS.flatMap((t, i) => [0.3, 0.7, 1.5].map((gamma) => ({ series: SLICE_LABELS[i]!, params: { gamma, theta: Number(t.toFixed(6)), sigma: 0, d: 60 } })));
    expect(slices.points.map((p) => ({ series: p.series, params: p.params }))).toEqual(expectedFt);
    const lts = await job('fate/lt-slices').run({ seed: 5, budget: 'test' });
    const expectedLt = SLICE_THETAS.flatMap((t, i) => [0.3, 0.7, 1.5].map((gamma) => ({ series: SLICE_LABELS[i]!, params: { gamma, theta: Number(t.toFixed(6)), sigma: 0.2, d: 60 } })));
    expect(lts.points.map((p) => ({ series: p.series, params: p.params }))).toEqual(expectedLt);
    // n = 90 > d: fine-tuning equals scratch there, 𝒯_ft = 0 in every draw
    expect(slices.points.filter((p) => p.params.gamma === 1.5).every((p) => p.mean === 0)).toBe(true);
  });
});
