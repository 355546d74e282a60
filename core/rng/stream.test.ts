import { describe, expect, it } from 'vitest';
import { Stream, tfSeed } from './stream.ts';

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
  it('maps every seed, including 0, to a tfjs seed ≥ 1', () => {
    for (const s of [0, 1, -5, 2 ** 31 - 1, 123456789]) expect(tfSeed(s)).toBeGreaterThanOrEqual(1);
  });
});
