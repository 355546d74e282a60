import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { empiricalW1, hungarian } from './fig5.ts';

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

describe('Fig 5 W1 estimator', () => {
  it('the Hungarian assignment equals brute force on random 6 × 6 costs', () => {
    const rng = Stream.fromSeed(4);
    for (let trial = 0; trial < 5; trial++) {
      const n = 6;
      const c = Float64Array.from({ length: n * n }, () => rng.uniform());
      const brute = Math.min(...permutations(n).map((p) => p.reduce((s, j, i) => s + c[i * n + j]!, 0)));
      expect(hungarian(c, n)).toBeCloseTo(brute, 12);
    }
  });
  it('plug-in W1 grows with the task distance and respects the W1 lower bound on average', () => {
    const rng = Stream.fromSeed(9);
    const near = empiricalW1(rng, 120, 0, 1, 0.2);
    const far = empiricalW1(rng, 120, 0, 4, 0.2);
    expect(far).toBeGreaterThan(near);
    // lower bound √(2/π)|√(1+σ²) − √(16+σ²)| ≈ 2.39
    expect(far).toBeGreaterThan(2.39);
  });
});
