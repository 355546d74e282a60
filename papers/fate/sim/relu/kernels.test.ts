import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { backJs, fwdJs, gradSession, gradWasm, kernelsModule, passes, reluFeaturesWasm } from './kernels.ts';
import { featureKernel, gradKernel } from './gdKernels.ts';
import { KERNELS_WASM_BASE64, KERNELS_WAT_SHA256 } from './kernels.wasm.ts';

/**
 * The wasm passes of the mixed-precision oracle (kernels.wat) against their JavaScript twins — exact equality
 * (toEqual on float64 values), since the operations and their order are the same — and the twins against the
 * branching loops flow.ts ran before (skip the entry when h ≤ 0), also exactly.
 */
function fill(k: ReturnType<typeof passes>, m: number, n: number, seed: number): void {
  const s = Stream.fromSeed(seed);
  for (let q = 0; q < m * n; q++) k.H[q] = q % 7 === 3 ? 0 : q % 11 === 5 ? -0 : s.normal();
  for (let i = 0; i < m; i++) k.c[i] = s.normal();
  for (let q = 0; q < n; q++) {
    k.r[q] = s.normal() * 1e-2;
    k.r32[q] = k.r[q]!;
  }
}

describe('mixed-precision oracle passes (kernels.wat / kernels.ts)', () => {
  it('the committed bytes are exactly what build-wasm.ts assembles from kernels.wat', async () => {
    const { assembleKernels } = await import('./build-wasm.ts');
    const { bytes, watSha256 } = await assembleKernels();
    expect(watSha256).toBe(KERNELS_WAT_SHA256);
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it.each([
    [1, 1],
    [3, 2],
    [5, 7],
    [17, 33],
    [40, 64],
    [64, 101],
    [9, 1502],
  ])('wasm = JavaScript twin bit for bit, and the twin = the branching loop (m = %i, n = %i)', (m, n) => {
    expect(kernelsModule()).not.toBeNull(); // Node ≥ 20 has WebAssembly SIMD: the fast path must not fall back silently
    const w = passes(m, n, 'wasm');
    const j = passes(m, n, 'js');
    expect(w.engine).toBe('wasm');
    fill(w, m, n, m * 1000 + n);
    fill(j, m, n, m * 1000 + n);
    w.fwd();
    j.fwd();
    expect(w.f).toEqual(j.f);
    w.back();
    j.back();
    expect(w.vc).toEqual(j.vc);
    expect(w.MT).toEqual(j.MT);
    // The branching loop of before: sums skip the entries with h ≤ 0.
    const f = new Float64Array(n);
    for (let i = 0; i < m; i++) for (let q = 0; q < n; q++) if (j.H[i * n + q]! > 0) f[q] = f[q]! + j.c[i]! * j.H[i * n + q]!;
    expect(j.f).toEqual(f);
    const vc = new Float64Array(m);
    const MT = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      let g = 0;
      for (let q = 0; q < n; q++) {
        const h = j.H[i * n + q]!;
        if (h > 0) {
          g += j.r[q]! * h;
          MT[i * n + q] = j.r[q]!;
        }
      }
      vc[i] = g;
    }
    expect(j.vc).toEqual(vc);
    expect(j.MT).toEqual(MT);
    // fwdJs/backJs on plain arrays are the same functions the 'js' engine runs.
    const f2 = new Float64Array(n);
    fwdJs(j.H, j.c, f2, m, n);
    expect(f2).toEqual(j.f);
    const vc2 = new Float64Array(m);
    backJs(j.H, j.r, j.r32, new Float32Array(m * n), vc2, m, n);
    expect(vc2).toEqual(j.vc);
  });

  // The float64 empirical gradient (kernels.wat `grad`) against gdKernels.ts's unrolled JavaScript kernel: every output,
  // bit for bit, with zero residuals (y = f) and zero / negative pre-activations present; odd and even m and d.
  it.each([
    [10, 40, 64],
    [7, 13, 33],
    [32, 41, 5],
    [1, 1, 1],
    [2, 3, 4],
    [31, 2, 70],
    [3, 9, 20],
    [13, 16, 17],
    [20, 8, 9],
    [22, 5, 6],
    [11, 18, 12],
  ])('float64 gradient: wasm = the unrolled JavaScript kernel bit for bit (d = %i, m = %i, n = %i)', (d, m, n) => {
    const s = Stream.fromSeed(d * 100 + m);
    const X = s.normals(n * d);
    const W = s.normals(m * d);
    const c = s.normals(m);
    for (let i = 0; i < m; i += 3) W[i * d] = 0; // exact zeros in the weights
    const y = s.normals(n);
    const out = () => ({ H: new Float64Array(n * m), r: new Float64Array(n), gW: new Float64Array(m * d), gc: new Float64Array(m) });
    const a = out();
    gradKernel(d)(X, y, W, c, n, m, a.H, a.r, a.gW, a.gc);
    // y = f on every 4th sample: r_a = 0 exactly there (the skipped rows)
    for (let q = 0; q < n; q += 4) y[q] = y[q]! + a.r[q]!;
    const js = out();
    const sj = gradKernel(d)(X, y, W, c, n, m, js.H, js.r, js.gW, js.gc);
    const wa = out();
    const sw = gradWasm(d)!(X, y, W, c, n, m, wa.H, wa.r, wa.gW, wa.gc);
    expect(sw).toBe(sj);
    expect(wa.H).toEqual(js.H);
    expect(wa.r).toEqual(js.r);
    expect(wa.gW).toEqual(js.gW);
    expect(wa.gc).toEqual(js.gc);
    if (n * m >= 20) expect(js.H.some((h) => h < 0) && js.H.some((h) => h > 0)).toBe(true);
    // a session (X, y copied once) over several steps gives the same gradients
    const ses = gradSession(d)!(X, y, n, m);
    const gW = new Float64Array(m * d);
    const gc = new Float64Array(m);
    expect(ses.step(W, c, gW, gc)).toBe(sj);
    expect(ses.step(W, c, gW, gc)).toBe(sj);
    expect(gW).toEqual(js.gW);
    expect(gc).toEqual(js.gc);
  });
  it('float64 gradient: rows with a zero residual are skipped alike (c = 0, y = 0 on every third sample)', () => {
    const [d, m, n] = [13, 11, 30];
    const s = Stream.fromSeed(5);
    const X = s.normals(n * d);
    const W = s.normals(m * d);
    const c = new Float64Array(m);
    const y = s.normals(n);
    for (let q = 0; q < n; q += 3) y[q] = 0;
    const out = () => ({ H: new Float64Array(n * m), r: new Float64Array(n), gW: new Float64Array(m * d), gc: new Float64Array(m) });
    const js = out();
    const wa = out();
    expect(gradWasm(d)!(X, y, W, c, n, m, wa.H, wa.r, wa.gW, wa.gc)).toBe(gradKernel(d)(X, y, W, c, n, m, js.H, js.r, js.gW, js.gc));
    expect(js.r.filter((v) => v === 0).length).toBe(10);
    expect(wa.gW).toEqual(js.gW);
    expect(wa.gc).toEqual(js.gc);
    expect(wa.H).toEqual(js.H);
  });
  it.each([
    [24, 20, 300],
    [10, 11, 97],
    [17, 7, 33],
    [1, 1, 5],
    [32, 9, 100],
    [5, 16, 40],
  ])('ReLU features: wasm = the unrolled JavaScript kernel bit for bit (d = %i, p = %i, n = %i)', (d, p, n) => {
    const s = Stream.fromSeed(d * 7 + p);
    const X = s.normals(n * d);
    const W = Array.from({ length: p }, () => s.normals(d));
    W[0]![0] = 0;
    const Wf = new Float64Array(p * d);
    for (let i = 0; i < p; i++) Wf.set(W[i]!, i * d);
    const js = new Float64Array(n * p);
    featureKernel(d)(X, n, Wf, p, js);
    expect(reluFeaturesWasm(X, n, d, W)).toEqual(js);
    if (n * p >= 20) expect(js.some((v) => v === 0) && js.some((v) => v > 0)).toBe(true);
  });
});
