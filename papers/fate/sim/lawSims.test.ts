import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { compareMean, summarize } from '../../../core/stats/index.ts';
import { drawTargetSet, sqDist, taskPair, unitVector } from './design.ts';
import { fastSweep } from './fastSweep.ts';
import { ridgeLawDraw, ridgeLawSim, scratchLawDraw, scratchLawSim, transferabilityLtLawSim } from './lawSims.ts';
import { linearTransferOnFeatures, linearTransferRiskNoiseIntegrated, minNormScratch, scratchRiskNoiseIntegrated } from './plainLinear.ts';
import { scratchNoiseIntegratedSim, scratchSim, transferabilityLtNoiseIntegratedSim, transferabilityLtSim } from './sims.ts';

/**
 * The exact-law simulations (lawSims.ts) and the noise-integrated plain ones against the plain ml-matrix
 * simulation: algebraic identities to 1e-10 where the reduction is algebraic, two-sample tests (α = 1e-3,
 * seeded) where it is exact in law. No formula of the theory enters.
 */
function twoSample(a: ArrayLike<number>, b: ArrayLike<number>) {
  const sa = summarize(Array.from(a));
  const sb = summarize(Array.from(b));
  const se = Math.sqrt(sa.stderr ** 2 + sb.stderr ** 2);
  return { ...compareMean({ mean: sa.mean - sb.mean, stderr: se, draws: Math.min(a.length, b.length) }, 0, 1e-3), text: `${sa.mean.toFixed(4)} ± ${sa.stderr.toFixed(4)} vs ${sb.mean.toFixed(4)} ± ${sb.stderr.toFixed(4)}` };
}

const run = (sim: typeof scratchSim, p: Record<string, number>, seed: number, draws: number) => sim.run(p, { seed, draws }) as Awaited<ReturnType<typeof sim.run>> & { values: number[] };

describe('ridge linear transfer: the law of (‖z‖², zᵀw) in place of X', () => {
  it('per target set, the risk is 1 − 2bc + b² with b = zᵀy/(‖z‖² + nλ), and its noise integral the lawSims form (identities)', () => {
    const rng = Stream.fromSeed(31);
    const [n, d, theta, sigma] = [11, 17, 0.9, 0.7];
    for (const lambda of [0, 0.3]) {
      const { betaS, betaT } = taskPair(rng, d, theta);
      const v = unitVector(rng, d);
      const t = drawTargetSet(rng, n, d, sigma, betaS, betaT);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const nu = betaT.map((b, j) => (b - c * betaS[j]!) / s);
      let zz = 0;
      let zy = 0;
      let zw = 0;
      for (let i = 0; i < n; i++) {
        let z = 0;
        let w = 0;
        for (let j = 0; j < d; j++) {
          z += t.x.get(i, j) * betaS[j]!;
          w += t.x.get(i, j) * nu[j]!;
        }
        zz += z * z;
        zy += z * t.y[i]!;
        zw += z * w;
      }
      const b = zy / (zz + n * lambda);
      expect(sqDist(linearTransferOnFeatures(t, v, lambda), betaT)).toBeCloseTo(1 - 2 * b * c + b * b, 10);
      if (lambda === 0) {
        // The noise integral given X (plain, on noiseless labels) is the lawSims form at these z, w.
        const t0 = { ...t, y: Float64Array.from({ length: n }, (_, i) => { let y = 0; for (let j = 0; j < d; j++) y += t.x.get(i, j) * betaT[j]!; return y; }) };
        const b0 = (c * zz + s * zw) / zz;
        expect(linearTransferRiskNoiseIntegrated(t0, v, sigma)).toBeCloseTo(1 - 2 * b0 * c + b0 * b0 + (sigma * sigma) / zz, 10);
      }
    }
  });

  it.each([[0], [0.25]])('λ = %f: the law draws have the mean of the plain ml-matrix simulation (sampled noise)', (lambda) => {
    const [n, d, theta, sigma] = [12, 10, 1.0, 0.8];
    const law = run(ridgeLawSim, { n, theta, sigma, lambda }, 3, 20000).values;
    const plain = Stream.replicates(4, 800).map((r) => {
      const { betaS, betaT } = taskPair(r, d, theta);
      const v = unitVector(r, d);
      return sqDist(linearTransferOnFeatures(drawTargetSet(r, n, d, sigma, betaS, betaT), v, lambda), betaT);
    });
    const c = twoSample(law, plain);
    expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    // Integrating the noise and reducing to two numbers removes spread: the law's sd is below the plain one.
    expect(summarize(law).variance).toBeLessThan(summarize(plain).variance);
  });
});

