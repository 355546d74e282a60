import { describe, expect, it } from 'vitest';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { jumpLoop, jumpState } from './jump.ts';
import { mix32, Stream } from './stream.ts';
import { ReplicateWalker } from './walker.ts';

describe('the table jump and the replicate walker', () => {
  it('the table jump is pure-rand’s jump() on arbitrary states (linearity over GF(2)), and so is jumpLoop', () => {
    const s = Stream.fromSeed(2718);
    const word = () => (s.uniform() * 2 ** 32) | 0;
    const out = new Int32Array(4);
    for (let i = 0; i < 2000; i++) {
      const st = i === 0 ? [0, 0, 0, 0] : i === 1 ? [-1, -1, -1, -1] : [word(), word(), word(), word()];
      const g = xoroshiro128plusFromState(st);
      g.jump();
      const expected = g.getState();
      expect(jumpLoop(st)).toEqual(expected);
      jumpState(st, out);
      expect(Array.from(out)).toEqual(expected);
    }
  });

  it('Stream.replicates and forReplicate are pure-rand’s generator jumped k times (past 64 jumps)', () => {
    // 44.2: replicates has always taken any number (seed >>> 0), as pure-rand's seeding did; fromSeed insists on an integer.
    for (const seed of [0, 1, -3, 0x7fffffff, 20261122, 44.2]) {
      const g = xoroshiro128plus(mix32(seed >>> 0));
      const streams = Stream.replicates(seed, 70);
      for (let k = 0; k < 70; k++) {
        expect(streams[k]!.state()).toEqual(g.getState());
        if (k % 23 === 0) expect(Stream.forReplicate(seed, k).state()).toEqual(g.getState());
        g.jump();
      }
    }
  });

  it('the walker gives Stream.replicates’ numbers: normal, uniform, uniformPositive, gamma (shape < 1 and ≥ 1), chiSquare', () => {
    for (const seed of [0, 1, 77, -3, 0x7fffffff, 123456789]) {
      const draws = 70;
      const streams = Stream.replicates(seed, draws);
      const walker = new ReplicateWalker(seed);
      const ls = Stream.fromSeed(0);
      for (let r = 0; r < draws; r++) {
        walker.load(ls);
        walker.jump();
        if (r % 7 !== 0 && r !== draws - 1) continue;
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
    const ls = Stream.fromSeed(9);
    walker.load(ls);
    ls.normal(); // leaves a pending value
    walker.jump();
    walker.load(ls);
    expect(ls.normal()).toBe(Stream.replicates(5, 2)[1]!.normal());
    expect(walker.state()).toEqual(Stream.replicates(5, 2)[1]!.state());
  });
});
