import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { perpForAblation } from '../../theory/sec4.ts';
import { FIGURE_CONSISTENT_LAWS, drawTeacher } from './teacher.ts';

/**
 * The choice of the teacher's output-weight law (teacher.ts) against the paper's own figures, at its sizes d = m* = 100,
 * with eq (159) on 3 teachers per law: Fig 4(d) puts ‖P⊥f*_t‖²/‖f*_t‖² on a 0–0.04 axis over μ ∈ [0.2, 0.8], and
 * Fig 4(c) puts R_sc between ≈ 1e-3 and 1e-2, below the untrained risk ‖f*_t‖².
 */
function stats(law: number, mu: number) {
  const rel: number[] = [];
  const norm: number[] = [];
  for (let s = 1; s <= 3; s++) {
    const t = drawTeacher(Stream.fromSeed(1000 + s), 100, 100, Math.round(mu * 100), law);
    const p = perpForAblation(t.W, t.c, t.removed);
    rel.push(p.relative);
    norm.push(p.norm2);
  }
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  return { rel: mean(rel), norm: mean(norm) };
}

describe('teacher law matched to Fig 4(c–d)', () => {
  it('N(0, 1) output weights contradict both panels (the law before issue 12)', () => {
    expect(stats(0, 0.2).rel).toBeGreaterThan(0.06);
    expect(stats(0, 0.5).rel).toBeGreaterThan(0.2);
    expect(stats(0, 0.5).norm).toBeLessThan(1e-2);
  });
  it.each(FIGURE_CONSISTENT_LAWS)('law %i: ratio within Fig 4(d)\'s range, ‖f*‖² above Fig 4(c)\'s curve', (law) => {
    const lo = stats(law, 0.2);
    const mid = stats(law, 0.5);
    expect(lo.rel).toBeLessThan(0.01);
    expect(mid.rel).toBeLessThan(0.03);
    expect(mid.rel).toBeGreaterThan(lo.rel);
    expect(mid.norm).toBeGreaterThan(2e-2);
  });
});
