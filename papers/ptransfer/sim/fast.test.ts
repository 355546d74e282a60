import { describe, expect, it } from 'vitest';
import { relNormError } from '../../../core/stats/index.ts';
import { runCellFast, runCellTf, explicitTestSet, type CellParams } from './cell.ts';
import { drawLabels, inheritMask, makeBasis, makeInit, makeNoise, patches, ptransferTask, replicateStreams } from './data.ts';
import { cnnOutputs, trainDirect } from './direct.ts';
import { noiseTermsWasm, responseLaw, testErrorGaussian, testErrorsGaussian, trainFast } from './fast.ts';
import { explicitPool, identityCoefficients, materialize, type Pool } from './pool.ts';
import { choleskyPsd } from '../../../core/linalg/cholesky.ts';
import type { Stream } from '../../../core/rng/stream.ts';
import { clearTestNormals } from './testNormals.ts';
import type { TaskSpec } from './data.ts';

/** The test error as first written: one sample at a time, the normals drawn from the stream per sample. */
function testErrorPlain(pool: Pool, C: Float64Array, spec: TaskSpec, samples: number, stream: Stream) {
  const { s, cov } = responseLaw(pool, C, spec);
  const F = s.length;
  const m = F / 2;
  const L = choleskyPsd(cov, F);
  let sigPos = 0;
  let sigNeg = 0;
  for (let r = 0; r < F; r++) {
    const j = r < m ? 1 : -1;
    if (s[r]! > 0) sigPos += j * s[r]!;
    else if (s[r]! < 0) sigNeg -= j * s[r]!;
  }
  const g = new Float64Array(F);
  let errSum = 0;
  let errSq = 0;
  for (let q = 0; q < samples; q++) {
    stream.fillNormal(g);
    let noiseTerm = 0;
    for (let r = 0; r < F; r++) {
      let z = 0;
      for (let k = 0; k <= r; k++) z += L[r * F + k]! * g[k]!;
      if (z > 0) noiseTerm += r < m ? z : -z;
    }
    const e = (sigPos + noiseTerm < 0 ? 0.5 : 0) + (-(sigNeg + noiseTerm) < 0 ? 0.5 : 0);
    errSum += e;
    errSq += e * e;
  }
  const err = errSum / samples;
  return { err, se: Math.sqrt(Math.max((errSq - samples * err * err) / (samples - 1), 0) / samples) };
}

const small: CellParams = {
  d: 80, m: 4, N1: 14, N2: 10, sigmaP1: 1, sigmaP2: 1.2, uNorm: 1.5, v1Norm: 1, v2Norm: 0.8,
  alpha: 0.5, eta: 0.5, sigma0: 0.05, T1: 60, T2: 40, eps: 0, nTest: 2000,
};

