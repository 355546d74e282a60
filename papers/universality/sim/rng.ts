/**
 * The replicate streams of core/rng/stream.ts (Stream.replicates: xoroshiro128+ from pure-rand, seeded by mix32 and
 * jumped per replicate; 53-bit uniforms; Box–Muller normals with the pair's second value kept) re-implemented with the
 * generator's state in local variables inside block fills, for the universality simulations' hot loops: the same
 * numbers in the same order, bit for bit, whatever mix of calls and fills (rng.test.ts against Stream). Each fill
 * leaves the state — including a pending Box–Muller value — exactly where the equivalent single calls would.
 *
 * Why here and not in core: the classification test points and designs draw 10⁵–10⁶ values per replicate, and a draw
 * through Stream costs a method call and four property loads and stores per 32 bits. A core Stream.fill* API would
 * serve every paper (suggested to the lead); until then this copy is pinned to Stream by its test.
 */
import { mix32 } from '../../../core/rng/stream.ts';

/** What the universality simulations draw from (Stream has the same three methods). */
export interface Draws {
  uniform(): number;
  normal(): number;
  sign(): number;
}

const JUMPS = [3639956645, 3750757012, 1261568508, 386426335] as const;
const TWO_PI = 2 * Math.PI;

export class FastStream implements Draws {
  private spare: number | null = null;
  private constructor(
    private s01: number,
    private s00: number,
    private s11: number,
    private s10: number,
  ) {}

  /** Stream.replicates(seed, count), the same streams. */
  static replicates(seed: number, count: number): FastStream[] {
    const x = mix32(seed >>> 0);
    const base = new FastStream(-1, ~x, x | 0, 0);
    const out: FastStream[] = [];
    for (let i = 0; i < count; i++) {
      out.push(new FastStream(base.s01, base.s00, base.s11, base.s10));
      base.jump();
    }
    return out;
  }

  private next(): number {
    const s00 = this.s00;
    const s01 = this.s01;
    const out = (s00 + this.s10) | 0;
    const a0 = this.s10 ^ s00;
    const a1 = this.s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** pure-rand's xoroshiro128plus jump (2⁶⁴ steps). */
  private jump(): void {
    let n01 = 0, n00 = 0, n11 = 0, n10 = 0; // prettier-ignore
    let s01 = this.s01, s00 = this.s00, s11 = this.s11, s10 = this.s10; // prettier-ignore
    for (let i = 0; i !== 4; ++i) {
      const ji = JUMPS[i]!;
      for (let mask = 1; mask; mask <<= 1) {
        if (ji & mask) {
          n01 ^= s01;
          n00 ^= s00;
          n11 ^= s11;
          n10 ^= s10;
        }
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
        s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
        s10 = (a1 << 5) ^ (a0 >>> 27);
        s11 = (a0 << 5) ^ (a1 >>> 27);
      }
    }
    this.s01 = n01;
    this.s00 = n00;
    this.s11 = n11;
    this.s10 = n10;
  }

  uniform(): number {
    const a = this.next() & 0x3ffffff;
    const b = this.next() & 0x7ffffff;
    return a * 1.4901161193847656e-8 + b * 1.1102230246251565e-16;
  }

  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(TWO_PI * v);
    return r * Math.cos(TWO_PI * v);
  }

  sign(): number {
    return this.next() & 1 ? 1 : -1;
  }

  /** The generator state as (s0 low, s0 high, s1 low, s1 high) — for kernels that step it elsewhere (testPointsWasm.ts). */
  state(): [number, number, number, number] {
    return [this.s00, this.s01, this.s10, this.s11];
  }
  /** Puts back a state taken by state() and stepped elsewhere (the pending Box–Muller value is untouched). */
  setState(lo0: number, hi0: number, lo1: number, hi1: number): void {
    this.s00 = lo0 | 0;
    this.s01 = hi0 | 0;
    this.s10 = lo1 | 0;
    this.s11 = hi1 | 0;
  }

  /** Whether the next normal() is the kept second value of a Box–Muller pair. */
  pendingSpare(): boolean {
    return this.spare !== null;
  }

  /** out[i] = sign() for i < m, the generator in locals. */
  fillSigns(out: Float64Array, m = out.length): Float64Array {
    let s01 = this.s01, s00 = this.s00, s11 = this.s11, s10 = this.s10; // prettier-ignore
    for (let i = 0; i < m; i++) {
      const o = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      out[i] = o & 1 ? 1 : -1;
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    return out;
  }

  /** out[i] = uniform() for i < m, the generator in locals. */
  fillUniforms(out: Float64Array, m = out.length): Float64Array {
    let s01 = this.s01, s00 = this.s00, s11 = this.s11, s10 = this.s10; // prettier-ignore
    for (let i = 0; i < m; i++) {
      // two generator steps, unrolled: the first's low 26 bits and the second's low 27 bits
      let o = (s00 + s10) | 0;
      let a0 = s10 ^ s00;
      let a1 = s11 ^ s01;
      let t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const hi = o & 0x3ffffff;
      o = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      out[i] = hi * 1.4901161193847656e-8 + (o & 0x7ffffff) * 1.1102230246251565e-16;
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    return out;
  }

  /**
   * out[i] = normal() for i < m: the uniforms of whole pairs drawn by fillUniforms into `scratch`, then Box–Muller on
   * them — the same operations as normal(), a pending spare used first and a last odd value's partner kept.
   */
  fillNormals(out: Float64Array, m = out.length): Float64Array {
    let i = 0;
    if (m > 0 && this.spare !== null) {
      out[0] = this.spare;
      this.spare = null;
      i = 1;
    }
    const pairs = (m - i) >>> 1;
    const U = this.fillUniforms(new Float64Array(2 * pairs));
    for (let p = 0; p < pairs; p++, i += 2) {
      const u = 1 - U[2 * p]!;
      const v = U[2 * p + 1]!;
      const r = Math.sqrt(-2 * Math.log(u));
      out[i] = r * Math.cos(TWO_PI * v);
      out[i + 1] = r * Math.sin(TWO_PI * v);
    }
    if (i < m) out[i] = this.normal();
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
