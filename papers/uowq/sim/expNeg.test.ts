import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { expNeg } from './expNeg.ts';

const dv = new DataView(new ArrayBuffer(8));
const fromWords = (hi: number, lo: number) => {
  dv.setUint32(0, hi >>> 0);
  dv.setUint32(4, lo >>> 0);
  return dv.getFloat64(0);
};
/** The i-th float above (i > 0) or below x ≥ 0. */
const ulps = (x: number, i: number) => {
  dv.setFloat64(0, x);
  dv.setBigUint64(0, dv.getBigUint64(0) + BigInt(i));
  return dv.getFloat64(0);
};

describe('expNeg (fdlibm exp for −700 ≤ x ≤ 0)', () => {
  it('is Math.exp bit for bit: random arguments, every branch boundary ± a few ulps, the reduction’s half-integer points, −0', () => {
    const s = Stream.fromSeed(314);
    const xs: number[] = [0, -0, -700, -700.0000001, -745, -1e-300, 1e-300, 1, NaN, -Infinity];
    for (let i = 0; i < 300000; i++) xs.push(-s.uniform() * [1e-9, 0.4, 1.1, 40, 700][i % 5]!);
    for (const b of [fromWords(0x3fd62e43, 0), fromWords(0x3ff0a2b2, 0), fromWords(0x3e300000, 0), 0.5 * Math.LN2, 1.5 * Math.LN2]) {
      for (let i = -4; i <= 4; i++) xs.push(-ulps(b, i));
    }
    // between 0.5·ln 2 and fdlibm's high-word threshold just above it
    for (let i = 0; i < 20000; i++) xs.push(-(0.5 * Math.LN2 + s.uniform() * 2e-9));
    // k changes where INV_LN2·x − 0.5 crosses an integer: x ≈ −(k + ½)·ln 2
    for (let k = 1; k < 1009; k++) for (let i = -3; i <= 3; i++) xs.push(-ulps((k + 0.5) * Math.LN2, i));
    let diff = 0;
    for (const x of xs) if (!Object.is(expNeg(x), Math.exp(x))) diff++;
    expect(diff).toBe(0);
    expect(xs.length).toBeGreaterThan(300000);
  });
});