describe('fast path = d-dimensional GD (float64, same data)', () => {
  it('upstream, transferred and baseline filters agree to round-off', () => {
    const c = runCellFast(small, 7, 0, { mode: 'explicit', curves: true });
    const V = c.pool.vectors!;
    const d = small.d;
    const E = V.subarray(0, 3 * d);
    const rows = (n: string) => V.subarray(c.pool.blocks[n]!.offset * d, (c.pool.blocks[n]!.offset + c.pool.blocks[n]!.count) * d);
    const stream = replicateStreams(7, 0);
    const lab1 = drawLabels(small.N1, 0, stream('labels1'));
    const lab2 = drawLabels(small.N2, 0, stream('labels2'));
    const t1 = ptransferTask(1, { ...small, sigmaP: small.sigmaP1, n: small.N1 });
    const t2 = ptransferTask(2, { ...small, sigmaP: small.sigmaP2, n: small.N2 });
    const P1 = patches(E, d, t1, rows('xi1'), lab1);
    const P2 = patches(E, d, t2, rows('xi2'), lab2);
    const up = trainDirect(Float64Array.from(rows('up')), P1.X1, P1.X2, lab1.y, d, { eta: small.eta, T: small.T1, eps: 0 });
    expect(relNormError(materialize(c.pool, c.up.C), up.W)).toBeLessThan(1e-10);
    expect(relNormError(c.up.losses, up.losses)).toBeLessThan(1e-10);
    const Wtr = Float64Array.from(rows('down'));
    for (let r = 0; r < 2 * small.m; r++) if (c.mask[r]) Wtr.set(up.W.subarray(r * d, (r + 1) * d), r * d);
    const tr = trainDirect(Wtr, P2.X1, P2.X2, lab2.y, d, { eta: small.eta, T: small.T2, eps: 0 });
    expect(relNormError(materialize(c.pool, c.transfer.C), tr.W)).toBeLessThan(1e-10);
    expect(relNormError(c.transfer.losses, tr.losses)).toBeLessThan(1e-10);
    const base = trainDirect(Float64Array.from(rows('down')), P2.X1, P2.X2, lab2.y, d, { eta: small.eta, T: small.T2, eps: 0 });
    expect(relNormError(materialize(c.pool, c.baseline!.C), base.W)).toBeLessThan(1e-10);
    // training actually moved the weights and reduced the loss
    expect(up.losses.at(-1)!).toBeLessThan(0.5 * up.losses[0]!);
  });

  it('the Gaussian test error equals the error on explicit d-dimensional test samples (statistically)', () => {
    const c = runCellFast({ ...small, T1: 30, T2: 5, eta: 0.2 }, 11, 0, { mode: 'explicit' });
    const d = small.d;
    const V = c.pool.vectors!;
    const E = V.subarray(0, 3 * d);
    const t2 = ptransferTask(2, { ...small, sigmaP: small.sigmaP2, n: small.N2 });
    const test = explicitTestSet(E, d, t2, 20000, replicateStreams(11, 0)('test.check'));
    const W = materialize(c.pool, c.transfer.C);
    const f = cnnOutputs(W, test.X1, test.X2, 20000, d, small.m);
    let err = 0;
    for (let i = 0; i < 20000; i++) if (test.labels.yClean[i]! * f[i]! < 0) err++;
    const explicitErr = err / 20000;
    const g = testErrorGaussian(c.pool, c.transfer.C, t2, 40000, replicateStreams(11, 0)('test.gauss'));
    const se = Math.sqrt((explicitErr * (1 - explicitErr)) / 20000 + g.se * g.se);
    expect(explicitErr).toBeGreaterThan(0.02); // a non-trivial error, so the comparison means something
    expect(Math.abs(explicitErr - g.err)).toBeLessThan(4 * se); // |z| < 4: false failure ≈ 6e-5
  });

  it('paired test errors on one draw of the normals = the plain one-sample-at-a-time loop per model on copies of the stream (bit for bit)', () => {
    const c = runCellFast({ ...small, T1: 30, T2: 20, eta: 0.2 }, 12, 1, { mode: 'explicit' });
    const t2 = ptransferTask(2, { ...small, sigmaP: small.sigmaP2, n: small.N2 });
    // 3001 samples: the blocks of four leave a remainder
    const [a, b] = testErrorsGaussian(c.pool, [c.transfer.C, c.baseline!.C], t2, 3001, replicateStreams(12, 1)('test'));
    const a1 = testErrorPlain(c.pool, c.transfer.C, t2, 3001, replicateStreams(12, 1)('test'));
    const b1 = testErrorPlain(c.pool, c.baseline!.C, t2, 3001, replicateStreams(12, 1)('test'));
    expect(a!.err).toBeGreaterThan(0.01); // non-trivial errors, and the two models differ
    expect(a!.err).not.toBe(b!.err);
    expect([a!.err, a!.se, b!.err, b!.se]).toEqual([a1.err, a1.se, b1.err, b1.se]);
  });

  it('the wasm noise terms (rows.wat noise) = the one-sample-at-a-time loop, bit for bit: F = 1…80, group remainders, zero and rank-deficient rows', () => {
    const st = replicateStreams(21, 0)('wasm.noise');
    let positive = 0;
    let total = 0;
    for (const F of [1, 2, 3, 8, 14, 80]) {
      for (const samples of [1, 7, 8, 9, 17, 403]) {
        const m = Math.max(1, Math.floor(F / 2));
        const A = st.normals(F * F);
        const cov = new Float64Array(F * F);
        for (let i = 0; i < F; i++) for (let j = 0; j < F; j++) for (let k = 0; k < F; k++) cov[i * F + j]! += A[i * F + k]! * A[j * F + k]! * (k === 0 && F > 2 ? 0 : 1);
        const L = choleskyPsd(cov, F);
        if (F > 3) L.fill(0, 2 * F, 3 * F); // a zero row: ζ = 0 exactly, relu(0) adds nothing
        const G = st.normals(samples * F);
        const w = noiseTermsWasm(L, G, F, m, samples);
        expect(w).not.toBeNull(); // Node ≥ 20: the wasm kernel must be there
        for (let q = 0; q < samples; q++) {
          let n = 0;
          for (let r = 0; r < F; r++) {
            let z = 0;
            for (let k = 0; k <= r; k++) z += L[r * F + k]! * G[q * F + k]!;
            if (z > 0) n += r < m ? z : -z;
          }
          expect(Object.is(w![q], n)).toBe(true);
          if (n > 0) positive++;
          total++;
        }
      }
    }
    expect(positive).toBeGreaterThan(total / 10); // both signs of the noise term occur
    expect(positive).toBeLessThan(total - total / 10);
  });

  it('a cell whose test normals come from the kept draws of another cell = the same cell drawing them itself', () => {
    const p = { ...small, T1: 30, T2: 20, eta: 0.2 };
    clearTestNormals();
    const fresh = runCellFast(p, 14, 3, { mode: 'explicit' });
    const t2 = ptransferTask(2, { ...small, sigmaP: small.sigmaP2, n: small.N2 });
    expect([fresh.errTransfer, fresh.errBaseline]).toEqual([testErrorPlain(fresh.pool, fresh.transfer.C, t2, p.nTest, replicateStreams(14, 3)('test')).err, testErrorPlain(fresh.pool, fresh.baseline!.C, t2, p.nTest, replicateStreams(14, 3)('test')).err]);
    clearTestNormals();
    runCellFast({ ...p, d: 120, nTest: 3 * p.nTest }, 14, 3, { mode: 'explicit' }); // same replicate, another member of a pair: keeps a longer draw
    const reused = runCellFast(p, 14, 3, { mode: 'explicit' });
    expect([reused.errTransfer, reused.errBaseline, reused.seTransfer]).toEqual([fresh.errTransfer, fresh.errBaseline, fresh.seTransfer]);
  });

  it('α = 0 gives exactly the baseline (Algorithm 1 reduces to Algorithm 2)', () => {
    const c = runCellFast({ ...small, alpha: 0 }, 3, 1, { mode: 'explicit' });
    expect(Array.from(c.transfer.C)).toEqual(Array.from(c.baseline!.C));
    expect(c.errTransfer).toBe(c.errBaseline);
  });

  it('stops at the first step with loss ≤ ε', () => {
    const r = runCellFast({ ...small, eps: 0.3, T1: 500, T2: 500 }, 5, 0, { mode: 'explicit', curves: true });
    const curve = r.up.losses;
    expect(curve.at(-1)!).toBeLessThanOrEqual(0.3);
    expect(curve.slice(0, -1).every((l) => l > 0.3)).toBe(true);
    expect(r.up.steps).toBe(curve.length - 1);
  });
});

