import { describe, expect, it } from 'vitest';
import { runSim } from '../../registry.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { drawTargetSet, taskPair, unitVector } from './design.ts';
import { linearTransferRiskNoiseIntegrated, linearTransferRiskNoiseIntegratedSvd, scratchRiskNoiseIntegrated, scratchRiskNoiseIntegratedPinv } from './plainLinear.ts';

/** The noise-integrated linear-transfer sim is a Rao–Blackwell step of the plain one: cross-checked here. */
describe('fate.linear-transfer.noise-integrated', () => {
  it('equals the plain sim draw for draw when there is no label noise (same X, β and v per draw)', async () => {
    const p = { n: 15, theta: 0.9, sigma: 0, d: 20 };
    const a = await runSim('fate.linear-transfer', p, { seed: 5, draws: 30 });
    const b = await runSim('fate.linear-transfer.noise-integrated', p, { seed: 5, draws: 30 });
    for (let i = 0; i < 30; i++) expect(Math.abs(a.values[i]! - b.values[i]!)).toBeLessThan(1e-12);
  });

  it.each([
    { n: 14, theta: 0.72, sigma: 1.49, d: 30 },
    { n: 40, theta: 1.3, sigma: 0.5, d: 12 },
  ])('has the plain sim’s mean (Welch |z| < 4) with a smaller standard error: %o', async (p) => {
    const a = await runSim('fate.linear-transfer', p, { seed: 9, draws: 3000 });
    const b = await runSim('fate.linear-transfer.noise-integrated', p, { seed: 10, draws: 3000 });
    const z = (a.mean - b.mean) / Math.hypot(a.stderr, b.stderr);
    console.log(`${JSON.stringify(p)}: plain ${a.mean.toFixed(4)} ± ${a.stderr.toFixed(4)}, integrated ${b.mean.toFixed(4)} ± ${b.stderr.toFixed(4)}, z = ${z.toFixed(2)}`);
    expect(Math.abs(z)).toBeLessThan(4);
    expect(b.stderr).toBeLessThan(a.stderr);
  });
});

/**
 * The shortcuts inside the plain noise-integrated risks (rank-one pseudo-inverse of Φ; one SVD of X without the large set of
 * singular vectors) against the general ml-matrix pseudo-inverse path, draw for draw, on both sides of n = d and with a
 * non-unit v (the identity must not rely on ‖v‖ = 1).
 */
describe('plain noise-integrated risks: shortcuts = pseudo-inverse path', () => {
  it.each([
    { n: 7, d: 20 },
    { n: 30, d: 12 },
    { n: 19, d: 21 },
    { n: 40, d: 40 },
  ])('draw for draw to 1e-11 relative: %o', ({ n, d }) => {
    for (const rng of Stream.replicates(31 + n, 10)) {
      const { betaS, betaT } = taskPair(rng, d, 0.8);
      const v = unitVector(rng, d).map((x) => 1.7 * x);
      const t = drawTargetSet(rng, n, d, 0, betaS, betaT);
      for (const sigma of [0, 0.6]) {
        const lt = linearTransferRiskNoiseIntegrated(t, v, sigma);
        const ltRef = linearTransferRiskNoiseIntegratedSvd(t, v, sigma);
        expect(Math.abs(lt - ltRef)).toBeLessThan(1e-11 * Math.max(1, ltRef));
        const sc = scratchRiskNoiseIntegrated(t, sigma);
        const scRef = scratchRiskNoiseIntegratedPinv(t, sigma);
        expect(Math.abs(sc - scRef)).toBeLessThan(1e-11 * Math.max(1, scRef));
      }
    }
  });
});
