import { kernelsModule } from './kernels.ts';

/**
 * Eigen-decomposition of a symmetric matrix: ml-matrix's EigenvalueDecomposition (symmetric path, JAMA's Householder
 * tridiagonalisation tred2 + implicit QL tql2, v6.15.1) transcribed onto one flat Float64Array — the same operations in
 * the same order, so the same eigenvalues and eigenvectors bit for bit (symEig.test.ts compares them with ml-matrix),
 * without the row-array indirection and the per-element get/set calls. Why: linear transfer at the paper's sizes solves
 * least squares on 1000 student features (teacher.ts leastSquares → pinvApply), where ml-matrix's decomposition of
 * the 1000 × 1000 Gram matrix cost ≈ 9.6 s of an 11 s solve (fate.sec4.negative-transfer, kernel/approaches).
 *
 * Storage as ml-matrix's: S holds the eigenvector matrix transposed while the algorithm runs (S[a·n + b] is its
 * V.get(a, b)); the logical V(i, j) = S[j·n + i].
 */
export function symEigFlat(A: ArrayLike<number>, n: number, engine: 'wasm' | 'js' = 'wasm'): { values: Float64Array; vectors: Float64Array } {
  // From n = 32 on, S, d and e live in a WebAssembly memory and the elementwise inner loops (tred2's rank-two update and
  // accumulation, tql2's rotations) run in kernels.wat's rot / r2 / axpy: the same operations on each entry (SIMD over
  // entries, never within a sum), so the same numbers bit for bit (symEig.test.ts, both engines); ≈ 2× at n = 1000.
  const mod = engine === 'wasm' && n >= 32 ? kernelsModule() : null;
  let w: Wasm | null = null;
  let S: Float64Array;
  let d: Float64Array;
  let e: Float64Array;
  if (mod) {
    const inst = new WebAssembly.Instance(mod, {});
    const mem = inst.exports.mem as WebAssembly.Memory;
    const bytes = 8 * (n * n + 2 * n);
    const need = Math.ceil(bytes / 65536) - mem.buffer.byteLength / 65536;
    if (need > 0) mem.grow(need);
    S = new Float64Array(mem.buffer, 0, n * n);
    d = new Float64Array(mem.buffer, 8 * n * n, n);
    e = new Float64Array(mem.buffer, 8 * (n * n + n), n);
    const ex = inst.exports as unknown as Pick<Wasm, 'rot' | 'r2' | 'axpy'>;
    w = { rot: ex.rot, r2: ex.r2, axpy: ex.axpy, dB: 8 * n * n, eB: 8 * (n * n + n) };
  } else {
    S = new Float64Array(n * n);
    d = new Float64Array(n);
    e = new Float64Array(n);
  }
  // V.set(j, i, value.get(i, j))
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[j * n + i] = A[i * n + j]!;
  tred2(n, e, d, S, w);
  tql2(n, e, d, S, w);
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vectors[i * n + j] = S[j * n + i]!;
  return { values: Float64Array.from(d), vectors };
}

/** kernels.wat's elementwise passes and the byte offsets of d and e in their memory (S at 0). */
interface Wasm {
  rot: (a: number, b: number, n: number, c: number, s: number) => void;
  r2: (v: number, e: number, d: number, len: number, f: number, g: number) => void;
  axpy: (v: number, d: number, len: number, g: number) => void;
  dB: number;
  eB: number;
}

function hypotenuse(a: number, b: number): number {
  let r = 0;
  if (Math.abs(a) > Math.abs(b)) {
    r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

function tred2(n: number, e: Float64Array, d: Float64Array, V: Float64Array, w: Wasm | null): void {
  let f: number, g: number, h: number, i: number, j: number, k: number, hh: number, scale: number; // prettier-ignore
  for (j = 0; j < n; j++) d[j] = V[j * n + n - 1]!;
  for (i = n - 1; i > 0; i--) {
    scale = 0;
    h = 0;
    for (k = 0; k < i; k++) scale = scale + Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (j = 0; j < i; j++) {
        d[j] = V[j * n + i - 1]!;
        V[j * n + i] = 0;
        V[i * n + j] = 0;
      }
    } else {
      for (k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      f = d[i - 1]!;
      g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (j = 0; j < i; j++) e[j] = 0;
      for (j = 0; j < i; j++) {
        f = d[j]!;
        V[i * n + j] = f;
        const jo = j * n;
        g = e[j]! + V[jo + j]! * f;
        for (k = j + 1; k <= i - 1; k++) {
          const vjk = V[jo + k]!;
          g += vjk * d[k]!;
          e[k] = e[k]! + vjk * f;
        }
        e[j] = g;
      }
      f = 0;
      for (j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      hh = f / (h + h);
      for (j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        const jo = j * n;
        if (w) w.r2(8 * (jo + j), w.eB + 8 * j, w.dB + 8 * j, i - j, f, g);
        else for (k = j; k <= i - 1; k++) V[jo + k] = V[jo + k]! - (f * e[k]! + g * d[k]!);
        d[j] = V[jo + i - 1]!;
        V[jo + i] = 0;
      }
    }
    d[i] = h;
  }
  for (i = 0; i < n - 1; i++) {
    V[i * n + n - 1] = V[i * n + i]!;
    V[i * n + i] = 1;
    h = d[i + 1]!;
    const io1 = (i + 1) * n;
    if (h !== 0) {
      for (k = 0; k <= i; k++) d[k] = V[io1 + k]! / h;
      for (j = 0; j <= i; j++) {
        const jo = j * n;
        g = 0;
        for (k = 0; k <= i; k++) g += V[io1 + k]! * V[jo + k]!;
        if (w) w.axpy(8 * jo, w.dB, i + 1, g);
        else for (k = 0; k <= i; k++) V[jo + k] = V[jo + k]! - g * d[k]!;
      }
    }
    for (k = 0; k <= i; k++) V[io1 + k] = 0;
  }
  for (j = 0; j < n; j++) {
    d[j] = V[j * n + n - 1]!;
    V[j * n + n - 1] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

function tql2(n: number, e: Float64Array, d: Float64Array, V: Float64Array, w: Wasm | null): void {
  let g: number, h: number, i: number, j: number, k: number, l: number, m: number, p: number, r: number; // prettier-ignore
  let dl1: number, c: number, c2: number, c3: number, el1: number, s: number, s2: number; // prettier-ignore
  for (i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      do {
        g = d[l]!;
        p = (d[l + 1]! - g) / (2 * e[l]!);
        r = hypotenuse(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        dl1 = d[l + 1]!;
        h = g - d[l]!;
        for (i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f = f + h;
        p = d[m]!;
        c = 1;
        c2 = c;
        c3 = c;
        el1 = e[l + 1]!;
        s = 0;
        s2 = 0;
        for (i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypotenuse(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          const io = i * n;
          const io1 = io + n;
          if (w) w.rot(8 * io, 8 * io1, n, c, s);
          else
            for (k = 0; k < n; k++) {
              h = V[io1 + k]!;
              V[io1 + k] = s * V[io + k]! + c * h;
              V[io + k] = c * V[io + k]! - s * h;
            }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  for (i = 0; i < n - 1; i++) {
    k = i;
    p = d[i]!;
    for (j = i + 1; j < n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      const io = i * n;
      const ko = k * n;
      for (j = 0; j < n; j++) {
        p = V[io + j]!;
        V[io + j] = V[ko + j]!;
        V[ko + j] = p;
      }
    }
  }
}
