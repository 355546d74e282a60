/**
 * XXᵀ and the blocked triangular solves by WebAssembly f64x2 kernels (gram.wat): each lane accumulates one entry Σ_k X_ik X_jk in k order by separate
 * multiplies and adds — the arithmetic of core/linalg gramRows and linalg.ts gramRows2x4 — so the result is theirs
 * bit for bit (gramWasm.test.ts), about 3× faster at the universality sizes (n ≤ 240, d ≤ 300); trisolve is
 * linalg.ts triSolveRows with the same operations per element, two columns per lane pair. Both fall back to the
 * JavaScript kernels where WebAssembly SIMD is unavailable.
 */
import { GRAM_WASM_BASE64 } from './gram.wasm.ts';
import { gramRows2x4, triSolveRows } from './linalg.ts';

interface Kernel {
  mem: WebAssembly.Memory;
  gram(x: number, p: number, g: number, n: number, d: number, gs: number): void;
  trisolve(l: number, b: number, n: number, d: number, tr: number): void;
}
let kernel: Kernel | null | undefined;
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    const mod = new WebAssembly.Module(Buffer.from(GRAM_WASM_BASE64, 'base64'));
    kernel = new WebAssembly.Instance(mod, {}).exports as unknown as Kernel;
  } catch {
    kernel = null;
  }
  return kernel;
}

export function gramWasm(X: Float64Array, n: number, d: number): Float64Array {
  const k = load();
  if (!k || n === 0 || d === 0) return gramRows2x4(X, n, d);
  const pairs = (n + 1) >>> 1;
  const gs = 2 * pairs + 2;
  const xOff = 0;
  const pOff = 8 * n * d;
  const gOff = pOff + 16 * pairs * d;
  const bytes = gOff + 8 * gs * (n + 1);
  if (k.mem.buffer.byteLength < bytes) k.mem.grow(Math.ceil((bytes - k.mem.buffer.byteLength) / 65536));
  const f64 = new Float64Array(k.mem.buffer);
  f64.set(X.subarray(0, n * d), 0);
  const P = pOff / 8;
  for (let q = 0; q < pairs; q++) {
    const r0 = 2 * q * d;
    const r1 = r0 + d;
    const two = 2 * q + 1 < n;
    const o = P + 2 * q * d;
    for (let kk = 0; kk < d; kk++) {
      f64[o + 2 * kk] = X[r0 + kk]!;
      f64[o + 2 * kk + 1] = two ? X[r1 + kk]! : 0;
    }
  }
  k.gram(xOff, pOff, gOff, n, d, gs);
  const G = new Float64Array(n * n);
  const g0 = gOff / 8;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = f64[g0 + i * gs + j]!;
      G[i * n + j] = v;
      G[j * n + i] = v;
    }
  return G;
}

/** triSolveRows(L, n, B, d, transpose) (B overwritten with the solution and returned), bit for bit. */
export function triSolveWasm(L: Float64Array, n: number, B: Float64Array, d: number, transpose: boolean): Float64Array {
  const k = load();
  if (!k || n === 0 || d === 0) return triSolveRows(L, n, B, d, transpose);
  const bOff = 8 * n * n;
  const bytes = bOff + 8 * n * d;
  if (k.mem.buffer.byteLength < bytes) k.mem.grow(Math.ceil((bytes - k.mem.buffer.byteLength) / 65536));
  const f64 = new Float64Array(k.mem.buffer);
  f64.set(L.subarray(0, n * n), 0);
  f64.set(B.subarray(0, n * d), n * n);
  k.trisolve(0, bOff, n, d, transpose ? 1 : 0);
  B.set(f64.subarray(n * n, n * n + n * d));
  return B;
}