describe('scratch: Beta projection and bidiagonal Wishart trace in place of X', () => {
  it.each([[8, 20], [24, 10]])('n = %i, d = %i: law, plain and plain noise-integrated agree in mean; integrating the noise lowers the spread', (n, d) => {
    const sigma = 0.9;
    const p = { gamma: n / d, sigma, d };
    const law = run(scratchLawSim, p, 5, 20000).values;
    const plain = run(scratchSim, p, 6, 600).values;
    const integrated = run(scratchNoiseIntegratedSim, p, 6, 600).values;
    for (const [a, b] of [[law, plain], [integrated, plain], [law, integrated]] as const) {
      const c = twoSample(a, b);
      expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    }
    // Same draws of X: the Rao–Blackwell step can only lower the variance.
    expect(summarize(integrated).variance).toBeLessThan(summarize(plain).variance);
    // A law, not only a mean: law and plain noise-integrated variances within 25 %.
    expect(Math.abs(summarize(law).variance / summarize(integrated).variance - 1)).toBeLessThan(0.25);
  });

  it('the projection term alone: 1 − ‖Pβ_t‖² from Beta(n/2, (d−n)/2) matches the plain min-norm fit at σ = 0', () => {
    const [n, d] = [9, 21];
    const law = Stream.replicates(7, 20000).map((r) => scratchLawDraw(r, n, d, 0));
    const plain = Stream.replicates(8, 800).map((r) => {
      const { betaS, betaT } = taskPair(r, d, 0.5);
      return sqDist(minNormScratch(drawTargetSet(r, n, d, 0, betaS, betaT)), betaT);
    });
    const c = twoSample(law, plain);
    expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    expect(Math.abs(summarize(law).variance / summarize(plain).variance - 1)).toBeLessThan(0.2);
  });

  it('the noise-integrated plain scratch risk is the mean over label noise of the sampled one (same X)', () => {
    const rng = Stream.fromSeed(9);
    const [n, d, sigma] = [7, 15, 1.3];
    const { betaS, betaT } = taskPair(rng, d, 0.5);
    const t = drawTargetSet(rng, n, d, 0, betaS, betaT);
    const sampled = Stream.replicates(10, 3000).map((r) => {
      const y = t.y.map((v) => v + sigma * r.normal());
      return sqDist(minNormScratch({ ...t, y }), betaT);
    });
    const s = summarize(sampled);
    expect(Math.abs(s.mean - scratchRiskNoiseIntegrated(t, sigma))).toBeLessThan(4.5 * s.stderr);
  });
});

describe('transferability 𝒯_lt: law (independent halves), plain noise-integrated and plain paired simulation', () => {
  it.each([[0.5, 1.2, 0.3], [2.2, 0.7, 0.8]])('γ = %f, θ = %f, σ = %f: same mean', (gamma, theta, sigma) => {
    const d = 10;
    const p = { gamma, theta, sigma, d };
    const law = run(transferabilityLtLawSim, p, 11, 20000).values;
    const plain = run(transferabilityLtSim, p, 12, 600).values;
    const integrated = run(transferabilityLtNoiseIntegratedSim, p, 12, 600).values;
    for (const [a, b] of [[law, plain], [integrated, plain]] as const) {
      const c = twoSample(a, b);
      expect(c.pValue, c.text).toBeGreaterThan(1e-3);
    }
    expect(summarize(integrated).variance).toBeLessThan(summarize(plain).variance);
  });
});

describe('fast sweep without the fine-tuning flow', () => {
  // For n < d it draws the Cholesky factor from its law (fastSweep.ts reduction 6; in law = the flow path, fastSweep.test.ts);
  // above the threshold nothing changes: the same values, draw for draw.
  it('gives the same scratch and linear-transfer values above the threshold, draw for draw', () => {
    const spec = { d: 30, ns: [34, 45], thetas: [0.4, 1.3], sigma: 0.6, draws: 4, seed: 13 };
    const a = fastSweep(spec);
    const b = fastSweep({ ...spec, fineTune: false });
    a.forEach((row, i) => row.forEach((cell, j) => {
      expect(Array.from(b[i]![j]!.sc)).toEqual(Array.from(cell.sc));
      expect(Array.from(b[i]![j]!.lt)).toEqual(Array.from(cell.lt));
    }));
  });
});
