import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { FastStream, fillNormalSigns, pairSigns } from './rng.ts';

const sgn = (x: number) => (x >= 0 ? 1 : -1);

describe('FastStream: Stream.replicates bit for bit', () => {
  it('every replicate gives the same numbers under a random mix of single draws and block fills (odd lengths, pending spares)', () => {
    for (const seed of [0, 1, 20261122, 0x7fffffff, 123456789]) {
      const ref = Stream.replicates(seed, 4);
      const fast = FastStream.replicates(seed, 4);
      const pick = Stream.fromSeed(seed ^ 77);
      for (let k = 0; k < 4; k++) {
        const a = ref[k]!;
        const b = fast[k]!;
        const got: number[] = [];
        const want: number[] = [];
        for (let step = 0; step < 400; step++) {
          const len = pick.int(40);
          switch (pick.int(7)) {
            case 0:
              got.push(b.uniform()), want.push(a.uniform());
              break;
            case 1:
              got.push(b.normal()), want.push(a.normal());
              break;
            case 2:
              got.push(b.sign()), want.push(a.sign());
              break;
            case 3:
              got.push(...b.fillSigns(new Float64Array(len))), want.push(...Array.from({ length: len }, () => a.sign()));
              break;
            case 4:
              got.push(...b.fillUniforms(new Float64Array(len))), want.push(...Array.from({ length: len }, () => a.uniform()));
              break;
            case 5:
              got.push(...b.fillNormals(new Float64Array(len))), want.push(...Array.from({ length: len }, () => a.normal()));
              break;
            case 6:
              got.push(...fillNormalSigns(b, new Float64Array(len))), want.push(...Array.from({ length: len }, () => sgn(a.normal())));
              break;
          }
        }
        expect(got, `seed ${seed} replicate ${k}`).toEqual(want);
      }
    }
  });

  it('fillNormalSigns on 2·10⁵ normals equals their signs', () => {
    const a = Stream.replicates(5, 1)[0]!;
    const b = FastStream.replicates(5, 1)[0]!;
    const got = fillNormalSigns(b, new Float64Array(200_001));
    let mismatches = 0;
    for (let i = 0; i < got.length; i++) if (got[i] !== sgn(a.normal())) mismatches++;
    expect(mismatches).toBe(0);
    expect(b.normal()).toBe(a.normal());
  });

  it('pairSigns equals the signs of r·cos(2πv), r·sin(2πv) at and around the quadrant edges and u = 1', () => {
    const ulp = 2 ** -53;
    const vs = [0, ulp, 1e-9, 2e-9, 0.25, 0.25 - ulp, 0.25 + 2 * ulp, 0.25 - 1e-9, 0.25 + 1.5e-9, 0.5, 0.5 - ulp, 0.5 + 2 * ulp, 0.5 + 1e-9, 0.75, 0.75 - ulp, 0.75 + 2 * ulp, 0.75 - 2e-9, 1 - ulp, 1 - 1e-9, 0.1, 0.3, 0.6, 0.9];
    const s = Stream.fromSeed(3);
    for (let i = 0; i < 2_000; i++) vs.push(s.uniform());
    const got: string[] = [];
    const want: string[] = [];
    for (const u of [1, 1 - ulp, 0.5, 1e-300, ulp])
      for (const v of vs) {
        const r = Math.sqrt(-2 * Math.log(u));
        got.push(`${u} ${v} ${pairSigns(u, v)}`);
        want.push(`${u} ${v} ${(r * Math.cos(2 * Math.PI * v) >= 0 ? 0 : 1) | (r * Math.sin(2 * Math.PI * v) >= 0 ? 0 : 2)}`);
      }
    expect(got).toEqual(want);
  });
});
