import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { richardsonValues } from '../../../core/richardson.ts';

describe('Richardson in 1/N as the uowq checks use it', () => {
  it('reproduces 4·X(2N) − X(N) and 2·X(2N) − X(N) bit for bit', () => {
    const s = Stream.fromSeed(7);
    const x1 = Array.from({ length: 200 }, () => s.normal() * 10 ** s.int(12) * 1e-6);
    const x2 = Array.from({ length: 200 }, () => s.normal() * 10 ** s.int(12) * 1e-6);
    expect(richardsonValues(x1, x2.map((x) => 2 * x))).toEqual(x1.map((x, i) => 4 * x2[i]! - x));
    expect(richardsonValues(x1, x2)).toEqual(x1.map((x, i) => 2 * x2[i]! - x));
  });
});
