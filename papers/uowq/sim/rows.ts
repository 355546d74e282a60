/**
 * The logistic simulation's rows — for each sample d normals then one uniform, from task k's replicate stream
 * (core/rng/stream.ts `Stream.replicates(childSeed(seed, 'uowq-task', k), draws)[r]`, `normal()` and `uniform()`) —
 * with the xoroshiro128+ state in local variables for the whole block. Stream's own block fill (`fillNormal`) cannot
 * serve here: the uniforms sit between the normals, and a Box–Muller pair can straddle two rows (its second value is
 * kept as `spare`). Drawn through the Stream object, the rows cost a call and four property loads and stores per
 * 32 bits, ≈ 30 % of a logistic regime's CPU.
 *
 * The same numbers, bit for bit (rows.test.ts pins them to Stream's methods for d = 1–5, several seeds and
 * replicates): the same states (core/rng/walker.ts, Stream.replicates' own), the same 32-bit steps (pure-rand's
 * next(), as Stream.next), the same uniform (26 + 27 bits), the same Box–Muller expressions in the same order and the
 * same spare. The draw pattern (d normals, a uniform and its logit) is this simulation's own, so the fill stays here;
 * the pinning test keeps it from drifting from Stream.
 */
import { ReplicateWalker } from '../../../core/rng/walker.ts';

/** One replicate stream's generator state (as Stream keeps it) and its pending Box–Muller value. */
export interface RowState {
  s01: number;
  s00: number;
  s11: number;
  s10: number;
  spare: number;
  hasSpare: boolean;
}

/** The states of Stream.replicates(seed, count): replicate r is the base generator jumped r times. */
export function replicateStates(seed: number, count: number): RowState[] {
  const walker = new ReplicateWalker(seed);
  const out: RowState[] = [];
  for (let i = 0; i < count; i++) {
    const [s01, s00, s11, s10] = walker.state();
    out.push({ s01, s00, s11, s10, spare: 0, hasSpare: false });
    walker.jump();
  }
  return out;
}

/**
 * Rows i < n: X[i·stride + j] = normal() for j < d, then U[i] = uniform() and L[i] = log(U[i]/(1 − U[i])) (the
 * label logit of fast.ts). Advances st exactly as the Stream calls would.
 */
export function fillRows(st: RowState, X: Float64Array, U: Float64Array, L: Float64Array, n: number, d: number, stride: number): void {
  let s01 = st.s01, s00 = st.s00, s11 = st.s11, s10 = st.s10; // prettier-ignore
  let spare = st.spare;
  let hasSpare = st.hasSpare;
  let q0 = 0, q1 = 0, a0 = 0, a1 = 0, t00 = 0; // prettier-ignore
  for (let i = 0; i < n; i++) {
    const r = i * stride;
    for (let j = 0; j < d; j++) {
      if (hasSpare) {
        X[r + j] = spare;
        hasSpare = false;
        continue;
      }
      // u = uniformPositive() = 1 − uniform(), v = uniform(): four generator steps
      q0 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      q1 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const u = 1 - ((q0 & 0x3ffffff) * 1.4901161193847656e-8 + (q1 & 0x7ffffff) * 1.1102230246251565e-16);
      q0 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      q1 = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s00 = t00;
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const v = (q0 & 0x3ffffff) * 1.4901161193847656e-8 + (q1 & 0x7ffffff) * 1.1102230246251565e-16;
      const rad = Math.sqrt(-2 * Math.log(u));
      spare = rad * Math.sin(2 * Math.PI * v);
      hasSpare = true;
      X[r + j] = rad * Math.cos(2 * Math.PI * v);
    }
    // uniform(): two generator steps
    q0 = (s00 + s10) | 0;
    a0 = s10 ^ s00;
    a1 = s11 ^ s01;
    t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s00 = t00;
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    q1 = (s00 + s10) | 0;
    a0 = s10 ^ s00;
    a1 = s11 ^ s01;
    t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s00 = t00;
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const w = (q0 & 0x3ffffff) * 1.4901161193847656e-8 + (q1 & 0x7ffffff) * 1.1102230246251565e-16;
    U[i] = w;
    L[i] = Math.log(w / (1 - w));
  }
  st.s01 = s01;
  st.s00 = s00;
  st.s11 = s11;
  st.s10 = s10;
  st.spare = spare;
  st.hasSpare = hasSpare;
}
