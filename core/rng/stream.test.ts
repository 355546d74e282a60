import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Stream, mix32, tfSeed } from './stream.ts';

/** The stream as defined: pure-rand's xoroshiro128+ called per 32 bits, Box–Muller one value at a time (the plain form). */
class Reference {
  private spare: number | null = null;
  constructor(private readonly rng: ReturnType<typeof xoroshiro128plus>) {}
  static replicate(seed: number, k: number): Reference {
    const g = xoroshiro128plus(mix32(seed >>> 0));
    for (let i = 0; i < k; i++) g.jump();
    return new Reference(g);
  }
  uniform(): number {
    const a = this.rng.next() & 0x3ffffff;
    const b = this.rng.next() & 0x7ffffff;
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
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  sign(): number {
    return this.rng.next() & 1 ? 1 : -1;
  }
}

describe('Stream', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = Stream.fromSeed(42).normals(5);
    const b = Stream.fromSeed(42).normals(5);
    const c = Stream.fromSeed(43).normals(5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
  it('replicate k equals forReplicate(seed, k): streams are addressable for replay', () => {
    const reps = Stream.replicates(9, 4);
    expect(reps[3]!.uniform()).toBe(Stream.forReplicate(9, 3).uniform());
  });
  it('replicate streams are uncorrelated', () => {
    const [a, b] = Stream.replicates(5, 2).map((s) => s.normals(20000));
    let c = 0;
    for (let i = 0; i < 20000; i++) c += a![i]! * b![i]!;
    expect(Math.abs(c / 20000)).toBeLessThan(4 / Math.sqrt(20000));
  });
  it('normal, gamma and χ² have the right first two moments', () => {
    const s = Stream.fromSeed(3);
    const m = 40000;
    const mom = (f: () => number) => {
      let a = 0;
      let b = 0;
      for (let i = 0; i < m; i++) {
        const x = f();
        a += x;
        b += x * x;
      }
      return { mean: a / m, variance: b / m - (a / m) ** 2 };
    };
    const n = mom(() => s.normal());
    expect(Math.abs(n.mean)).toBeLessThan(0.02);
    expect(Math.abs(n.variance - 1)).toBeLessThan(0.03);
    for (const k of [0.7, 3, 25]) {
      const c = mom(() => s.chiSquare(k));
      expect(Math.abs(c.mean - k) / k).toBeLessThan(0.03);
      expect(Math.abs(c.variance - 2 * k) / (2 * k)).toBeLessThan(0.06);
    }
  });
  it('every method draws exactly what pure-rand\'s generator gives, whatever the mix of single draws and block fills', () => {
    const pick = Stream.fromSeed(77);
    for (const [seed, k] of [[1, 0], [20261122, 3], [0, 1], [4294967295, 2]] as const) {
      const s = Stream.replicates(seed, k + 1)[k]!;
      const r = Reference.replicate(seed, k);
      for (let step = 0; step < 400; step++) {
        const what = pick.int(5);
        if (what === 0) expect(s.uniform()).toBe(r.uniform());
        else if (what === 1) expect(s.normal()).toBe(r.normal());
        else if (what === 2) expect(s.sign()).toBe(r.sign());
        else {
          const len = pick.int(7);
          const scale = what === 3 ? 1 : 0.37;
          const got = s.fillNormal(new Float64Array(len), scale);
          for (let i = 0; i < len; i++) expect(Object.is(got[i], scale * r.normal())).toBe(true);
        }
      }
      const big = s.normals(10001);
      for (let i = 0; i < big.length; i++) if (big[i] !== r.normal()) throw new Error(`fill differs at ${i}`);
    }
  });
  it('maps every seed, including 0, to a tfjs seed ≥ 1', () => {
    for (const s of [0, 1, -5, 2 ** 31 - 1, 123456789]) expect(tfSeed(s)).toBeGreaterThanOrEqual(1);
  });
});
