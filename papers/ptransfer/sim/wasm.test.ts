import { describe, expect, it } from 'vitest';
import { runCellFast } from './cell.ts';
import { drawLabels, ptransferTask, replicateStreams } from './data.ts';
import { activeJs, forwardRange, lossStep, rowsJs, rowsModule, trainKernel, type WasmKernels } from './kernels.ts';
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

  it('forward = forwardRange\'s JavaScript sums bit for bit: both classes, n = 1…19 and 64 (blocks of 8, pairs, one), zeros in Z', () => {
    const mod = rowsModule()!;
    const mem = new WebAssembly.Memory({ initial: 2, maximum: 2, shared: true });
    const wasm = new WebAssembly.Instance(mod, { env: { mem } }).exports as unknown as WasmKernels;
    const f64 = new Float64Array(mem.buffer);
    const st = replicateStreams(3, 0)('wasm.forward');
    for (const n of [...Array.from({ length: 19 }, (_, i) => i + 1), 64]) {
      for (const m of [1, 3, 6]) {
        const F = 2 * m;
        const pZ = 5; // an odd offset: unaligned loads
        for (let q = 0; q < F * n; q++) f64[pZ + q] = q % 7 === 3 ? 0 : st.normal();
        const s = Float64Array.from({ length: F }, () => (st.uniform() < 0.2 ? 0 : st.normal()));
        const pF = pZ + F * n + 1;
        for (const [r0, r1] of [[0, m], [m, F]] as const) {
          const js = new Float64Array(n);
          const wa = new Float64Array(n);
          const sigJ = new Float64Array(4);
          const sigW = new Float64Array(4);
          forwardRange(r0, r1, m, n, f64, pZ, s, js, sigJ, 0);
          forwardRange(r0, r1, m, n, f64, pZ, s, wa, sigW, 0, wasm, pF);
          for (let i = 0; i < n; i++) expect(Object.is(wa[i], js[i])).toBe(true);
          expect(Array.from(sigW)).toEqual(Array.from(sigJ));
        }
      }
    }
  });

  it('rows2 = two rows calls (one per filter, same row list) bit for bit: every group remainder, odd and even n, sub-ranges', () => {
    const mod = rowsModule()!;
    const mem = new WebAssembly.Memory({ initial: 4, maximum: 4, shared: true });
    const { rows, rows2 } = new WebAssembly.Instance(mod, { env: { mem } }).exports as unknown as WasmKernels;
    const f64 = new Float64Array(mem.buffer);
    const i32 = new Int32Array(mem.buffer);
    const s = replicateStreams(2, 0)('wasm.rows2');
    for (const n of [1, 2, 7, 37, 64]) {
      for (let c = 0; c <= Math.min(n, 21); c++) {
        for (const [l0, l1] of [[0, n], [1, n], [0, n - 1], [Math.floor(n / 3), Math.floor((2 * n) / 3) + 1]] as const) {
          if (l1 <= l0) continue;
          // layout: G (n×n) at 0, Z₁, Z₂ rows, val₁, val₂, idx (i32) after
          const pZ1 = n * n;
          const pZ2 = pZ1 + n;
          const pV1 = pZ2 + n;
          const pV2 = pV1 + n;
          const pI = 2 * (pV2 + n);
          for (let q = 0; q < n * n + 4 * n; q++) f64[q] = s.normal();
          const pick = Array.from({ length: n }, (_, i) => i).filter(() => s.uniform() < 0.7).slice(0, c);
          while (pick.length < c) pick.push(pick.length);
          pick.sort((a, b) => a - b);
          pick.forEach((i, k) => (i32[pI + k] = i));
          const before = f64.slice(pZ1, pZ1 + 2 * n);
          rows(pZ1, 0, pI, pV1, c, n, l0, l1);
          rows(pZ2, 0, pI, pV2, c, n, l0, l1);
          const single = Array.from(f64.slice(pZ1, pZ1 + 2 * n));
          f64.set(before, pZ1);
          rows2(pZ1, pZ2, 0, pI, pV1, pV2, c, n, l0, l1);
          expect(Array.from(f64.slice(pZ1, pZ1 + 2 * n))).toEqual(single);
          if (c > 0 && l1 - l0 > 0) expect(single).not.toEqual(Array.from(before)); // it did add something
        }
      }
    }
  });

  // N = 6, 19: below fast.ts WASM_MIN_SAMPLES trainFast picks the twin, so the choice may not change a number.
  it('training with the wasm kernel (update: one call per step) = training with the JavaScript twin, bit for bit (N = 6, 19, 37 and 300; Wishart and explicit pools)', () => {
    for (const [N1, mode] of [[6, 'wishart'], [19, 'wishart'], [37, 'wishart'], [300, 'wishart'], [6, 'explicit'], [19, 'explicit'], [37, 'explicit']] as const) {
      const p = { d: 120, m: 5, N1, N2: 10, sigmaP1: 1, sigmaP2: 1, uNorm: 1.5, v1Norm: 1, v2Norm: 1, alpha: 0.5, eta: 0.3, sigma0: 0.05, T1: 0, T2: 0, eps: 0, nTest: 10 };
      const c = runCellFast(p, 3, 0, { mode });
      const task = { spec: ptransferTask(1, { ...p, sigmaP: p.sigmaP1, n: N1 }), labels: drawLabels(N1, 0, replicateStreams(3, 0)('labels1')), noise: c.pool.blocks.xi1! };
      const opts = { eta: p.eta, T: 60, eps: 0 };
      const w = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, opts, rowsModule());
      const j = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, opts, null);
      const u = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, { ...opts, fused: false }, null); // updateRange's own loop
      expect(w.losses.at(-1)!).toBeLessThan(w.losses[0]!); // it trained
      expect(w.activeFraction).toBeGreaterThan(0.1);
      expect(w.losses).toEqual(j.losses);
      expect(Array.from(w.C)).toEqual(Array.from(j.C));
      expect(w.losses).toEqual(u.losses);
      expect(Array.from(w.C)).toEqual(Array.from(u.C));
    }
  });

  it('the JavaScript twin fused (updateRangeJs) = updateRange, bit for bit: Wishart (⟨μ, ξ⟩ = 0 skipped) and explicit pools, ε-stopped', () => {
    let skipped = 0;
    for (const mode of ['wishart', 'explicit'] as const) {
      for (const N1 of [6, 19, 24, 32]) {
        const p = { d: 150, m: 7, N1, N2: 12, sigmaP1: 1, sigmaP2: 1.4, uNorm: mode === 'wishart' ? 0 : 1.2, v1Norm: 1, v2Norm: 1.3, alpha: 1, eta: 0.2, sigma0: 0.01, T1: 0, T2: 0, eps: 0, nTest: 10 };
        const c = runCellFast(p, 5, 1, { mode });
        const task = { spec: ptransferTask(1, { ...p, sigmaP: p.sigmaP1, n: N1 }), labels: drawLabels(N1, 0, replicateStreams(5, 1)('labels1')), noise: c.pool.blocks.xi1! };
        const mu = task.spec.mu;
        const K = c.pool.K;
        let zero = true;
        for (let i = 0; i < N1; i++) {
          const q = task.noise.offset + i;
          if (mu[0] * c.pool.gram[q * K]! + mu[1] * c.pool.gram[q * K + 1]! + mu[2] * c.pool.gram[q * K + 2]! !== 0) zero = false;
        }
        if (zero) skipped++;
        for (const opts of [{ eta: p.eta, T: 400, eps: 0 }, { eta: p.eta, T: 5000, eps: 0.05 }]) {
          const f = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, opts, null);
          const u = trainKernel(c.pool, identityCoefficients(c.pool, 'up'), task, { ...opts, fused: false }, null);
          expect(f.losses.at(-1)!).toBeLessThan(f.losses[0]! / 2); // it trained
          expect(f.steps).toBe(u.steps);
          expect(f.losses).toEqual(u.losses);
          expect(Array.from(f.C)).toEqual(Array.from(u.C));
          expect(f.activeFraction).toBe(u.activeFraction);
        }
      }
    }
    expect(skipped).toBe(4); // the Wishart pools took the skip, the explicit ones (round-off ⟨μ, ξ⟩ ≠ 0) did not
  });

  it('lossStep (e^q computed once) = the plain loss step that calls Math.exp(q) twice, bit for bit', () => {
    // The plain step as it was: softplus(−q) and ℓ'(q) each evaluate Math.exp themselves.
    const plain = (n: number, m: number, yClean: Float64Array, y: Float64Array, fA: Float64Array, fB: Float64Array, sig: Float64Array, h: Float64Array, sc: Float64Array) => {
      const sigPos = sig[0]! + sig[2]!;
      const sigNeg = sig[1]! + sig[3]!;
      let loss = 0;
      let Hp = 0;
      let Hn = 0;
      for (let i = 0; i < n; i++) {
        const f = (fA[i]! + fB[i]! + (yClean[i]! > 0 ? sigPos : sigNeg)) / m;
        const q = y[i]! * f;
        loss += -q > 0 ? -q + Math.log1p(Math.exp(q)) : Math.log1p(Math.exp(-q));
        const hi = -y[i]! / (1 + Math.exp(q)) / (n * m);
        h[i] = hi;
        if (yClean[i]! > 0) Hp += hi;
        else Hn -= hi;
      }
      sc[0] = Hp;
      sc[1] = Hn;
      return loss / n;
    };
    const s = replicateStreams(4, 0)('wasm.loss');
    let negative = 0; // samples with q < 0, of 5·(1 + 19 + 64 + 300) = 1920
    for (const [n, m, scale] of [[1, 1, 1], [19, 7, 0.3], [64, 5, 3], [300, 40, 30]] as const) {
      for (let rep = 0; rep < 5; rep++) {
        const yClean = Float64Array.from({ length: n }, () => (s.uniform() < 0.5 ? 1 : -1));
        const y = yClean.map((v) => (s.uniform() < 0.2 ? -v : v));
        const fA = Float64Array.from({ length: n }, () => scale * s.normal());
        const fB = Float64Array.from({ length: n }, () => scale * s.normal());
        if (n > 1) fA[0] = fB[0] = 0; // q = ±0 exactly (sig below is 0 for it only if both signal sums are 0)
        const sig = rep === 0 ? new Float64Array(4) : Float64Array.from({ length: 4 }, () => scale * s.normal());
        const h1 = new Float64Array(n);
        const h2 = new Float64Array(n);
        const sc1 = new Float64Array(8);
        const sc2 = new Float64Array(8);
        expect(lossStep(n, m, yClean, y, fA, fB, sig, h1, sc1)).toBe(plain(n, m, yClean, y, fA, fB, sig, h2, sc2));
        expect(Array.from(h1)).toEqual(Array.from(h2));
        expect(Array.from(sc1)).toEqual(Array.from(sc2));
        for (let i = 0; i < n; i++) if (y[i]! * (fA[i]! + fB[i]! + (yClean[i]! > 0 ? sig[0]! + sig[2]! : sig[1]! + sig[3]!)) < 0) negative++;
      }
    }
    expect(negative).toBeGreaterThan(20); // both branches of softplus(−q) were taken (q < 0 and q ≥ 0)
    expect(negative).toBeLessThan(1900);
  });
});
