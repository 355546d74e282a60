import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { dot } from './vector.ts';

describe('dot (core/linalg/vector.ts)', () => {
  it('matches ml-matrix and sums left to right; len limits the range', () => {
    const s = Stream.fromSeed(3);
    for (const n of [0, 1, 7, 300]) {
      const a = s.normals(n);
      const b = s.normals(n);
      const ref = n === 0 ? 0 : Matrix.rowVector(Array.from(a)).dot(Matrix.rowVector(Array.from(b)));
      expect(dot(a, b)).toBe(ref);
      expect(dot(Array.from(a), b)).toBe(ref);
    }
    expect(dot([1, 2, 3], [4, 5, 6], 2)).toBe(14);
  });
});
