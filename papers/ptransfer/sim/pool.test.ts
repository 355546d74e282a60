import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { explicitPool, explicitPoolFrom } from './pool.ts';

/** Bitwise equality of two float arrays (±0 and NaN told apart). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
  const y = new Int32Array(b.buffer, b.byteOffset, 2 * b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

describe('explicitPoolFrom (the ‖u‖ sweep reusing the upstream pool’s Gram)', () => {
  it('equals explicitPool bit for bit when the basis and one block change (odd d: the scalar tail)', () => {
    for (const d of [1, 5, 23]) {
      const s = Stream.fromSeed(7 + d);
      const E0 = s.normals(3 * d);
      const A = s.normals(4 * d);
      const B = s.normals(6 * d);
      const C0 = s.normals(3 * d);
      const base = explicitPool(d, E0, [
        { name: 'a', rows: A },
        { name: 'b', rows: B },
        { name: 'c', rows: C0 },
      ]);
      // e_u, e_1 replaced, e_2 kept; block c replaced except its middle row; a −0 where base had +0 counts as changed
      const E = E0.slice();
      for (let t = 0; t < 2 * d; t++) E[t] = s.normal();
      const C = s.normals(3 * d);
      C.set(C0.subarray(d, 2 * d), d);
      B[0] = 0;
      const baseZ = explicitPool(d, E0, [
        { name: 'a', rows: A },
        { name: 'b', rows: B },
        { name: 'c', rows: C0 },
      ]);
      const B2 = B.slice();
      B2[0] = -0;
      const blocks = [
        { name: 'a', rows: A },
        { name: 'b', rows: B2 },
        { name: 'c', rows: C },
      ];
      const direct = explicitPool(d, E, blocks);
      const reused = explicitPoolFrom(baseZ, E, blocks);
      expect(sameBits(reused.gram, direct.gram)).toBe(true);
      expect(sameBits(reused.vectors!, direct.vectors!)).toBe(true);
      expect(reused.blocks).toEqual(direct.blocks);
      expect(reused.K).toBe(direct.K);
      // against a base whose block b differs in one entry (B[0]), that row is found and recomputed too
      const wrong = explicitPoolFrom(base, E, [
        { name: 'a', rows: A },
        { name: 'b', rows: B },
        { name: 'c', rows: C },
      ]);
      expect(sameBits(wrong.gram, explicitPool(d, E, [{ name: 'a', rows: A }, { name: 'b', rows: B }, { name: 'c', rows: C }]).gram)).toBe(true);
    }
  });
});
