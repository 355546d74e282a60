import { describe, expect, it } from 'vitest';
import { runCellFast } from './cell.ts';
import { drawLabels, ptransferTask, replicateStreams } from './data.ts';
import { activeJs, rowsJs, rowsModule, trainKernel, type WasmKernels } from './kernels.ts';
import { identityCoefficients } from './pool.ts';
import { ROWS_WAT_SHA256, ROWS_WASM_BASE64 } from './rows.wasm.ts';

/**
 * The wasm kernel (rows.wat) against its JavaScript twin: same order of operations, so equality is
 * exact (toEqual on the float64 values, not a tolerance). The JavaScript twin itself is the old
 * loop of trainFast, which fast.test.ts checks against plain d-dimensional GD (1e-10) and tfjs (2e-5).
 */
describe('wasm kernel (rows.wat)', () => {
  it('the committed bytes are exactly what build-wasm.ts assembles from rows.wat (deterministic build)', async () => {
    const { assembleRows } = await import('./build-wasm.ts');
    const { bytes, watSha256 } = await assembleRows();
    expect(watSha256).toBe(ROWS_WAT_SHA256);
    expect(Buffer.from(bytes).toString('base64')).toBe(ROWS_WASM_BASE64);
  });

  it('compiles here; rows = rowsJs bit for bit (odd and even n, every group remainder, sub-ranges), active = activeJs', () => {
    const mod = rowsModule();
    expect(mod).not.toBeNull(); // Node ≥ 20 has SIMD and shared memory: the fast path must not silently fall back
    const mem = new WebAssembly.Memory({ initial: 4, maximum: 4, shared: true });
    const { rows, active } = new WebAssembly.Instance(mod!, { env: { mem } }).exports as unknown as WasmKernels;
    const f64 = new Float64Array(mem.buffer);
    const i32 = new Int32Array(mem.buffer);
    const s = replicateStreams(1, 0)('wasm.rows');
    for (const n of [1, 2, 7, 37, 64]) {
      for (let c = 0; c <= Math.min(n, 21); c++) {
        for (const [l0, l1] of [[0, n], [1, n], [0, n - 1], [Math.floor(n / 3), Math.floor((2 * n) / 3) + 1]] as const) {
          if (l1 <= l0) continue;
          // layout: G (n×n) at 0, Z row at n², val at n² + n, idx (i32) after
          const pG = 0;
          const pZ = n * n;
          const pV = pZ + n;
          const pI = 2 * (pV + n);
          for (let q = 0; q < n * n + 2 * n; q++) f64[q] = s.normal();
          const pick = Array.from({ length: n }, (_, i) => i).filter(() => s.uniform() < 0.7).slice(0, c);
          while (pick.length < c) pick.push(pick.length); // c ≤ n: fill with any valid rows
          pick.sort((a, b) => a - b);
          pick.forEach((i, k) => (i32[pI + k] = i));
          const before = f64.slice(pZ, pZ + n);
          rowsJs(f64, i32, pZ, pG, pI, pV, c, n, l0, l1);
          const js = f64.slice(pZ, pZ + n);
          f64.set(before, pZ);
          rows(pZ, pG, pI, pV, c, n, l0, l1);
          expect(Array.from(f64.slice(pZ, pZ + n))).toEqual(Array.from(js));
          // untouched outside [l0, l1)
          for (let l = 0; l < n; l++) if (l < l0 || l >= l1) expect(f64[pZ + l]).toBe(before[l]);
          // the ReLU mask: same list, same count (zeros included: z = 0 is inactive)
          if (c % 5 === 0) f64[pZ + (c % n)] = 0;
          i32.fill(-1, pI, pI + n);
          const cj = activeJs(f64, i32, pZ, pI, n);
          const listJs = Array.from(i32.slice(pI, pI + n));
          i32.fill(-1, pI, pI + n);
          expect(active(pZ, pI, n)).toBe(cj);
          expect(Array.from(i32.slice(pI, pI + n))).toEqual(listJs);
        }
      }
    }
  });

  // N = 6, 19: below fast.ts WASM_MIN_SAMPLES trainFast picks the twin, so the choice may not change a number.
  it('training with the wasm kernel = training with the JavaScript twin, bit for bit (N = 6, 19, 37 and 300)', () => {
    for (const N1 of [6, 19, 37, 300]) {
      const p = { d: 120, m: 5, N1, N2: 10, sigmaP1: 1, sigmaP2: 1, uNorm: 1.5, v1Norm: 1, v2Norm: 1, alpha: 0.5, eta: 0.3, sigma0: 0.05, T1: 0, T2: 0, eps: 0, nTest: 10 };
      const c = runCellFast(p, 3, 0, { mode: 'wishart' });
      const task = { spec: ptransferTask(1, { ...p, sigmaP: p.sigmaP1, n: N1 }), labels: drawLabels(N1, 0, replicateStreams(3, 0)('labels1')), noise: c.pool.blocks.xi1! };
      const opts = { eta: p.eta, T: 60, eps: 0 };
      const w = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, opts, rowsModule());
      const j = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, opts, null);
      expect(w.losses.at(-1)!).toBeLessThan(w.losses[0]!); // it trained
      expect(w.activeFraction).toBeGreaterThan(0.1);
      expect(w.losses).toEqual(j.losses);
      expect(Array.from(w.C)).toEqual(Array.from(j.C));
    }
  });
});
