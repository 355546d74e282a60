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

/** gdKernels.ts's GradKernel contract (X n × d, W m × d row-major; fills H, r, gW, gc; returns Σ r²). */
type Grad = (X: Float64Array, y: Float64Array, W: Float64Array, c: Float64Array, n: number, m: number, H: Float64Array, r: Float64Array, gW: Float64Array, gc: Float64Array) => number;

let gradInstance: { mem: WebAssembly.Memory; grad: (...a: number[]) => number } | null | undefined;

/**
 * The float64 empirical gradient of the §4 student (train.ts trainEmpirical, 'test'/'quick' sizes) in kernels.wat's
 * `grad`: the same operations in the same order as gdKernels.ts's unrolled JavaScript kernel — f64x2 lanes over two
 * neurons (forward) or two coordinates (backward), never two terms of one sum — so the same numbers bit for bit
 * (kernels.test.ts; relu.test.ts compares whole trainings with the plain loops). The arrays are copied into the
 * module's memory and the results back (W interleaved in neuron pairs, the layout `grad` reads). Null when this engine
 * lacks WebAssembly SIMD (the JavaScript kernel then runs).
 */
export function gradWasm(d: number): Grad | null {
  const session = gradSession(d);
  if (!session) return null;
  return (X, y, W, c, n, m, H, r, gW, gc) => {
    const s = session(X, y, n, m);
    const sq = s.step(W, c, gW, gc);
    H.set(s.H);
    r.set(s.r);
    return sq;
  };
}

/**
 * The same kernel for one training: X and y copied into the module's memory once, then per step only W (interleaved)
 * and c in and gW, gc out — H and r stay in the module (views s.H, s.r; valid until the next gradSession call).
 */
export function gradSession(d: number): ((X: Float64Array, y: Float64Array, n: number, m: number) => { step: (W: Float64Array, c: Float64Array, gW: Float64Array, gc: Float64Array) => number; H: Float64Array; r: Float64Array }) | null {
  if (gradInstance === undefined) {
    const mod = kernelsModule();
    if (!mod) gradInstance = null;
    else {
      const inst = new WebAssembly.Instance(mod, {});
      gradInstance = { mem: inst.exports.mem as WebAssembly.Memory, grad: inst.exports.grad as (...a: number[]) => number };
    }
  }
  const g = gradInstance;
  if (!g) return null;
  return (X, y, n, m) => {
    // Layout (float64 offsets): X (n·d), y (n), Wp (m·d), c (m), H (n·m), r (n), gW (m·d), gc (m).
    const oX = 0;
    const oy = oX + n * d;
    const oW = oy + n;
    const oc = oW + m * d;
    const oH = oc + m;
    const or = oH + n * m;
    const ogW = or + n;
    const ogc = ogW + m * d;
    const bytes = 8 * (ogc + m);
    const need = Math.ceil(bytes / 65536) - g.mem.buffer.byteLength / 65536;
    if (need > 0) g.mem.grow(need);
    const F = new Float64Array(g.mem.buffer);
    F.set(X.subarray(0, n * d), oX);
    F.set(y.subarray(0, n), oy);
    const pairs = m >> 1;
    const Wp = F.subarray(oW, oW + m * d);
    const cv = F.subarray(oc, oc + m);
    const gWv = F.subarray(ogW, ogW + m * d);
    const gcv = F.subarray(ogc, ogc + m);
    const step = (W: Float64Array, c: Float64Array, gW: Float64Array, gc: Float64Array) => {
      for (let p = 0; p < pairs; p++) {
        const w0 = 2 * p * d;
        for (let k = 0; k < d; k++) {
          Wp[w0 + 2 * k] = W[w0 + k]!;
          Wp[w0 + 2 * k + 1] = W[w0 + d + k]!;
        }
      }
      if (m & 1) Wp.set(W.subarray((m - 1) * d, m * d), (m - 1) * d);
      cv.set(c.subarray(0, m));
      const sq = g.grad(8 * oX, 8 * oy, 8 * oW, 8 * oc, n, m, d, 8 * oH, 8 * or, 8 * ogW, 8 * ogc);
      gW.set(gWv);
      gc.set(gcv);
      return sq;
    };
    return { step, H: F.subarray(oH, oH + n * m), r: F.subarray(or, or + n) };
  };
}

let featInstance: { mem: WebAssembly.Memory; feat: (...a: number[]) => void } | null | undefined;

/**
 * teacher.ts reluFeatures (d ≤ 32) in kernels.wat's `feat`: out[a·p + i] = relu(w_iᵀx_a), the unrolled JavaScript
 * kernel's numbers bit for bit (kernels.test.ts); f64x2 lanes over two neurons. X, the pair-interleaved W and the
 * output pass through the module's memory. Null without WebAssembly SIMD.
 */
export function reluFeaturesWasm(X: Float64Array, n: number, d: number, W: readonly Float64Array[]): Float64Array | null {
  if (featInstance === undefined) {
    const mod = kernelsModule();
    if (!mod) featInstance = null;
    else {
      const inst = new WebAssembly.Instance(mod, {});
      featInstance = { mem: inst.exports.mem as WebAssembly.Memory, feat: inst.exports.feat as (...a: number[]) => void };
    }
  }
  const g = featInstance;
  if (!g) return null;
  const p = W.length;
  const oX = 0;
  const oW = oX + n * d;
  const oO = oW + p * d;
  const bytes = 8 * (oO + n * p) + 64;
  const need = Math.ceil(bytes / 65536) - g.mem.buffer.byteLength / 65536;
  if (need > 0) g.mem.grow(need);
  const F = new Float64Array(g.mem.buffer);
  F.set(X.subarray(0, n * d), oX);
  const pairs = p >> 1;
  for (let q = 0; q < pairs; q++) {
    const a = W[2 * q]!;
    const b = W[2 * q + 1]!;
    const o = oW + 2 * q * d;
    for (let k = 0; k < d; k++) {
      F[o + 2 * k] = a[k]!;
      F[o + 2 * k + 1] = b[k]!;
    }
  }
  if (p & 1) F.set(W[p - 1]!.subarray(0, d), oW + (p - 1) * d);
  g.feat(8 * oX, n, d, 8 * oW, p, 8 * oO);
  return F.slice(oO, oO + n * p);
}
