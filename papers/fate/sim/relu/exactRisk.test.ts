import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { exactRisk } from './exactRisk.ts';
import { drawTeacher, gaussianInputs, outputs, reluFeatures, targetValues, unitRows } from './teacher.ts';
import { initStudent, trainEmpirical } from './train.ts';

/** Monte-Carlo L2 risk of the student on T fresh Gaussian points, with its standard error. */
function mcRisk(rng: Stream, st: { W: Float64Array[]; c: Float64Array }, t: ReturnType<typeof drawTeacher>, T: number): { mean: number; se: number } {
  const d = t.d;
  const Xt = gaussianInputs(rng, T, d);
  const f = outputs(reluFeatures(Xt, T, d, st.W), T, st.c, 1 / st.W.length);
  const y = targetValues(t, Xt, T);
  let s = 0;
  let s2 = 0;
  for (let a = 0; a < T; a++) {
    const e = (f[a]! - y[a]!) ** 2;
    s += e;
    s2 += e * e;
  }
  const mean = s / T;
  return { mean, se: Math.sqrt((s2 / T - mean * mean) / (T - 1)) };
}

describe('exact L2 risk of the ReLU student (exactRisk.ts)', () => {
  it('is 0 for a student equal to the teacher and ‖f*‖² for a silent student', () => {
    const rng = Stream.fromSeed(3);
    const t = drawTeacher(rng, 12, 7, 0, 2);
    expect(Math.abs(exactRisk({ W: t.W.map((w) => Float64Array.from(w)), c: Float64Array.from(t.c) }, t))).toBeLessThan(1e-15);
    // doubling the width with each neuron twice is the same function
    expect(Math.abs(exactRisk({ W: [...t.W, ...t.W], c: Float64Array.from([...t.c, ...t.c]) }, t))).toBeLessThan(1e-15);
    const silent = exactRisk({ W: unitRows(rng, 5, 12), c: new Float64Array(5) }, t);
    expect(silent).toBeGreaterThan(0);
    const mc = mcRisk(rng, { W: unitRows(rng, 5, 12), c: new Float64Array(5) }, t, 80000);
    expect(Math.abs(silent - mc.mean)).toBeLessThan(5 * mc.se);
  });
  it('equals the Monte-Carlo risk of trained and untrained students within its standard error', () => {
    for (const [d, m, mstar, law, n, seed] of [[10, 40, 10, 1, 32, 1], [10, 40, 10, 2, 8, 2], [20, 60, 12, 0, 40, 3]] as const) {
      const rng = Stream.fromSeed(100 + seed);
      const t = drawTeacher(rng, d, mstar, 0, law);
      const X = gaussianInputs(rng, n, d);
      const y = targetValues(t, X, n);
      const st = initStudent(rng, m, d, 1e-7);
      trainEmpirical(st, X, y, n, { lr0: 0.2, maxSteps: 400, lossTol: 1e-6, cInit: 1e-7 });
      const exact = exactRisk(st, t);
      const mc = mcRisk(rng, st, t, 80000);
      // 5 standard errors of an 8e4-point average (≈ 0.5 % of the risk); a wrong cross term or scale is off by O(1)
      expect(Math.abs(exact - mc.mean)).toBeLessThan(5 * mc.se);
      expect(mc.se).toBeLessThan(0.02 * mc.mean);
    }
  });
});
