/**
 * The classification test points of the Rademacher and uniform laws (core.ts directDisagreements) by a WebAssembly
 * kernel (testPoints.wat) that draws each entry from the FastStream's generator and adds it into the three sums at
 * once: the generator as two i64 (xoroshiro128+, the same steps as rng.ts's 32-bit halves), the entries and the sums
 * with directDisagreements' operations in its order — so the counts and the stream's final state are its own, bit for
 * bit (testPointsWasm.test.ts). Profile before (universality.classification at the quick records' sizes): the test
 * points were 40–50% of a Rademacher or uniform regime, one JS generator step and a Float64Array round trip per entry.
 * Returns null where WebAssembly is unavailable (the caller then draws in JavaScript).
 */
import { TEST_POINTS_WASM_BASE64 } from './testPoints.wasm.ts';
import type { FastStream } from './rng.ts';

interface Kernel {
  mem: WebAssembly.Memory;
  points(law: number, d: number, nTest: number, st: number, sqrt3: number): void;
}
let kernel: Kernel | null | undefined;
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    kernel = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(TEST_POINTS_WASM_BASE64, 'base64')), {}).exports as unknown as Kernel;
  } catch {
    kernel = null;
  }
  return kernel;
}

const SQRT3 = Math.sqrt(3);

/** [#{sign(xᵀw) ≠ sign(xᵀw*)}, #{sign(xᵀw_0) ≠ sign(xᵀw*)}] over nTest test points drawn from `s` (advanced past them). */
export function testPointsWasm(law: 'rademacher' | 'uniform', s: FastStream, nTest: number, wStar: Float64Array, w: Float64Array, w0: Float64Array): [number, number] | null {
  const k = load();
  if (!k) return null;
  const d = wStar.length;
  const st = 24 * d;
  const bytes = st + 24;
  if (k.mem.buffer.byteLength < bytes) k.mem.grow(Math.ceil((bytes - k.mem.buffer.byteLength) / 65536));
  const f64 = new Float64Array(k.mem.buffer, 0, 3 * d);
  f64.set(wStar, 0);
  f64.set(w, d);
  f64.set(w0, 2 * d);
  const i32 = new Int32Array(k.mem.buffer, st, 6);
  i32.set(s.lanes());
  k.points(law === 'uniform' ? 1 : 0, d, nTest, st, SQRT3);
  s.setLanes(i32[0]!, i32[1]!, i32[2]!, i32[3]!);
  return [i32[4]!, i32[5]!];
}
