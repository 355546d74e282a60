/**
 * tryCholeskyInPlace (core/linalg/cholesky.ts) for the universality Gram matrices by a WebAssembly f64x2 kernel
 * (chol.wat): the same operations per entry in the same order, two rows per lane pair, so the factor is core's bit for
 * bit (cholWasm.test.ts). The profile before it: factorInPlace was 10–15% of every classification and regression
 * regime at n = 60–240. Falls back to core where WebAssembly SIMD is unavailable. invRowNormsWasm likewise is core
 * inverseRowNormsSquared (the Σ = I noise factor's ‖L⁻¹‖²_F by rows, 16% of a law-vs-gaussian regime before).
 */
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { inverseRowNormsSquared } from '../../../core/linalg/dense.ts';
import { CHOL_WASM_BASE64 } from './chol.wasm.ts';

interface Kernel {
  mem: WebAssembly.Memory;
  chol(n: number): number;
  invrows(l: number, v: number, o: number, n: number): void;
}
let kernel: Kernel | null | undefined;
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    kernel = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(CHOL_WASM_BASE64, 'base64')), {}).exports as unknown as Kernel;
  } catch {
    kernel = null;
  }
  return kernel;
}

/**
 * In place: the lower triangle of `a` (n × n row-major) becomes L, the upper is zeroed — tryCholeskyInPlace's result.
 * Returns false if A is not positive definite (then `a` is partly overwritten; the callers throw).
 */
export function cholWasm(a: Float64Array, n: number): boolean {
  const k = load();
  if (!k || n === 0) return tryCholeskyInPlace(a, n);
  const pairs = (n + 1) >>> 1;
  const bytes = 16 * pairs * n;
  if (k.mem.buffer.byteLength < bytes) k.mem.grow(Math.ceil((bytes - k.mem.buffer.byteLength) / 65536));
  const P = new Float64Array(k.mem.buffer, 0, 2 * pairs * n);
  for (let i = 0; i < n; i++) {
    const o = (i >>> 1) * 2 * n + (i & 1);
    for (let c = 0; c <= i; c++) P[o + 2 * c] = a[i * n + c]!;
  }
  if (n & 1) for (let c = 0; c < n; c++) P[(n >>> 1) * 2 * n + 1 + 2 * c] = 0; // padding row
  if (k.chol(n) >= 0) return false;
  for (let i = 0; i < n; i++) {
    const o = (i >>> 1) * 2 * n + (i & 1);
    const r = i * n;
    for (let c = 0; c <= i; c++) a[r + c] = P[o + 2 * c]!;
    for (let c = i + 1; c < n; c++) a[r + c] = 0;
  }
  return true;
}

/** core inverseRowNormsSquared(L, n) (squared norms of the rows of L⁻¹, L lower triangular row-major), bit for bit. */
export function invRowNormsWasm(l: Float64Array, n: number): Float64Array {
  const k = load();
  if (!k || n === 0) return inverseRowNormsSquared(l, n);
  const bytes = 16 * n * n + 8 * n;
  if (k.mem.buffer.byteLength < bytes) k.mem.grow(Math.ceil((bytes - k.mem.buffer.byteLength) / 65536));
  new Float64Array(k.mem.buffer, 0, n * n).set(l.subarray(0, n * n));
  k.invrows(0, 8 * n * n, 16 * n * n, n);
  return new Float64Array(k.mem.buffer, 16 * n * n, n).slice();
}