describe('fast path vs TensorFlow.js (float32)', () => {
  it('same data: loss curves, filters and test decisions agree to float32 accuracy', async () => {
    const p = { ...small, nTest: 400 };
    const fast = runCellFast(p, 21, 0, { mode: 'explicit', curves: true });
    const tfr = await runCellTf(p, 21, 0);
    expect(relNormError(tfr.lossUp.curve!, fast.lossUp.curve!)).toBeLessThan(2e-5);
    expect(relNormError(tfr.lossTransfer.curve!, fast.lossTransfer.curve!)).toBeLessThan(2e-5);
    expect(relNormError(tfr.lossBaseline.curve!, fast.lossBaseline.curve!)).toBeLessThan(2e-5);
    expect(relNormError(tfr.W.up, materialize(fast.pool, fast.up.C))).toBeLessThan(2e-5);
    expect(relNormError(tfr.W.transfer, materialize(fast.pool, fast.transfer.C))).toBeLessThan(2e-5);
    expect(relNormError(tfr.W.baseline, materialize(fast.pool, fast.baseline!.C))).toBeLessThan(2e-5);
    // Test error on the same explicit test points, float64 decisions vs tfjs decisions.
    const d = p.d;
    const E = fast.pool.vectors!.subarray(0, 3 * d);
    const t2 = ptransferTask(2, { ...p, sigmaP: p.sigmaP2, n: p.N2 });
    const test = explicitTestSet(E, d, t2, p.nTest, replicateStreams(21, 0)('test.explicit'));
    const f = cnnOutputs(materialize(fast.pool, fast.transfer.C), test.X1, test.X2, p.nTest, d, p.m);
    let err = 0;
    for (let i = 0; i < p.nTest; i++) if (test.labels.yClean[i]! * f[i]! < 0) err++;
    expect(Math.abs(err / p.nTest - tfr.errTransfer)).toBeLessThanOrEqual(1 / p.nTest); // at most one tie-level flip
  });
});

