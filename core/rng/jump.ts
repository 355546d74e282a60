/**
 * The xoroshiro128+ jump (2^64 steps: replicate streams never overlap) on a raw state (s01, s00, s11, s10) — the
 * layout of pure-rand's xoroshiro128plus getState(), which Stream keeps in four fields.
 *
 * Why not pure-rand's `jump()`: it runs 128 generator steps on a generator object (≈ 1 µs, plus a clone per replicate
 * in Stream.replicates); uowq's linear simulation draws 10⁵ replicates per regime and two jumps each were a third of it.
 * The step is linear over GF(2) (shifts, rotations and XORs of the 128 state bits) and the jump XORs step results, so
 * jump(s) is the XOR over the set bits of s of the jump of the unit state with that bit — by bytes: T[b][v] is the jump
 * of the state holding byte value v at byte b and zeros elsewhere, and a jump is 16 lookups and 64 XORs. The same state
 * as pure-rand's jump() on every input (stream.test.ts: 2,000 states, all-zero and all-one included).
 */

/** pure-rand's xoroshiro128+ jump polynomial. */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335];

/** pure-rand's jump() on a state, written on locals: 128 generator steps (the table's reference). */
export function jumpLoop(state: readonly number[]): [number, number, number, number] {
  let n01 = 0, n00 = 0, n11 = 0, n10 = 0; // prettier-ignore
  let [s01, s00, s11, s10] = state as [number, number, number, number];
  for (let i = 0; i !== 4; ++i) {
    const ji = JUMP[i]!;
    for (let mask = 1; mask; mask <<= 1) {
      if (ji & mask) {
        n01 ^= s01;
        n00 ^= s00;
        n11 ^= s11;
        n10 ^= s10;
      }
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
    }
  }
  return [n01, n00, n11, n10];
}

let TABLE: Int32Array | null = null;
function table(): Int32Array {
  const basis = new Int32Array(128 * 4);
  for (let w = 0; w < 4; w++) {
    for (let bit = 0; bit < 32; bit++) {
      const unit = [0, 0, 0, 0];
      unit[w] = 1 << bit;
      basis.set(jumpLoop(unit), (w * 32 + bit) * 4);
    }
  }
  const T = new Int32Array(16 * 256 * 4);
  for (let b = 0; b < 16; b++) {
    const w = b >> 2;
    const shift = (b & 3) * 8;
    for (let v = 1; v < 256; v++) {
      const low = 31 - Math.clz32(v & -v);
      const rest = v & (v - 1);
      for (let q = 0; q < 4; q++) T[(b * 256 + v) * 4 + q] = T[(b * 256 + rest) * 4 + q]! ^ basis[(w * 32 + shift + low) * 4 + q]!;
    }
  }
  return T;
}

/** The state jumped 2^64 steps, written into `out` (which may be `state` itself). */
export function jumpState(state: ArrayLike<number>, out: Int32Array | number[]): void {
  const T = TABLE ?? (TABLE = table());
  let n01 = 0, n00 = 0, n11 = 0, n10 = 0; // prettier-ignore
  for (let b = 0; b < 16; b++) {
    const i = (b * 256 + ((state[b >> 2]! >>> ((b & 3) * 8)) & 255)) * 4;
    n01 ^= T[i]!;
    n00 ^= T[i + 1]!;
    n11 ^= T[i + 2]!;
    n10 ^= T[i + 3]!;
  }
  out[0] = n01;
  out[1] = n00;
  out[2] = n11;
  out[3] = n10;
}
