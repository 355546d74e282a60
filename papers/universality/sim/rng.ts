/**
 * The universality simulations' streams: core's Stream (core/rng/stream.ts — the same numbers, its block fills with
 * the generator in local variables) under a type of its own, which marks the fast paths: where a simulation is handed a
 * FastStream it may draw by block fills and by kernels that step the generator elsewhere (testPointsWasm.ts, chi2.ts),
 * and where it is handed a plain Stream it takes the generic one-call-per-value path — the reference the tests hold the
 * fast paths to (core.test.ts, rng.test.ts: the same numbers in the same order, whatever mix of calls and fills).
 */
import { Stream } from '../../../core/rng/stream.ts';
import { jumpState } from '../../../core/rng/jump.ts';

/** What the universality simulations draw from (Stream has the same three methods). */
export interface Draws {
  uniform(): number;
  normal(): number;
  sign(): number;
}

const TWO_PI = 2 * Math.PI;

export class FastStream extends Stream implements Draws {
  /** Stream.replicates(seed, count), the same streams. */
  static override replicates(seed: number, count: number): FastStream[] {
    const st = Stream.seedState(seed);
    const out: FastStream[] = [];
    for (let i = 0; i < count; i++) {
      out.push(new FastStream(st[0]!, st[1]!, st[2]!, st[3]!));
      jumpState(st, st);
    }
    return out;
  }

  /** The generator state as (s0 low, s0 high, s1 low, s1 high) — for kernels that step it elsewhere (testPointsWasm.ts). */
  lanes(): [number, number, number, number] {
    return [this.s00, this.s01, this.s10, this.s11];
  }
  /** Puts back a state taken by lanes() and stepped elsewhere (the pending Box–Muller value is untouched). */
  setLanes(lo0: number, hi0: number, lo1: number, hi1: number): void {
    this.s00 = lo0 | 0;
    this.s01 = hi0 | 0;
    this.s10 = lo1 | 0;
    this.s11 = hi1 | 0;
  }

  /** out[i] = normal() for i < m (Stream.fillNormal on the prefix: a pending spare first, a last odd value's partner kept). */
  fillNormals(out: Float64Array, m = out.length): Float64Array {
    this.fillNormal(m === out.length ? out : out.subarray(0, m));
    return out;
  }
}

/**
 * out[i] = (normal() ≥ 0 ? 1 : −1) for i < m — a Rademacher design's coupled entries (core.ts lawEntry of the i-th
 * normal) without the logarithm and square root where they cannot matter: with u < 1 the radius r = √(−2 ln u) is ≥
 * 1.5e-8, so r·cos(2πv) has the sign of cos(2πv) (no underflow: |cos| ≥ 1e-17 on the 2⁻⁵³ grid), and cos, sin of
 * 2πv have the sign of the quadrant of v away from the quadrant edges (within 1e-9 of 0, ¼, ½, ¾ the value itself is
 * computed, as normal() does); u = 1 gives r = 0, both entries +1 (sign(±0) = +1 under ≥ 0).
 */
export function fillNormalSigns(s: FastStream, out: Float64Array, m = out.length): Float64Array {
  let i = 0;
  if (m === 0) return out;
  if (s.pendingSpare()) {
    out[0] = s.normal() >= 0 ? 1 : -1;
    i = 1;
  }
  const pairs = (m - i) >>> 1;
  const U = s.fillUniforms(new Float64Array(2 * pairs));
  for (let p = 0; p < pairs; p++, i += 2) {
    const c = pairSigns(1 - U[2 * p]!, U[2 * p + 1]!);
    out[i] = c & 1 ? -1 : 1;
    out[i + 1] = c & 2 ? -1 : 1;
  }
  if (i < m) out[i] = s.normal() >= 0 ? 1 : -1;
  return out;
}

const E = 1e-9;
/**
 * The signs of Box–Muller's pair r·cos(2πv), r·sin(2πv) with r = √(−2 ln u) (u in (0, 1]): bit 0 set when the first is
 * negative, bit 1 when the second is. Exported for its edge-case test.
 */
export function pairSigns(u: number, v: number): number {
  if (u === 1) return 0;
  if (v < E || Math.abs(v - 0.25) < E || Math.abs(v - 0.5) < E || Math.abs(v - 0.75) < E || v > 1 - E) {
    const r = Math.sqrt(-2 * Math.log(u));
    return (r * Math.cos(TWO_PI * v) >= 0 ? 0 : 1) | (r * Math.sin(TWO_PI * v) >= 0 ? 0 : 2);
  }
  return (v < 0.25 || v > 0.75 ? 0 : 1) | (v < 0.5 ? 0 : 2);
}
