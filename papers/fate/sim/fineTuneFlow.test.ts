import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, forwardSolve, gramRows } from '../../../core/linalg/dense.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { relNormError } from '../../../core/stats/compare.ts';
// Tests may read theory: the derived end point is tested here against the integrated flow, never used by it.
import { fineTuneK, fineTuneKLimit } from '../theory/fineTuneEndpoint.ts';
import { fastSweep } from './fastSweep.ts';
import { fineTuneSpectralFlow } from './fineTuneFlow.ts';
import { LeastSquares, reducedFineTune, sampleTarget, taskPair } from './gd/data.ts';
import { fineTune, flowEndpoint, gdConfig, pretrain, targetObjective } from './gd/runs.ts';
import { symmetricEigenProject } from './spectral.ts';

describe('spectral projection (Householder + QL)', () => {
  it.each([
    [1, 3],
    [2, 5],
    [9, 20],
    [60, 80],
  ])('n = %i, d = %i: eigenvalues match ml-matrix; projections preserve norms and quadratic forms', (n, d) => {
    const rng = Stream.fromSeed(n * 31 + d);
    const x = rng.normals(n * d);
    const g = gramRows(x, n, d);
    const u = rng.normals(n);
    const v = rng.normals(n);
    const sp = symmetricEigenProject(g.slice(), n, [u, v]);
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, g[i * n + j]!);
    const ref = new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
    const mine = Array.from(sp.values).sort((a, b) => a - b);
    ref.forEach((l, i) => expect(Math.abs(l - mine[i]!) / ref[n - 1]!).toBeLessThan(1e-12));
    const [pu, pv] = sp.projections as [Float64Array, Float64Array];
    let uv = 0;
    let uGv = 0;
    let uGiv = 0;
    for (let i = 0; i < n; i++) {
      uv += pu[i]! * pv[i]!;
      uGv += sp.values[i]! * pu[i]! * pv[i]!;
      uGiv += (pu[i]! * pv[i]!) / sp.values[i]!;
    }
    const gv = m.mmul(Matrix.columnVector(Array.from(v))).getColumn(0);
    const l = choleskyInPlace(g.slice(), n);
    const lu = forwardSolve(l, n, u);
    const lv = forwardSolve(l, n, v);
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, i) => s + ai * b[i]!, 0);
    expect(uv).toBeCloseTo(dot(u, v), 10);
    expect(uGv / dot(u, gv) - 1).toBeLessThan(1e-11);
    expect(Math.abs(uGiv - dot(lu, lv))).toBeLessThan(1e-11 * (1 + Math.abs(uGiv)));
  });
});

/**
 * The reduction against the full deep-linear GD simulator (pretrain from α = 1e-3, then fine-tune all
 * layers; Richardson-extrapolated in the step fraction c): the gap must be GD's own discretisation error,
 * so it must shrink when c is halved — the reduction is the limit GD converges to, not a nearby point.
 * GD stops at ℓ − ℓ* ≤ 1e-15 here: at the simulator's default 1e-12 its stopping error alone is ~5e-6.
 */
