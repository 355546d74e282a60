import type { CellParams } from './cell.ts';
import { drawLabels, inheritMask, makeBasis, makeInit, makeNoise, ptransferTask, replicateStreams, type TaskSpec } from './data.ts';
import { testErrorsGaussian, trainFast, type TrainResult } from './fast.ts';
import { trainFastInWorker } from './parallel.ts';
import { explicitPool, explicitPoolFrom, identityCoefficients } from './pool.ts';
import { splitWorthIt, trainFastSplit } from './split.ts';

/**
 * A sweep over ‖u‖ at fixed ‖u+v_1‖ = ‖u+v_2‖ = c (Fig 1(c), Fig 2) that trains the upstream once.
 *
 * Take a random orthonormal frame (e_a, e_b, e_2) and, for ‖u‖ = c·cos θ, ‖v_1‖ = c·sin θ, put
 *   e_u = cos θ e_a + sin θ e_b,   e_1 = sin θ e_a − cos θ e_b.
 * Then μ_1 = u + v_1 = c·e_a for every θ, and the source noise, projected off span(e_u, e_1) =
 * span(e_a, e_b), does not depend on θ: the upstream task — and so the trained upstream filters, as
 * vectors — is the same for every ‖u‖. (e_u, e_1, e_2) is still a uniformly random orthonormal frame, so
 * each θ is an exact draw of the data model; the cells of the sweep share the upstream run (common random
 * numbers). The target noise ξ⁽²⁾ = σ_{p,2}(I − e_ue_uᵀ − e_2e_2ᵀ)g reuses the same g for every θ.
 * Only the coefficients on the basis rows change: c_u = c_a cos θ + c_b sin θ, c_1 = c_a sin θ − c_b cos θ.
 * So each θ's pool differs from the upstream's only in e_u, e_1 and ξ⁽²⁾: its Gram copies the other entries
 * (explicitPoolFrom, the same numbers as explicitPool). Every cell reads the replicate's 'test' stream from its
 * start, so its ζ-normals are drawn once for all θ and both arms (testErrorsGaussian, as separate calls would).
 */
export interface SweepPoint {
  uNorm: number;
  errTransfer: number;
  errBaseline: number;
  lossTransfer: number;
  lossBaseline: number;
}

export async function runUSweep(p: Omit<CellParams, 'uNorm' | 'v1Norm' | 'v2Norm'>, c: number, uValues: readonly number[], seed: number, replicate: number): Promise<{ points: SweepPoint[]; lossUp: number; ms: number }> {
  const t0 = performance.now();
  for (const u of uValues) if (!(u >= 0 && u <= c)) throw new RangeError(`runUSweep: ‖u‖ = ${u} must be in [0, ${c}]`);
  const stream = replicateStreams(seed, replicate);
  const { d, m } = p;
  const E0 = makeBasis(d, stream('basis'));
  const up = makeInit(m, d, p.sigma0, stream('init.up'));
  const down = makeInit(m, d, p.sigma0, stream('init.down'));
  const task1: TaskSpec = { mu: [c, 0, 0], project: [0, 1], sigmaP: p.sigmaP1, n: p.N1, flip: 0 };
  const xi1 = makeNoise(E0, d, task1, p.N1, stream('noise1'));
  const g2 = stream('noise2').normals(p.N2 * d);
  const lab1 = drawLabels(p.N1, 0, stream('labels1'));
  const lab2 = drawLabels(p.N2, 0, stream('labels2'));
  const mask = inheritMask(m, p.alpha, stream('inherit'));

  const xi2For = (E: Float64Array) => {
    const t2: TaskSpec = { mu: [0, 0, 0], project: [0, 2], sigmaP: p.sigmaP2, n: p.N2, flip: 0 };
    const X = g2.slice();
    for (let i = 0; i < p.N2; i++) {
      const x = X.subarray(i * d, (i + 1) * d);
      for (const a of t2.project) {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += x[k]! * E[a * d + k]!;
        for (let k = 0; k < d; k++) x[k]! -= dot * E[a * d + k]!;
      }
      for (let k = 0; k < d; k++) x[k]! *= p.sigmaP2;
    }
    return X;
  };

  // Upstream once, in the frame (e_a, e_b, e_2).
  const pool0 = explicitPool(d, E0, [
    { name: 'up', rows: up },
    { name: 'down', rows: down },
    { name: 'xi1', rows: xi1 },
    { name: 'xi2', rows: xi2For(E0) },
  ]);
  const upTask = { spec: task1, labels: lab1, noise: pool0.blocks.xi1! };
  const upOpts = { eta: p.eta, T: p.T1, eps: p.eps, curve: false };
  const upRun: TrainResult = splitWorthIt(p.N1) ? await trainFastSplit(pool0, identityCoefficients(pool0, 'up'), upTask, upOpts) : trainFast(pool0, identityCoefficients(pool0, 'up'), upTask, upOpts);
  const K = pool0.K;

  const G = stream('test').normals(p.nTest * 2 * m);
  const points: SweepPoint[] = [];
  for (const u of uValues) {
    const cos = u / c;
    const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
    const E = new Float64Array(3 * d);
    for (let k = 0; k < d; k++) {
      const a = E0[k]!;
      const b = E0[d + k]!;
      E[k] = cos * a + sin * b;
      E[d + k] = sin * a - cos * b;
      E[2 * d + k] = E0[2 * d + k]!;
    }
    const pool = explicitPoolFrom(pool0, E, [
      { name: 'up', rows: up },
      { name: 'down', rows: down },
      { name: 'xi1', rows: xi1 },
      { name: 'xi2', rows: xi2For(E) },
    ]);
    const v = c * sin;
    const task2 = ptransferTask(2, { uNorm: u, v1Norm: v, v2Norm: v, sigmaP: p.sigmaP2, n: p.N2 });
    const fastTask2 = { spec: task2, labels: lab2, noise: pool.blocks.xi2! };
    const downOpts = { eta: p.eta, T: p.T2, eps: p.eps, curve: false };
    const basePromise = trainFastInWorker(pool, identityCoefficients(pool, 'down'), fastTask2, downOpts);
    const Ctr = identityCoefficients(pool, 'down');
    for (let r = 0; r < 2 * m; r++) {
      if (!mask[r]) continue;
      const row = upRun.C.slice(r * K, (r + 1) * K);
      const ca = row[0]!;
      const cb = row[1]!;
      row[0] = ca * cos + cb * sin;
      row[1] = ca * sin - cb * cos;
      Ctr.set(row, r * K);
    }
    const tr = trainFast(pool, Ctr, fastTask2, downOpts);
    const base = await basePromise;
    const [eT, eB] = testErrorsGaussian(pool, [tr.C, base.C], task2, p.nTest, G);
    points.push({ uNorm: u, errTransfer: eT.err, errBaseline: eB.err, lossTransfer: tr.finalLoss, lossBaseline: base.finalLoss });
  }
  return { points, lossUp: upRun.finalLoss, ms: performance.now() - t0 };
}
