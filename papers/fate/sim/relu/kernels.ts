import { KERNELS_WASM_BASE64 } from './kernels.wasm.ts';

/**
 * The O(m·n) passes of one empirical gradient evaluation on the mixed-precision path (flow.ts, oracle32), between
 * its two float32 GEMMs — as a WebAssembly SIMD kernel (kernels.wat) and its JavaScript twin, same operations in the
 * same order, so the two agree bit for bit (kernels.test.ts). At d = 100, m = 1000, n = 800 these loops in
 * JavaScript cost about as much as the GEMMs themselves (data-dependent branches, bounds checks): ≈ 15 of 32 ms per
 * evaluation; in wasm ≈ 2 ms.
 *   fwd:  f[q] = Σ_i c_i relu(H[i, q])                 (float64; H float32, m × n, row i = neuron i)
 *   back: MT[i, q] = r32[q] if H[i, q] > 0 else +0;  vc[i] = Σ_q r[q] relu(H[i, q])
 */
export interface Passes {
  /** Views into the kernel's memory: the caller fills H, c (and r, r32 before back), reads f, MT, vc. */
  H: Float32Array;
  MT: Float32Array;
  c: Float64Array;
  f: Float64Array;
  r: Float64Array;
  r32: Float32Array;
  vc: Float64Array;
  fwd(): void;
  back(): void;
  /** 'wasm' or 'js' (the twin, when WebAssembly SIMD is missing). */
  engine: 'wasm' | 'js';
}

/** fwd in JavaScript: the reference the wasm kernel must equal bit for bit. */
export function fwdJs(H: Float32Array, c: ArrayLike<number>, f: Float64Array, m: number, n: number): void {
  f.fill(0);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const ci = c[i]!;
    for (let q = 0; q < n; q++) {
      const h = H[o + q]!;
      f[q] = f[q]! + ci * (h > 0 ? h : 0);
    }
  }
}

/** back in JavaScript (the twin of kernels.wat's back). */
export function backJs(H: Float32Array, r: ArrayLike<number>, r32: Float32Array, MT: Float32Array, vc: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    let g = 0;
    for (let q = 0; q < n; q++) {
      const h = H[o + q]!;
      MT[o + q] = h > 0 ? r32[q]! : 0;
      g = g + r[q]! * (h > 0 ? h : 0);
    }
    vc[i] = g;
  }
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel module, or null when this engine lacks WebAssembly SIMD (then the JavaScript twin runs). */
export function kernelsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Workspace for m neurons × n samples; `engine` 'js' forces the twin (tests). */
export function passes(m: number, n: number, engine: 'wasm' | 'js' = 'wasm'): Passes {
  const mod = engine === 'wasm' ? kernelsModule() : null;
  // Layout (bytes): float64 c (m), f (n), r (n), vc (m); float32 r32 (n, padded to 16 B), H (m·n), MT (m·n).
  const oc = 0;
  const of = oc + 8 * m;
  const or = of + 8 * n;
  const ovc = or + 8 * n;
  const or32 = ovc + 8 * m;
  const oH = or32 + 16 * Math.ceil(n / 4);
  const oMT = oH + 4 * m * n;
  const bytes = oMT + 4 * m * n;
  let buffer: ArrayBuffer;
  type Exports = { fwd: (...a: number[]) => void; back: (...a: number[]) => void };
  let ex: Exports | null = null;
  if (mod) {
    const inst = new WebAssembly.Instance(mod, {});
    const mem = inst.exports.mem as WebAssembly.Memory;
    const need = Math.ceil(bytes / 65536) - mem.buffer.byteLength / 65536;
    if (need > 0) mem.grow(need);
    buffer = mem.buffer;
    ex = inst.exports as unknown as Exports;
  } else buffer = new ArrayBuffer(bytes);
  const v = {
    c: new Float64Array(buffer, oc, m),
    f: new Float64Array(buffer, of, n),
    r: new Float64Array(buffer, or, n),
    vc: new Float64Array(buffer, ovc, m),
    r32: new Float32Array(buffer, or32, n),
    H: new Float32Array(buffer, oH, m * n),
    MT: new Float32Array(buffer, oMT, m * n),
  };
  if (ex) {
    const { fwd, back } = ex;
    return { ...v, engine: 'wasm', fwd: () => fwd(oH, oc, of, m, n), back: () => back(oH, or, or32, oMT, ovc, m, n) };
  }
  return { ...v, engine: 'js', fwd: () => fwdJs(v.H, v.c, v.f, m, n), back: () => backJs(v.H, v.r, v.r32, v.MT, v.vc, m, n) };
}
