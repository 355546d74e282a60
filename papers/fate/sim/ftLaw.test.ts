import { EigenvalueDecomposition, Matrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../../core/params.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { compareMean, summarize } from '../../../core/stats/index.ts';
import { drawTargetSet, sqDist, taskPair } from './design.ts';
import { ftPairFromSpectrum, ftSpectralLawDraw, transferabilityFtLawSim } from './ftLaw.ts';
import { fineTuneFlowEndpoint } from './reducedFlow.ts';
import { transferabilityFtFastSim, transferabilityFtSim } from './sims.ts';
import { tridiagonalEigenvalues } from './spectral.ts';

/**
 * The exact-law fine-tuning simulation (ftLaw.ts) against the plain ones: identities to 1e-7 where the reduction is
 * algebraic (the per-draw map on one X; the bidiagonal model's eigenvalues), two-sample tests (α = 1e-3, fixed seeds)
 * of means and of variances where it is exact in law. No formula of the theory enters.
 */
function twoSample(a: ArrayLike<number>, b: ArrayLike<number>) {
  const sa = summarize(Array.from(a));
  const sb = summarize(Array.from(b));
  const se = Math.sqrt(sa.stderr ** 2 + sb.stderr ** 2);
  return { ...compareMean({ mean: sa.mean - sb.mean, stderr: se, draws: Math.min(a.length, b.length) }, 0, 1e-3), text: `${sa.mean.toFixed(4)} ± ${sa.stderr.toFixed(4)} vs ${sb.mean.toFixed(4)} ± ${sb.stderr.toFixed(4)}` };
}

/** Equal variances, as equal means of the squared deviations from each sample's own mean. */
function twoSampleVariance(a: ArrayLike<number>, b: ArrayLike<number>) {
  const dev = (x: ArrayLike<number>) => {
    const m = summarize(Array.from(x)).mean;
    return Array.from(x, (v) => (v - m) ** 2);
  };
  return twoSample(dev(a), dev(b));
}

const values = async (sim: typeof transferabilityFtSim, p: Record<string, number>, seed: number, draws: number) => (await sim.run(p, { seed, draws })).values;

describe('the per-draw map: (R_sc, R_ft) from (λ, Vᵀβ_s, Vᵀν, Qᵀε) equals the plain computation on X (identity)', () => {
  it.each([[9, 23, 1.1, 0.6, 2], [14, 20, 0.4, 0, 2], [6, 15, 1.5, 1.3, 3]])('n = %i, d = %i, θ = %f, σ = %f, L = %i', (n, d, theta, sigma, L) => {
    const rng = Stream.fromSeed(41 + n);
    const { betaS, betaT } = taskPair(rng, d, theta);
    const t = drawTargetSet(rng, n, d, sigma, betaS, betaT);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const nu = betaT.map((b, j) => (b - c * betaS[j]!) / s);
    // Spectral data from X with an independent dense eigensolver: G = XXᵀ = QΛQᵀ, r_i = Xᵀq_i/σ_i.
    const eig = new EigenvalueDecomposition(t.x.mmul(t.x.transpose()), { assumeSymmetric: true });
    const lam = Float64Array.from(eig.realEigenvalues);
    const Q = eig.eigenvectorMatrix;
    const eps = Matrix.columnVector(Array.from(t.y, (y, i) => y - t.x.getRow(i).reduce((a, x, j) => a + x * betaT[j]!, 0)));
    const qEps = Q.transpose().mmul(eps).getColumn(0);
    const V = t.x.transpose().mmul(Q); // column i: σ_i r_i
    const proj = (v: Float64Array) => Float64Array.from({ length: n }, (_, i) => V.getColumn(i).reduce((a, x, j) => a + x * v[j]!, 0) / Math.sqrt(lam[i]!));
    const pair = ftPairFromSpectrum({ lam, rS: proj(betaS), rNu: proj(nu), epsT: Float64Array.from(qEps) }, theta, L, 1e-10);
    // Plain: min-norm least squares by SVD, the fine-tuning flow from the Gram eigenvectors (reducedFlow.ts), eq 142.
    const pinv = pseudoInverse(t.x);
    const sc = pinv.mmul(Matrix.columnVector(Array.from(t.y))).getColumn(0);
    const pBetaS = pinv.mmul(t.x.mmul(Matrix.columnVector(Array.from(betaS)))).getColumn(0);
    const flow = fineTuneFlowEndpoint(t, L);
    expect(pair.sc).toBeCloseTo(sqDist(sc, betaT), 9);
    expect(pair.ft).toBeCloseTo(sqDist(flow.beta, betaT), 7);
    expect(pair.scale).toBeCloseTo(flow.flow.scale, 7);
    expect(pair.ftPrinted).toBeCloseTo(sqDist(sc.map((b, j) => b + betaS[j]! - pBetaS[j]!), betaT), 9);
    // With label noise the flow's weight C on (I − P)β_s departs from 1 (the effect the checks measure): not a trivial map.
    if (sigma > 0) expect(Math.abs(pair.scale - 1)).toBeGreaterThan(1e-4);
  });

  it('the flow tolerance 1e-6 moves R_sc − R_ft by < 1e-5 per draw (n = 170, d = 200, σ = 0 and 1.2)', () => {
    for (const sigma of [0, 1.2]) {
      for (const rng of Stream.replicates(43 + sigma, 4)) {
        const sp = ftSpectralLawDraw(rng, 170, 200, sigma);
        const loose = ftPairFromSpectrum(sp, 1.2, 2);
        const tight = ftPairFromSpectrum(sp, 1.2, 2, 1e-10);
        expect(Math.abs(loose.sc - loose.ft - (tight.sc - tight.ft))).toBeLessThan(1e-5);
      }
    }
  });
});

describe('Wishart eigenvalues from the bidiagonal χ model', () => {
  it('the tridiagonal QL eigenvalues of BᵀB equal a dense eigensolver on BBᵀ (identity)', () => {
    const rng = Stream.fromSeed(47);
    const n = 12;
    const B = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) {
      B.set(i, i, 0.5 + rng.uniform());
      if (i < n - 1) B.set(i + 1, i, rng.normal());
    }
    const diag = Float64Array.from({ length: n }, (_, i) => B.get(i, i) ** 2 + (i < n - 1 ? B.get(i + 1, i) ** 2 : 0));
    const off = Float64Array.from({ length: n - 1 }, (_, i) => B.get(i + 1, i) * B.get(i + 1, i + 1));
    const ql = Array.from(tridiagonalEigenvalues(diag, off)).sort((a, b) => a - b);
    const dense = new EigenvalueDecomposition(B.mmul(B.transpose()), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
    ql.forEach((v, i) => expect(v).toBeCloseTo(dense[i]!, 10));
  });

  it('their law is that of XXᵀ for a Gaussian X (n = 8, d = 20): Σ 1/λ, λ_max, λ_min in mean and variance', () => {
    const [n, d] = [8, 20];
    const law = Stream.replicates(51, 20000).map((r) => Array.from(ftSpectralLawDraw(r, n, d, 0).lam));
    const plain = Stream.replicates(52, 2000).map((r) => {
      const x = new Matrix(n, d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x.set(i, j, r.normal());
      return new EigenvalueDecomposition(x.mmul(x.transpose()), { assumeSymmetric: true }).realEigenvalues;
    });
    const stats: ((l: number[]) => number)[] = [(l) => l.reduce((a, v) => a + 1 / v, 0), (l) => Math.max(...l), (l) => Math.min(...l)];
    for (const f of stats) {
      const [a, b] = [law.map(f), plain.map(f)];
      for (const c of [twoSample(a, b), twoSampleVariance(a, b)]) expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    }
  });

  it('the projections: ‖r_s‖² ~ Beta(n/2, (d − n)/2) in mean, r_sᵀr_ν has mean 0, ‖r_ν‖² the same law as ‖r_s‖²', () => {
    const [n, d] = [7, 19];
    const draws = Stream.replicates(53, 20000).map((r) => ftSpectralLawDraw(r, n, d, 0));
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
    const ss = summarize(draws.map((x) => dot(x.rS, x.rS)));
    expect(Math.abs(ss.mean - n / d)).toBeLessThan(4 * ss.stderr);
    const sv = summarize(draws.map((x) => dot(x.rS, x.rNu)));
    expect(Math.abs(sv.mean)).toBeLessThan(4 * sv.stderr);
    const c = twoSample(draws.map((x) => dot(x.rS, x.rS)), draws.map((x) => dot(x.rNu, x.rNu)));
    expect(c.pValue, c.text).toBeGreaterThan(1e-3);
  });
});

describe('R_sc − R_ft: the law simulation against the fast sweep (d = 40) and the plain ml-matrix simulation (d = 16)', () => {
  it.each([
    [0.5, 1.2, 0],
    [0.3, 0.9, 1.2],
    [0.75, Math.PI / 3, 0.2],
  ])('γ = %f, θ = %f, σ = %f: same mean and variance', async (gamma, theta, sigma) => {
    const law40 = await values(transferabilityFtLawSim, { gamma, theta, sigma, d: 40 }, 61, 6000);
    const fast = await values(transferabilityFtFastSim, { gamma, theta, sigma, d: 40 }, 62, 1500);
    const law16 = await values(transferabilityFtLawSim, { gamma, theta, sigma, d: 16 }, 63, 6000);
    const plain = await values(transferabilityFtSim, { gamma, theta, sigma, d: 16 }, 64, 600);
    for (const [a, b] of [[law40, fast], [law16, plain]] as const) {
      for (const c of [twoSample(a, b), twoSampleVariance(a, b)]) expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    }
  });

  it('refuses n ≥ d − 1 (the law is for the underparameterised side)', () => {
    const sim = transferabilityFtLawSim;
    expect(() => validateParams(sim.params, { gamma: 39 / 40, theta: 1, sigma: 0, d: 40 }, sim.id, sim.constraints)).toThrow(/n ≤ d − 2/);
    expect(() => validateParams(sim.params, { gamma: 1.5, theta: 1, sigma: 0, d: 40 }, sim.id, sim.constraints)).toThrow();
    expect(validateParams(sim.params, { gamma: 38 / 40, theta: 1, sigma: 0, d: 40 }, sim.id, sim.constraints).L).toBe(2);
    expect(() => ftSpectralLawDraw(Stream.fromSeed(1), 40, 40, 0)).toThrow(RangeError);
  });
});
