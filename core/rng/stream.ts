import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { jumpState } from './jump.ts';

/**
 * A seeded stream of random numbers. Every simulation draws from these; nothing uses the unseeded global generator.
 *
 * Independence: `Stream.forReplicate(seed, k)` jumps the base xoroshiro128+ generator k times
 * (each jump advances 2^64 steps), so replicate streams never overlap. Sub-streams for named
 * purposes (`child`) hash the label into the seed with SplitMix32 before jumping.
 */
export class Stream {
  // A pending Box–Muller value (a number and a flag rather than number | null: one field representation for V8).
  protected spare = 0;
  protected hasSpare = false;
  // The xoroshiro128+ state, copied out of pure-rand's generator once seeding and jumps are done: the step below is
  // pure-rand's own `next()` (lib/esm/generator/xoroshiro128plus.js) written out, so that the block fills can keep the
  // state in local variables (a draw through the generator object costs a call and four property loads and stores
  // per 32 bits; the normal fills are ≈ 1.4× faster). stream.test.ts pins every method to pure-rand's generator.
  protected s01: number;
  protected s00: number;
  protected s11: number;
  protected s10: number;
  protected constructor(s01: number, s00: number, s11: number, s10: number) {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }

  /** One xoroshiro128+ step: pure-rand's next(), the same 32-bit output. */
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

  /**
   * The generator state of a seed: pure-rand's xoroshiro128plus(mix32(seed >>> 0)), as (s01, s00, s11, s10). Like
   * `replicates` and `forReplicate` it takes any number (seed >>> 0); `fromSeed` insists on an integer.
   */
  static seedState(seed: number): Int32Array {
    return Int32Array.from(xoroshiro128plus(mix32(seed >>> 0)).getState());
  }

  static fromSeed(seed: number): Stream {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    return Stream.fromState(Stream.seedState(seed));
  }

  /** A stream at a generator state (s01, s00, s11, s10), with no pending Box–Muller value. */
  static fromState(st: ArrayLike<number>): Stream {
    return new Stream(st[0]! | 0, st[1]! | 0, st[2]! | 0, st[3]! | 0);
  }

  /** The k-th independent stream of a seed (k ≥ 0): base generator jumped k times. */
  static forReplicate(seed: number, k: number): Stream {
    const st = Stream.seedState(seed);
    for (let i = 0; i < k; i++) jumpState(st, st);
    return Stream.fromState(st);
  }

  /** Independent streams for replicates 0..count-1, built with count jumps in total (core/rng/jump.ts). */
  static replicates(seed: number, count: number): Stream[] {
    const st = Stream.seedState(seed);
    const out: Stream[] = [];
    for (let i = 0; i < count; i++) {
      out.push(Stream.fromState(st));
      jumpState(st, st);
    }
    return out;
  }

  /**
   * Starts this stream over at a generator state (as `fromState` would, without a new object): a simulation that
   * walks 10⁵ replicate streams (ReplicateWalker) re-loads one stream instead of building them all up front.
   */
  load(s01: number, s00: number, s11: number, s10: number): void {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    this.hasSpare = false;
  }

  /** The generator state (s01, s00, s11, s10); a pending Box–Muller value is not part of it. */
  state(): [number, number, number, number] {
    return [this.s01, this.s00, this.s11, this.s10];
  }

  /** A deterministic sub-seed for a labelled purpose, e.g. childSeed(seed, 'target-set', 3). */
  static childSeed(seed: number, label: string, index = 0): number {
    let h = mix32((seed >>> 0) ^ 0x9e3779b9);
    for (let i = 0; i < label.length; i++) h = mix32(h ^ label.charCodeAt(i));
    return mix32(h ^ index) >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.next() & 0x3ffffff;
    const b = this.next() & 0x7ffffff;
    return a * 1.4901161193847656e-8 + b * 1.1102230246251565e-16;
  }

  /** Uniform on (0, 1]: safe for logarithms. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  int(maxExclusive: number): number {
    return Math.floor(this.uniform() * maxExclusive);
  }

  /** Standard normal by the Box–Muller transform (pairs cached). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = this.uniformPositive();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /**
   * out[i] = scale · normal() for every i — the same numbers as that loop (a pending Box–Muller value first, a last odd
   * value's partner kept for the next call), with the generator in local variables for the whole pairs.
   */
  fillNormal(out: Float64Array, scale = 1): Float64Array {
    const m = out.length;
    let i = 0;
    if (m > 0 && this.hasSpare) {
      out[0] = scale * this.spare;
      this.hasSpare = false;
      i = 1;
    }
    let s01 = this.s01, s00 = this.s00, s11 = this.s11, s10 = this.s10; // prettier-ignore
    for (; i + 1 < m; i += 2) {
      // four generator steps (uniform() twice: the low 26 bits of one step and the low 27 of the next), written out
      let q0: number, q1: number, q2: number, q3: number, a0: number, a1: number, t00: number; // prettier-ignore
      q0 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      q1 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      q2 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      q3 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const u = 1 - ((q0 & 0x3ffffff) * 1.4901161193847656e-8 + (q1 & 0x7ffffff) * 1.1102230246251565e-16);
      const v = (q2 & 0x3ffffff) * 1.4901161193847656e-8 + (q3 & 0x7ffffff) * 1.1102230246251565e-16;
      const r = Math.sqrt(-2 * Math.log(u));
      out[i] = scale * (r * Math.cos(2 * Math.PI * v));
      out[i + 1] = scale * (r * Math.sin(2 * Math.PI * v));
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    if (i < m) out[i] = scale * this.normal();
    return out;
  }

  normals(n: number, scale = 1): Float64Array {
    return this.fillNormal(new Float64Array(n), scale);
  }

  /** Rademacher ±1. */
  sign(): number {
    return this.next() & 1 ? 1 : -1;
  }

  /** Whether the next normal() is the kept second value of a Box–Muller pair. */
  pendingSpare(): boolean {
    return this.hasSpare;
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
      // two generator steps: the first's low 26 bits and the second's low 27 bits
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

  /** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 via the boost u^(1/shape)). */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniformPositive(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPositive();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Chi-squared with k degrees of freedom (k > 0, not necessarily integer). */
  chiSquare(k: number): number {
    return 2 * this.gamma(k / 2);
  }
}

/** SplitMix32-style avalanche; good enough to decorrelate nearby integer seeds. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** tfjs ignores seed 0 (it means "unseeded"): map any seed to a positive 31-bit integer. */
export function tfSeed(seed: number): number {
  const s = (mix32(seed) >>> 1) % 0x7ffffffe;
  return s + 1;
}
