import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { fillRows, replicateStates } from './rows.ts';

describe('rows.ts: the logistic rows drawn with the generator in locals', () => {
  it('are Stream.replicates’ normal() and uniform() calls bit for bit (d = 1–5, several seeds and replicates), and so is what follows', () => {
    for (const [seed, d, n] of [
      [1, 1, 7],
      [2, 2, 500],
      [3, 3, 333],
      [0x7fffffff, 4, 120],
      [-5, 5, 41],
    ] as const) {
      const draws = 4;
      const streams = Stream.replicates(seed, draws);
      const states = replicateStates(seed, draws);
      for (let r = 0; r < draws; r++) {
        const s = streams[r]!;
        const stride = d <= 4 ? 4 : d;
        const X = new Float64Array(n * stride);
        const U = new Float64Array(n);
        const L = new Float64Array(n);
        // two blocks in a row: the state (and a pending Box–Muller value) carries over as in the Stream
        const m = Math.floor(n / 2);
        fillRows(states[r]!, X, U, L, m, d, stride);
        fillRows(states[r]!, X.subarray(m * stride), U.subarray(m), L.subarray(m), n - m, d, stride);
        const Xs = new Float64Array(n * stride);
        const Us = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < d; j++) Xs[i * stride + j] = s.normal();
          Us[i] = s.uniform();
        }
        expect(Array.from(X)).toEqual(Array.from(Xs));
        expect(Array.from(U)).toEqual(Array.from(Us));
        expect(Array.from(L)).toEqual(Array.from(Us, (u) => Math.log(u / (1 - u))));
        // the next draws after the block agree too (state and spare left as the Stream leaves them)
        const after = new Float64Array(3 * stride);
        fillRows(states[r]!, after, new Float64Array(3), new Float64Array(3), 3, d, stride);
        const expected: number[] = [];
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < d; j++) expected.push(s.normal());
          s.uniform();
        }
        expect(Array.from(after).filter((_, i) => i % stride < d)).toEqual(expected);
      }
      // different replicates are different streams
      expect(states[0]!.s00 === states[1]!.s00 && states[0]!.s10 === states[1]!.s10).toBe(false);
    }
  });
});
