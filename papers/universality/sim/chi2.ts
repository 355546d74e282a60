/**
 * Centred, scaled χ²_1 entries (g² − 1)/√2 for the classification test points and direct designs (core.ts testRow), two
 * per draw: (x, y) uniform on the unit disc by rejection from the square, q = x² + y², and E ~ Exp(1) independent of
 * it; then 2E·x²/q and 2E·y²/q are g_1², g_2² of two independent standard normals (2E is χ²_2 = R², x/√q and y/√q are
 * the cosine and sine of a uniform angle: Box–Muller's pair, squared). E comes from Marsaglia & Tsang's exponential
 * ziggurat (J. Stat. Softw. 5(8), 2000: 256 layers, REXP/efix), so a pair costs about five generator steps and no
 * logarithm in ≈ 98% of draws — the logarithm per pair of the polar method (−ln q in place of E, 01b2f16) was ≈ 60% of
 * a χ² classification regime. The law is checked against the χ²_1 distribution function and the pair's independence
 * in core.test.ts; the FastStream path is the generic one's numbers (core.test.ts, Stream vs FastStream replicates).
 *
 * One uniform u (53 bits) gives the ziggurat its 32-bit j (the top 32 bits) and its layer i (the lowest 8): disjoint
 * bits, so i and j are independent (Marsaglia–Tsang take i from j's own low bits).
 */
import { FastStream, type Draws } from './rng.ts';

const M2 = 4294967296;
const KE = new Uint32Array(256);
const WE = new Float64Array(256);
const FE = new Float64Array(256);
const DE0 = 7.697117470131487;
{
  let de = DE0;
  let te = de;
  const ve = 3.949659822581572e-3;
  const q = ve / Math.exp(-de);
  KE[0] = Math.floor((de / q) * M2);
  KE[1] = 0;
  WE[0] = q / M2;
  WE[255] = de / M2;
  FE[0] = 1;
  FE[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ve / de + Math.exp(-de));
    KE[i + 1] = Math.floor((de / te) * M2);
    te = de;
    FE[i] = Math.exp(-de);
    WE[i] = de / M2;
  }
}

/** The ziggurat's rejection path (efix) for a first draw (j, i) that missed its layer's rectangle; uniforms from `s`. */
function expSlow(s: Draws, j: number, i: number): number {
  for (;;) {
    if (i === 0) return DE0 - Math.log(1 - s.uniform());
    const x = j * WE[i]!;
    if (FE[i]! + s.uniform() * (FE[i - 1]! - FE[i]!) < Math.exp(-x)) return x;
    const n = s.uniform() * 9007199254740992;
    j = Math.floor(n / 2097152);
    i = n % 256;
    if (j < KE[i]!) return j * WE[i]!;
  }
}

/** Exp(1) from `s`: one uniform, and more only on the rejection path. */
export function exponential(s: Draws): number {
  const n = s.uniform() * 9007199254740992; // the uniform's 53 bits as an integer (exact)
  const j = Math.floor(n / 2097152);
  const i = n % 256;
  return j < KE[i]! ? j * WE[i]! : expSlow(s, j, i);
}

/** buf[k] for every k: centred χ²_1 entries in pairs (an odd last pair's second value dropped). */
export function centredChi2Pairs(s: Draws, buf: Float64Array): void {
  if (s instanceof FastStream) return fillCentredChi2(s, buf);
  const m = buf.length;
  for (let k = 0; k < m; ) {
    let x: number;
    let y: number;
    let q: number;
    do {
      x = 2 * s.uniform() - 1;
      y = 2 * s.uniform() - 1;
      q = x * x + y * y;
    } while (!(q < 1 && q > 0));
    const f = (2 * exponential(s)) / q;
    buf[k++] = (x * x * f - 1) / Math.SQRT2;
    if (k < m) buf[k++] = (y * y * f - 1) / Math.SQRT2;
  }
}

/** centredChi2Pairs on a FastStream with the generator in locals (the same uniforms, integers and operations). */
function fillCentredChi2(s: FastStream, out: Float64Array): void {
  let [s00, s01, s10, s11] = s.lanes();
  let o = 0, a0 = 0, a1 = 0, t00 = 0, hi = 0; // prettier-ignore
  // one generator step: o = its output, the state advanced (core Stream.next)
  const m = out.length;
  let k = 0;
  while (k < m) {
    let x = 0;
    let y: number;
    let q: number;
    let u = 0;
    do {
      for (let c = 0; c < 2; c++) {
        o = (s00 + s10) | 0; a0 = s10 ^ s00; a1 = s11 ^ s01; t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16); s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16)); s00 = t00; s10 = (a1 << 5) ^ (a0 >>> 27); s11 = (a0 << 5) ^ (a1 >>> 27); // prettier-ignore
        hi = o & 0x3ffffff;
        o = (s00 + s10) | 0; a0 = s10 ^ s00; a1 = s11 ^ s01; t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16); s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16)); s00 = t00; s10 = (a1 << 5) ^ (a0 >>> 27); s11 = (a0 << 5) ^ (a1 >>> 27); // prettier-ignore
        u = hi * 1.4901161193847656e-8 + (o & 0x7ffffff) * 1.1102230246251565e-16;
        if (c === 0) x = 2 * u - 1;
      }
      y = 2 * u - 1;
      q = x * x + y * y;
    } while (!(q < 1 && q > 0));
    // the exponential's uniform: j = its top 32 bits, i = its lowest 8
    o = (s00 + s10) | 0; a0 = s10 ^ s00; a1 = s11 ^ s01; t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16); s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16)); s00 = t00; s10 = (a1 << 5) ^ (a0 >>> 27); s11 = (a0 << 5) ^ (a1 >>> 27); // prettier-ignore
    hi = o & 0x3ffffff;
    o = (s00 + s10) | 0; a0 = s10 ^ s00; a1 = s11 ^ s01; t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16); s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16)); s00 = t00; s10 = (a1 << 5) ^ (a0 >>> 27); s11 = (a0 << 5) ^ (a1 >>> 27); // prettier-ignore
    const lo = o & 0x7ffffff;
    const j = hi * 64 + (lo >>> 21);
    const i = lo & 255;
    let e: number;
    if (j < KE[i]!) e = j * WE[i]!;
    else {
      s.setLanes(s00, s01, s10, s11);
      e = expSlow(s, j, i);
      [s00, s01, s10, s11] = s.lanes();
    }
    const f = (2 * e) / q;
    out[k++] = (x * x * f - 1) / Math.SQRT2;
    if (k < m) out[k++] = (y * y * f - 1) / Math.SQRT2;
  }
  s.setLanes(s00, s01, s10, s11);
}
