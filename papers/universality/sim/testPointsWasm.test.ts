import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { directDisagreements } from './core.ts';
import { FastStream } from './rng.ts';
import { testPointsWasm } from './testPointsWasm.ts';
import { TEST_POINTS_WASM_BASE64 } from './testPoints.wasm.ts';
import { assembleWat } from './build-wasm.ts';

describe('testPointsWasm', () => {
  it("is directDisagreements' JavaScript path bit for bit: counts and the stream after it (both laws, odd d, zeros and −0 weights, w = ±w*)", () => {
    const g = Stream.fromSeed(41);
    for (const law of ['rademacher', 'uniform'] as const)
      for (const [d, nTest] of [[1, 7], [2, 50], [7, 300], [31, 200], [200, 1000], [300, 400]] as const) {
        const wStar = Float64Array.from({ length: d }, (_, i) => (i % 9 === 4 ? 0 : i % 11 === 5 ? -0 : g.normal()));
        const vs = [Float64Array.from(wStar, (x) => x + 0.7 * g.normal()), Float64Array.from(wStar, (x) => -x), Float64Array.from(wStar)];
        for (const w of vs) {
          const w0 = Float64Array.from({ length: d }, () => g.normal());
          const seed = g.int(0x7fffffff);
          const [a] = FastStream.replicates(seed, 1);
          const [b] = FastStream.replicates(seed, 1);
          a!.normal(); // a pending Box–Muller value must be left alone
          b!.normal();
          const got = testPointsWasm(law, a!, nTest, wStar, w, w0);
          const want = directDisagreements(law, b!, nTest, wStar, w, w0, 'js');
          expect(got, `${law} d=${d}`).toEqual(want);
          expect(a!.state()).toEqual(b!.state());
          expect([a!.normal(), a!.uniform(), a!.sign()]).toEqual([b!.normal(), b!.uniform(), b!.sign()]);
        }
      }
  });
  it('counts real disagreements: w = w* gives none, w = −w* gives every point (up to xᵀw* = 0)', () => {
    const d = 50;
    const g = Stream.fromSeed(5);
    const wStar = Float64Array.from({ length: d }, () => g.normal());
    const [s] = FastStream.replicates(3, 1);
    expect(testPointsWasm('uniform', s!, 500, wStar, Float64Array.from(wStar), Float64Array.from(wStar, (x) => -x))).toEqual([0, 500]);
  });
  it('the committed bytes are testPoints.wat assembled (build-wasm.ts)', async () => {
    const { bytes } = await assembleWat('testPoints.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(TEST_POINTS_WASM_BASE64);
  });
});
