/**
 * core/rng/stream.ts's replicate streams without an object per replicate, for the Gaussian linear simulation (fast.ts):
 * `Stream.replicates(seed, draws)` builds all `draws` streams up front (a generator clone, a state array and a Stream
 * each) — with the garbage they leave, two thirds of a linear regime's simulation time (interior-argmin draws 10⁵
 * replicates of a few Bartlett blocks each). Here one LocalStream per task is re-loaded for each replicate from a
 * base state that is jumped in place (ReplicateWalker): the same states in the same order.
 *
 * The same numbers, bit for bit (localStream.test.ts pins them to Stream.replicates' normal(), uniform(),
 * uniformPositive(), gamma() and chiSquare() over several seeds and replicates): the seeding is pure-rand's
 * xoroshiro128plus(mix32(seed)) as in Stream, the jump is pure-rand's jump() (its polynomial, written on locals) and
 * every method is Stream's, expression for expression. Belongs in core/rng (e.g. a Stream.reload(state) or a replicate
 * iterator) — core is read-only for this change; the pinning test keeps it from drifting from Stream.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { mix32 } from '../../../core/rng/stream.ts';

/** pure-rand's xoroshiro128+ jump polynomial (2^64 steps). */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335];

export class LocalStream {
  s01 = 0;
  s00 = 0;
  s11 = 0;
  s10 = 0;
  private spare = 0;
  private hasSpare = false;

  /** Stream's next(): pure-rand's xoroshiro128+ step, the same 32-bit output. */
  private next(): number {
    const s00 = this.s00;
    const s01 = this.s01;
    const out = (s00 + this.s10) | 0;
    const a0 = this.s10 ^ s00;
    const a1 = this.s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** Starts over at a generator state (as a new Stream over it: no pending Box–Muller value). */
  load(s01: number, s00: number, s11: number, s10: number): void {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
    this.hasSpare = false;
  }

  uniform(): number {
    const a = this.next() & 0x3ffffff;
    const b = this.next() & 0x7ffffff;
    return a * 1.4901161193847656e-8 + b * 1.1102230246251565e-16;
  }

  uniformPositive(): number {
    return 1 - this.uniform();
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = this.uniformPositive();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniformPositive(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPositive();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  chiSquare(k: number): number {
    return 2 * this.gamma(k / 2);
  }
}

/** Replicates 0, 1, 2, … of Stream.replicates(seed, ·) in turn: `load` the current one, then `jump` to the next. */
export class ReplicateWalker {
  private s01: number;
  private s00: number;
  private s11: number;
  private s10: number;
  constructor(seed: number) {
    const [s01, s00, s11, s10] = xoroshiro128plus(mix32(seed >>> 0)).getState() as [number, number, number, number];
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }

  load(into: LocalStream): void {
    into.load(this.s01, this.s00, this.s11, this.s10);
  }

  /** pure-rand's jump(): the base state advanced 2^64 steps (by the table: the same state as jumpLoop). */
  jump(): void {
    const T = JUMP_TABLE ?? (JUMP_TABLE = jumpTable());
    let n01 = 0, n00 = 0, n11 = 0, n10 = 0; // prettier-ignore
    const words = [this.s01, this.s00, this.s11, this.s10];
    for (let b = 0; b < 16; b++) {
      const i = (b * 256 + ((words[b >> 2]! >>> ((b & 3) * 8)) & 255)) * 4;
      n01 ^= T[i]!;
      n00 ^= T[i + 1]!;
      n11 ^= T[i + 2]!;
      n10 ^= T[i + 3]!;
    }
    this.s01 = n01;
    this.s00 = n00;
    this.s11 = n11;
    this.s10 = n10;
  }
}

/** pure-rand's jump() on a state (s01, s00, s11, s10), written on locals: 128 generator steps. */
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

/**
 * The jump as a table. The generator step is linear over GF(2) (shifts, rotations and XORs of the 128 state bits) and
 * the jump XORs step results, so jump(s) = XOR over the set bits of s of jump(unit state) — by bytes: T[b][v] is the
 * jump of the state holding byte value v at byte b (word b >> 2, bits 8(b & 3)…) and zeros elsewhere, and a jump is 16
 * lookups and 64 XORs instead of 128 steps (≈ 1 µs; two per replicate were a third of interior-argmin's simulation).
 */
let JUMP_TABLE: Int32Array | null = null;
function jumpTable(): Int32Array {
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
