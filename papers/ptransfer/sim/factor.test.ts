import { describe, expect, it } from 'vitest';
import { relNormError } from '../../../core/stats/index.ts';
import { runCellFast, type CellParams } from './cell.ts';
import { drawLabels, patches, ptransferTask, replicateStreams } from './data.ts';
import { trainDirect } from './direct.ts';
import { trainFast } from './fast.ts';
import { trainKernel } from './kernels.ts';
import { identityCoefficients, materialize } from './pool.ts';

// The factor path of the fast path (kernels.ts: Z_r += Ξ(ΞᵀΔb_r) when the task's noise vectors are explicit and
// d < n/3, as in Fig 2's upstream, d = 100, N_1 = 1000) against the Gram product and the plain d-dimensional GD.
const p: CellParams = {
  d: 24, m: 4, N1: 90, N2: 10, sigmaP1: 1, sigmaP2: 1.2, uNorm: 1.5, v1Norm: 1, v2Norm: 0.8,
  alpha: 0.5, eta: 0.5, sigma0: 0.05, T1: 80, T2: 40, eps: 0, nTest: 2000,
};

function upstreamTask(seed: number, c: ReturnType<typeof runCellFast>) {
  return { spec: ptransferTask(1, { ...p, sigmaP: p.sigmaP1, n: p.N1 }), labels: drawLabels(p.N1, 0, replicateStreams(seed, 0)('labels1')), noise: c.pool.blocks.xi1! };
}

describe('fast path, factor product (n > 3d)', () => {
  it('equals the Gram product and the d-dimensional float64 GD to round-off', () => {
    const c = runCellFast(p, 5, 0, { mode: 'explicit', curves: true });
    const task = upstreamTask(5, c);
    const C0 = identityCoefficients(c.pool, 'up');
    const gram = trainFast(c.pool, C0, task, { eta: p.eta, T: p.T1, eps: 0, factor: false });
    const fac = trainFast(c.pool, C0, task, { eta: p.eta, T: p.T1, eps: 0 });
    // the cell's upstream took the factor path (same run as `fac`, bit for bit)
    expect(Array.from(c.up.C)).toEqual(Array.from(fac.C));
    expect(relNormError(fac.C, gram.C)).toBeLessThan(1e-10);
    expect(relNormError(fac.losses, gram.losses)).toBeLessThan(1e-12);
    expect(relNormError(fac.C, gram.C)).toBeGreaterThan(0); // a different order of operations: not the same code path
    const d = p.d;
    const V = c.pool.vectors!;
    const rows = (n: string) => V.subarray(c.pool.blocks[n]!.offset * d, (c.pool.blocks[n]!.offset + c.pool.blocks[n]!.count) * d);
    const P1 = patches(V.subarray(0, 3 * d), d, task.spec, rows('xi1'), task.labels);
    const direct = trainDirect(Float64Array.from(rows('up')), P1.X1, P1.X2, task.labels.y, d, { eta: p.eta, T: p.T1, eps: 0 });
    expect(relNormError(materialize(c.pool, fac.C), direct.W)).toBeLessThan(1e-10);
    expect(relNormError(fac.losses, direct.losses)).toBeLessThan(1e-10);
    expect(direct.losses.at(-1)!).toBeLessThan(0.7 * direct.losses[0]!); // it trained
  });

  // m = 4 and m = 3: the wasm path pairs filters for rows2; with m = 3 each thread's half of the split has an odd
  // count, so its last filter takes the single `rows` (the JavaScript twin never pairs).
  it('wasm kernel = JavaScript twin and two-thread split = one thread, bit for bit (m = 4 and 3)', async () => {
    const { trainFastSplit } = await import('./split.ts');
    const { stopWorkers } = await import('./parallel.ts');
    for (const m of [4, 3]) {
      const c = runCellFast({ ...p, m }, 9, 0, { mode: 'explicit' });
      const task = upstreamTask(9, c);
      const C0 = identityCoefficients(c.pool, 'up');
      const a = trainFast(c.pool, C0, task, { eta: p.eta, T: p.T1, eps: 0 });
      const js = trainKernel(c.pool, C0, task, { eta: p.eta, T: p.T1, eps: 0 }, null);
      const split = await trainFastSplit(c.pool, C0, task, { eta: p.eta, T: p.T1, eps: 0 });
      expect(a.losses.at(-1)!).toBeLessThan(a.losses[0]!); // it trained
      expect(Array.from(js.C)).toEqual(Array.from(a.C));
      expect(js.losses).toEqual(a.losses);
      expect(Array.from(split.C)).toEqual(Array.from(a.C));
      expect(split.losses).toEqual(a.losses);
    }
    await stopWorkers();
  });
});
