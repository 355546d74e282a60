import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { LocalStream, ReplicateWalker, jumpLoop } from './localStream.ts';

describe('LocalStream / ReplicateWalker (Stream.replicates without an object per replicate)', () => {
  it('give Stream.replicates’ numbers bit for bit: normal, uniform, uniformPositive, gamma (shape < 1 and ≥ 1), chiSquare', () => {
    for (const seed of [0, 1, 77, -3, 0x7fffffff, 123456789]) {
      const draws = 70; // past 64 jumps: the walker's jump is the base's, composed
      const streams = Stream.replicates(seed, draws);
      const walker = new ReplicateWalker(seed);
      const ls = new LocalStream();
      for (let r = 0; r < draws; r++) {
        walker.load(ls);
        walker.jump();
        if (r % 7 !== 0 && r !== draws - 1) continue; // every 7th replicate and the last are drawn from in full
        const s = streams[r]!;
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < 40; i++) {
          const m = i % 6;
          if (m === 0) (a.push(s.normal()), b.push(ls.normal()));
          else if (m === 1) (a.push(s.uniform()), b.push(ls.uniform()));
          else if (m === 2) (a.push(s.chiSquare(3 + i)), b.push(ls.chiSquare(3 + i)));
          else if (m === 3) (a.push(s.gamma(0.4)), b.push(ls.gamma(0.4)));
          else if (m === 4) (a.push(s.uniformPositive()), b.push(ls.uniformPositive()));
          else (a.push(s.normal(), s.normal(), s.normal()), b.push(ls.normal(), ls.normal(), ls.normal()));
        }
        expect(b).toEqual(a);
        expect(new Set(a).size).toBeGreaterThan(30);
      }
    }
  });
  it('load starts over: no Box–Muller value carried from the previous replicate', () => {
    const walker = new ReplicateWalker(5);
    const ls = new LocalStream();
    walker.load(ls);
    ls.normal(); // leaves a pending value
    walker.jump();
    walker.load(ls);
    expect(ls.normal()).toBe(Stream.replicates(5, 2)[1]!.normal());
  });
  it('the table jump is pure-rand’s jump() on arbitrary states (linearity over GF(2)), and so is jumpLoop', () => {
    const s = Stream.fromSeed(2718);
    const w = new ReplicateWalker(0);
    const ls = new LocalStream();
    const word = () => (s.uniform() * 2 ** 32) | 0;
    for (let i = 0; i < 2000; i++) {
      const st = i === 0 ? [0, 0, 0, 0] : i === 1 ? [-1, -1, -1, -1] : [word(), word(), word(), word()];
      const g = xoroshiro128plusFromState(st);
      g.jump();
      const expected = g.getState();
      expect(jumpLoop(st)).toEqual(expected);
      // load the state into the walker through a LocalStream round trip: walker.load copies out, so set its fields
      Object.assign(w, { s01: st[0], s00: st[1], s11: st[2], s10: st[3] });
      w.jump();
      w.load(ls);
      expect([ls.s01, ls.s00, ls.s11, ls.s10]).toEqual(expected);
    }
  });
});
