/**
 * e^x for −700 ≤ x ≤ 0, the same float as Math.exp(x): V8's Math.exp is fdlibm's __ieee754_exp (src/base/ieee754.cc),
 * and this is that routine for the arguments the logistic passes need (x = −|η|), written with arithmetic only so
 * that the JIT inlines it into the sample loop — Math.exp is an out-of-line call there, ≈ 2× the time of this.
 *
 * fdlibm's branches test the high 32 bits of |x|: `hx > 0x3fd62e42` is |x| ≥ 0x3fd62e43_00000000 = 0.3465735912322998,
 * `hx < 0x3ff0a2b2` is |x| < 0x3ff0a2b2_00000000 = 1.0397205352783203 and `hx < 0x3e300000` is |x| < 2⁻²⁸; the final
 * scaling by 2^k (fdlibm adds k to the exponent field) is a multiplication by an exact power of two, the same float
 * while the result is normal (k ≥ −1010 for x ≥ −700). Outside [−700, 0] (and for NaN) it returns Math.exp(x).
 * expNeg.test.ts pins it to Math.exp bit for bit (random arguments over the whole range, every branch boundary ± a
 * few ulps, −0, the reduction's half-integer points); if a Node release changed Math.exp that test fails.
 */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const HALF_LN2_HW = 0.3465735912322998; // 0x3fd62e43_00000000
const THREE_HALF_LN2_HW = 1.0397205352783203; // 0x3ff0a2b2_00000000
const TWO_M28 = 3.725290298461914e-9;
/** POW2[j] = 2^(−j), exact. */
const POW2 = Float64Array.from({ length: 1024 }, (_, j) => 2 ** -j);

export function expNeg(x: number): number {
  if (!(x <= 0 && x >= -700)) return Math.exp(x);
  const ax = -x;
  if (ax >= HALF_LN2_HW) {
    let hi: number;
    let lo: number;
    let k: number;
    if (ax < THREE_HALF_LN2_HW) {
      hi = x + LN2_HI;
      lo = -LN2_LO;
      k = -1;
    } else {
      k = (INV_LN2 * x - 0.5) | 0; // (int) truncates toward zero, as `| 0` does
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    const r = hi - lo;
    const t = r * r;
    const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    const y = 1 - (lo - (r * c) / (2 - c) - hi);
    return y * POW2[-k]!;
  }
  if (ax < TWO_M28) return 1 + x;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return 1 - ((x * c) / (c - 2) - x);
}