describe('data model', () => {
  it('noise is orthogonal to u and v_k, signals orthonormal, labels Rademacher, patch order random', () => {
    const s = replicateStreams(1, 0);
    const d = 50;
    const E = makeBasis(d, s('b'));
    const G = explicitPool(d, E, []).gram;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(G[a * 3 + b]!).toBeCloseTo(a === b ? 1 : 0, 12);
    const t2 = ptransferTask(2, { uNorm: 1, v1Norm: 1, v2Norm: 2, sigmaP: 3, n: 400 });
    const X = makeNoise(E, d, t2, 400, s('n'));
    const pool = explicitPool(d, E, [{ name: 'xi', rows: X }]);
    let var1 = 0;
    for (let i = 0; i < 400; i++) {
      const o = pool.blocks.xi!.offset + i;
      expect(Math.abs(pool.gram[o * pool.K + 0]!)).toBeLessThan(1e-12);
      expect(Math.abs(pool.gram[o * pool.K + 2]!)).toBeLessThan(1e-12);
      var1 += pool.gram[o * pool.K + 1]! ** 2;
    }
    // ξ keeps its e_1 component with variance σ² (the inherited filters see it).
    expect(var1 / 400 / 9).toBeGreaterThan(0.8);
    expect(var1 / 400 / 9).toBeLessThan(1.2);
    const lab = drawLabels(4000, 0.1, s('l'));
    const mean = lab.yClean.reduce((a, b) => a + b, 0) / 4000;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    const flips = lab.y.reduce((a, v, i) => a + (v !== lab.yClean[i] ? 1 : 0), 0) / 4000;
    expect(flips).toBeGreaterThan(0.08);
    expect(flips).toBeLessThan(0.12);
    const first = lab.signalFirst.reduce((a, b) => a + b, 0) / 4000;
    expect(Math.abs(first - 0.5)).toBeLessThan(0.05);
    const mask = inheritMask(10, 0.5, s('i'));
    expect(mask.slice(0, 10).reduce((a, b) => a + b, 0)).toBe(5);
    expect(mask.slice(10).reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('Wishart (Bartlett) pool = explicit vectors in law', () => {
  it('same distribution of test errors and training losses (Welch |z| < 4 over 30 replicates)', () => {
    const p = { ...small, d: 300, T1: 40, T2: 20, eta: 0.3, nTest: 500 };
    const R = 30;
    const collect = (mode: 'explicit' | 'wishart') => {
      const e: number[] = [];
      const l: number[] = [];
      for (let k = 0; k < R; k++) {
        const c = runCellFast(p, 99, k, { mode });
        expect(c.mode).toBe(mode);
        e.push(c.errTransfer);
        l.push(c.lossUp.final);
      }
      return { e, l };
    };
    const a = collect('explicit');
    const b = collect('wishart');
    const z = (x: number[], y: number[]) => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      const vx = x.reduce((s, v) => s + (v - mx) ** 2, 0) / (x.length - 1);
      const vy = y.reduce((s, v) => s + (v - my) ** 2, 0) / (y.length - 1);
      return (mx - my) / Math.sqrt(vx / x.length + vy / y.length);
    };
    expect(Math.abs(z(a.e, b.e))).toBeLessThan(4);
    expect(Math.abs(z(a.l, b.l))).toBeLessThan(4);
  });
});

describe('parallel cell (baseline in a worker thread)', () => {
  it('is bit-identical to the serial cell', async () => {
    const { runCellFastParallel } = await import('./cell.ts');
    const { stopWorkers } = await import('./parallel.ts');
    const a = runCellFast(small, 5, 2, { mode: 'wishart', curves: true });
    const b = await runCellFastParallel(small, 5, 2, { mode: 'wishart', curves: true });
    expect(b.errTransfer).toBe(a.errTransfer);
    expect(b.errBaseline).toBe(a.errBaseline);
    expect(b.lossBaseline.curve).toEqual(a.lossBaseline.curve);
    expect(Array.from(b.baseline!.C)).toEqual(Array.from(a.baseline!.C));
    await stopWorkers();
  });
});

describe('two-thread split of the filters', () => {
  it('is bit-identical to trainFast (outputs are summed as the same two halves on one thread)', async () => {
    const { trainFastSplit } = await import('./split.ts');
    const { stopWorkers } = await import('./parallel.ts');
    const c = runCellFast({ ...small, N1: 40 }, 8, 0, { mode: 'explicit' });
    const task = { spec: ptransferTask(1, { ...small, sigmaP: small.sigmaP1, n: 40 }), labels: drawLabels(40, 0, replicateStreams(8, 0)('labels1')), noise: c.pool.blocks.xi1! };
    const a = trainFast(c.pool, identityCoefficients(c.pool, 'up'), task, { eta: small.eta, T: small.T1, eps: 0 });
    const b = await trainFastSplit(c.pool, identityCoefficients(c.pool, 'up'), task, { eta: small.eta, T: small.T1, eps: 0 });
    expect(Array.from(b.C)).toEqual(Array.from(a.C));
    expect(b.losses).toEqual(a.losses);
    expect(relNormError(a.C, c.up.C)).toBe(0);
    await stopWorkers();
  });
});