describe('reduced flow vs full deep-linear GD (d ≤ 40)', () => {
  it.each([
    // d, n, L, σ, θ
    [12, 5, 2, 0, 1.0],
    [24, 10, 2, 1, 0.7],
    [40, 25, 3, 0.5, 1.3],
    [40, 12, 2, 1.5, 0.4],
    [10, 25, 2, 1, 1.0],
  ])('d = %i, n = %i, L = %i, σ = %f', (d, n, L, sigma, theta) => {
    const rng = Stream.fromSeed(100 + d + n);
    const { betaS, betaT } = taskPair(d, theta, rng);
    const data = sampleTarget(n, d, betaT, sigma, rng);
    const obj = targetObjective(data);
    const cfg = gdConfig({ d, L, alpha: 1e-3, tol: 1e-15, maxSteps: 1_000_000 });
    const gd = (c0: number) => flowEndpoint((c) => fineTune(cfg, pretrain(cfg, betaS, sigma, Stream.fromSeed(77), c).net, obj, c), c0, true);
    const red = reducedFineTune(data, betaS, L);
    expect(red.flow.converged).toBe(true);
    // The flow conserves ‖u‖² − c² (not used by the integration): a check on it.
    expect(red.flow.invariantDrift).toBeLessThan(1e-6);
    const coarse = gd(0.2);
    expect(coarse.converged).toBe(true);
    const gapCoarse = relNormError(coarse.beta, red.beta);
    const ls = new LeastSquares(data);
    const printed = ls.minNorm().map((m, i) => m + betaS[i]! - ls.projRow(betaS)[i]!);
    const gapPrinted = relNormError(coarse.beta, printed);
    console.log(`d=${d} n=${n} L=${L} σ=${sigma}: ‖GD − reduced‖/‖·‖ = ${gapCoarse.toExponential(2)} (c = 0.2, extrapolated); GD vs eq (142) ${gapPrinted.toExponential(2)}; C = ${red.flow.scale.toFixed(6)}, ${red.flow.steps} flow steps`);
    expect(gapCoarse).toBeLessThan(1e-4);
    if (n < d) {
      // Finer GD moves toward the reduction; eq (142) stays ≥ 100× farther.
      const fine = gd(0.1);
      const gapFine = relNormError(fine.beta, red.beta);
      console.log(`  c = 0.1: ${gapFine.toExponential(2)}`);
      expect(gapFine).toBeLessThan(0.6 * gapCoarse);
      expect(gapPrinted).toBeGreaterThan(100 * gapCoarse);
    }
  });
});

describe('integration accuracy of the reduced flow', () => {
  it.each([
    [9, 20, 2, 0],
    [250, 500, 2, 0.2],
    [480, 500, 2, 1],
    [100, 500, 3, 0],
  ])('n = %i, d = %i, L = %i, σ = %f: default tolerance within 1e-6 of a 1e-12 run', (n, d, L, sigma) => {
    const rng = Stream.fromSeed(n + d);
    const x = rng.normals(n * d);
    const z = Float64Array.from({ length: n }, (_, i) => x[i * d]!);
    const w = Float64Array.from({ length: n }, (_, i) => x[i * d + 1]!);
    const eps = rng.normals(n, sigma);
    const sp = symmetricEigenProject(gramRows(x, n, d), n, [z, w, eps]);
    const [pz, pw, pe] = sp.projections as [Float64Array, Float64Array, Float64Array];
    const sigmaX = sp.values.map(Math.sqrt);
    const a0 = pz.map((v, i) => v / sigmaX[i]!);
    const eta = pz.map((v, i) => 0.6 * v + 0.8 * pw[i]! + pe[i]!);
    const t0 = performance.now();
    const def = fineTuneSpectralFlow({ sigma: sigmaX, a0, eta }, { L });
    const ms = performance.now() - t0;
    const ref = fineTuneSpectralFlow({ sigma: sigmaX, a0, eta }, { L, tol: 1e-12 });
    expect(def.converged && ref.converged).toBe(true);
    // End point β = C(u_⊥ + Σ a_i r_i): compare C·a and C·‖u_⊥‖ (u_⊥ fixed) in one relative norm.
    const perp2 = Math.max(0, 1 - a0.reduce((s, v) => s + v * v, 0));
    let num = (def.scale - ref.scale) ** 2 * perp2;
    let den = ref.scale ** 2 * perp2;
    for (let i = 0; i < n; i++) {
      num += (def.scale * def.a[i]! - ref.scale * ref.a[i]!) ** 2;
      den += (ref.scale * ref.a[i]!) ** 2;
    }
    const rel = Math.sqrt(num / den);
    console.log(`n=${n} d=${d} L=${L} σ=${sigma}: default-tol end point within ${rel.toExponential(2)} of tol 1e-12 (C ${def.scale.toFixed(9)} vs ${ref.scale.toFixed(9)}); ${def.steps} steps, ${ms.toFixed(0)} ms`);
    expect(rel).toBeLessThan(1e-6);
  });
});

