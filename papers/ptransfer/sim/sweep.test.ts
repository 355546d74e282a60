import { describe, expect, it } from 'vitest';
import { drawLabels, inheritMask, makeBasis, makeInit, makeNoise, ptransferTask, replicateStreams } from './data.ts';
import { testErrorGaussian, trainFast } from './fast.ts';
import { stopWorkers } from './parallel.ts';
import { explicitPool, identityCoefficients } from './pool.ts';
import { runUSweep } from './sweep.ts';

describe('‖u‖ sweep with one upstream run', () => {
  it('each point equals a direct cell in the rotated frame (same vectors, upstream trained directly)', async () => {
    const p = { d: 60, m: 3, N1: 12, N2: 8, sigmaP1: 1, sigmaP2: 1.1, alpha: 0.67, eta: 0.5, sigma0: 0.05, T1: 50, T2: 30, eps: 0, nTest: 3000 };
    const c = 2;
    const us = [0, 0.7, 2];
    const sw = await runUSweep(p, c, us, 4, 1);
    const stream = replicateStreams(4, 1);
    const d = p.d;
    const E0 = makeBasis(d, stream('basis'));
    const up = makeInit(p.m, d, p.sigma0, stream('init.up'));
    const down = makeInit(p.m, d, p.sigma0, stream('init.down'));
    const xi1 = makeNoise(E0, d, { mu: [c, 0, 0], project: [0, 1], sigmaP: p.sigmaP1, n: p.N1, flip: 0 }, p.N1, stream('noise1'));
    const g2 = stream('noise2').normals(p.N2 * d);
    const lab1 = drawLabels(p.N1, 0, stream('labels1'));
    const lab2 = drawLabels(p.N2, 0, stream('labels2'));
    const mask = inheritMask(p.m, p.alpha, stream('inherit'));
    for (const [k, u] of us.entries()) {
      const cos = u / c;
      const sin = Math.sqrt(1 - cos * cos);
      const E = new Float64Array(3 * d);
      for (let t = 0; t < d; t++) {
        E[t] = cos * E0[t]! + sin * E0[d + t]!;
        E[d + t] = sin * E0[t]! - cos * E0[d + t]!;
        E[2 * d + t] = E0[2 * d + t]!;
      }
      const t2 = ptransferTask(2, { uNorm: u, v1Norm: c * sin, v2Norm: c * sin, sigmaP: p.sigmaP2, n: p.N2 });
      // target noise from the same g: σ(I − e_ue_uᵀ − e_2e_2ᵀ)g
      const xi2 = g2.slice();
      for (let i = 0; i < p.N2; i++) {
        const x = xi2.subarray(i * d, (i + 1) * d);
        for (const a of [0, 2]) {
          let dot = 0;
          for (let t = 0; t < d; t++) dot += x[t]! * E[a * d + t]!;
          for (let t = 0; t < d; t++) x[t]! -= dot * E[a * d + t]!;
        }
        for (let t = 0; t < d; t++) x[t]! *= p.sigmaP2;
      }
      const pool = explicitPool(d, E, [
        { name: 'up', rows: up },
        { name: 'down', rows: down },
        { name: 'xi1', rows: xi1 },
        { name: 'xi2', rows: xi2 },
      ]);
      const t1 = ptransferTask(1, { uNorm: u, v1Norm: c * sin, v2Norm: c * sin, sigmaP: p.sigmaP1, n: p.N1 });
      const upRun = trainFast(pool, identityCoefficients(pool, 'up'), { spec: t1, labels: lab1, noise: pool.blocks.xi1! }, { eta: p.eta, T: p.T1, eps: 0 });
      const K = pool.K;
      const Ctr = identityCoefficients(pool, 'down');
      for (let r = 0; r < 2 * p.m; r++) if (mask[r]) Ctr.set(upRun.C.subarray(r * K, (r + 1) * K), r * K);
      const task2 = { spec: t2, labels: lab2, noise: pool.blocks.xi2! };
      const tr = trainFast(pool, Ctr, task2, { eta: p.eta, T: p.T2, eps: 0 });
      const base = trainFast(pool, identityCoefficients(pool, 'down'), task2, { eta: p.eta, T: p.T2, eps: 0 });
      const eT = testErrorGaussian(pool, tr.C, t2, p.nTest, stream('test'));
      const eB = testErrorGaussian(pool, base.C, t2, p.nTest, stream('test'));
      expect(Math.abs(sw.points[k]!.errTransfer - eT.err)).toBeLessThanOrEqual(1 / p.nTest);
      expect(sw.points[k]!.errBaseline).toBe(eB.err);
      expect(Math.abs(sw.points[k]!.lossTransfer - tr.finalLoss) / tr.finalLoss).toBeLessThan(1e-10);
    }
    expect(sw.points[0]!.uNorm).toBe(0);
    await stopWorkers();
  });
});