/** The derived end point (theory/fineTuneEndpoint.ts) tested against the integrated flow, draw by draw. */
describe('derived k vs the integrated flow', () => {
  it('small d, full vectors: X⁺y + k(I − P)β_s equals the reduced end point', () => {
    for (const [d, n, L, sigma] of [
      [20, 9, 2, 0],
      [20, 9, 2, 1],
      [30, 12, 3, 0.7],
      [40, 30, 2, 0.2],
    ] as const) {
      const rng = Stream.fromSeed(7 * d + n);
      const { betaS, betaT } = taskPair(d, 1.1, rng);
      const data = sampleTarget(n, d, betaT, sigma, rng);
      const ls = new LeastSquares(data);
      const mn = ls.minNorm();
      const pb = ls.projRow(betaS);
      const perp = betaS.map((b, i) => b - pb[i]!);
      const p = perp.reduce((s, v) => s + v * v, 0);
      const q = mn.reduce((s, v) => s + v * v, 0);
      const k = fineTuneK(p, q, L);
      const red = reducedFineTune(data, betaS, L);
      const gap = relNormError(red.beta, mn.map((m, i) => m + k * perp[i]!));
      console.log(`d=${d} n=${n} L=${L} σ=${sigma}: k derived ${k.toFixed(8)}, reduced C ${red.flow.scale.toFixed(8)}; ‖β_red − β_derived‖/‖·‖ = ${gap.toExponential(2)}`);
      expect(Math.abs(red.flow.scale / k - 1)).toBeLessThan(1e-6);
      expect(gap).toBeLessThan(1e-6);
    }
  });

  it('d = 500 fast path: the integrated scale and risk agree with the derived k on every draw', () => {
    const d = 500;
    const draws = 3;
    const rows: string[] = [];
    for (const [gamma, theta, sigma] of [
      [0.5, Math.PI / 3, 0],
      [0.2, 1.0, 0],
      [0.8, 0.5, 0],
      [0.5, Math.PI / 3, 0.2],
      [0.5, 1.0, 1],
      [0.3, 1.2, 1.5],
    ] as const) {
      const n = Math.round(gamma * d);
      const cell = fastSweep({ d, ns: [n], thetas: [theta], sigma, draws, seed: 11 })[0]![0]!;
      const ks: number[] = [];
      // Same streams as fastSweep's n < d branch (nMax = n): X, then ε.
      Stream.replicates(11, draws).forEach((rng, r) => {
        const x = rng.normals(n * d);
        const eps = rng.normals(n, sigma);
        const z = Float64Array.from({ length: n }, (_, i) => x[i * d]!);
        const w = Float64Array.from({ length: n }, (_, i) => x[i * d + 1]!);
        const l = choleskyInPlace(gramRows(x, n, d), n);
        const [us, uv, ue] = [z, w, eps].map((v) => forwardSolve(l, n, v)) as [Float64Array, Float64Array, Float64Array];
        const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
        const c = Math.cos(theta);
        const s = Math.sin(theta);
        const ss = dot(us, us);
        const yw = us.map((v, i) => c * v + s * uv[i]! + ue[i]!); // L⁻¹y
        const p = 1 - ss;
        const q = dot(yw, yw);
        const cross = c - (c * ss + s * dot(us, uv));
        const k = fineTuneK(p, q, 2);
        ks.push(k);
        expect(Math.abs(cell.ftScale[r]! / k - 1)).toBeLessThan(1e-6);
        const ftDerived = cell.scSampled[r]! + k * k * p - 2 * k * cross;
        expect(Math.abs(cell.ft[r]! - ftDerived) / Math.abs(ftDerived)).toBeLessThan(1e-6);
      });
      const mean = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0) / a.length;
      const kLim = gamma < 1 ? fineTuneKLimit(gamma, sigma, 2) : 1;
      rows.push(`γ=${gamma} θ=${theta.toFixed(3)} σ=${sigma}: reduced C ${Array.from(cell.ftScale, (v) => v.toFixed(6)).join(', ')}; derived k ${ks.map((v) => v.toFixed(6)).join(', ')}; proportional-limit k ${kLim.toFixed(6)}; mean R_sc − R_ft ${(mean(cell.scSampled) - mean(cell.ft)).toFixed(4)} (printed mechanism ${(mean(cell.scSampled) - mean(cell.ftPrinted)).toFixed(4)})`);
    }
    console.log(rows.join('\n'));
  });
});
