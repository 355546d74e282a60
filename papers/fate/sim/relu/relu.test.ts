import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { drawTeacher, gaussianInputs, leastSquares, mse, outputs, reluFeatures, reluFeaturesPlain, sourceTeacher, targetAndSourceFeatures, targetValues } from './teacher.ts';
import { initStudent, trainEmpirical, trainEmpiricalPlain, trainPopulation, type Student } from './train.ts';
import { trainEmpiricalFast, trainPopulationFast } from './trainFast.ts';
import { ensureTf } from '../../../../sim/tf/backend.ts';

const clone = (s: Student): Student => ({ W: s.W.map((w) => w.slice()), c: s.c.slice() });
const maxAbsDiff = (a: readonly Float64Array[], b: readonly Float64Array[]) => Math.max(...a.map((w, i) => Math.max(...w.map((x, k) => Math.abs(x - b[i]![k]!)))));

describe('§4 simulation pieces', () => {
  it('least squares recovers an exact fit (n ≥ p) and interpolates with minimum norm (n < p)', () => {
    const rng = Stream.fromSeed(2);
    const t = drawTeacher(rng, 8, 6, 0);
    const X = gaussianInputs(rng, 50, 8);
    const F = reluFeatures(X, 50, 8, t.W);
    const c = leastSquares(F, 50, 6, targetValues(t, X, 50));
    for (let i = 0; i < 6; i++) expect(c[i]).toBeCloseTo(t.c[i]! / 6, 9);
    const Xs = gaussianInputs(rng, 4, 8);
    const ys = targetValues(t, Xs, 4);
    const cs = leastSquares(reluFeatures(Xs, 4, 8, t.W), 4, 6, ys);
    const fit = outputs(reluFeatures(Xs, 4, 8, t.W), 4, cs, 1);
    expect(mse(fit, ys)).toBeLessThan(1e-20);
  });
  it('source teacher drops A with the 1/((1−μ)m*) normalisation', () => {
    const t = drawTeacher(Stream.fromSeed(3), 5, 10, 4);
    const s = sourceTeacher(t);
    expect(s.W).toHaveLength(6);
    expect(s.scale).toBeCloseTo(1 / 6, 15);
    expect(t.removed).toHaveLength(4);
  });
  it('population and empirical GD decrease the loss and keep w_i on the sphere', () => {
    const rng = Stream.fromSeed(4);
    const t = drawTeacher(rng, 6, 4, 1);
    const s = sourceTeacher(t);
    const st = initStudent(rng, 12, 6, 1e-7);
    const a = trainPopulation(st, s.W, s.c, s.scale, { lr0: 0.05, maxSteps: 0, lossTol: 0, cInit: 1e-7 });
    const b = trainPopulation(st, s.W, s.c, s.scale, { lr0: 0.05, maxSteps: 300, lossTol: 0, cInit: 1e-7 });
    expect(b.loss).toBeLessThan(a.loss);
    for (const w of st.W) expect(Math.hypot(...w)).toBeCloseTo(1, 12);
    const X = gaussianInputs(rng, 30, 6);
    const y = targetValues(t, X, 30);
    const st2 = initStudent(rng, 12, 6, 1e-7);
    const l0 = trainEmpirical(st2, X, y, 30, { lr0: 0.05, maxSteps: 0, lossTol: 0, cInit: 1e-7 }).loss;
    const l1 = trainEmpirical(st2, X, y, 30, { lr0: 0.05, maxSteps: 300, lossTol: 0, cInit: 1e-7 }).loss;
    expect(l1).toBeLessThan(l0);
  });
  it('the exact population loss at init matches Monte Carlo (independent check of train.ts)', () => {
    const rng = Stream.fromSeed(5);
    const t = drawTeacher(rng, 6, 4, 0);
    const s = sourceTeacher(t);
    const st = initStudent(rng, 5, 6, 0.7);
    const exact = trainPopulation(st, s.W, s.c, s.scale, { lr0: 0.05, maxSteps: 0, lossTol: 0, cInit: 0.7 }).loss;
    const N = 200_000;
    const X = gaussianInputs(rng, N, 6);
    const f = outputs(reluFeatures(X, N, 6, st.W), N, st.c, 1 / 5);
    const g = outputs(reluFeatures(X, N, 6, s.W), N, s.c, s.scale);
    expect(0.5 * mse(f, g)).toBeCloseTo(exact, 3);
  });
  // The unrolled gradient kernel (gdKernels.ts) keeps every sum's order: whole trainings must agree bit for bit with the
  // plain loops — same stopping step, same loss, same W and c (toEqual compares with Object.is, so even ±0 counts) —
  // across dimensions, widths, under- and over-parameterised n, and both stopping rules (step cap, loss threshold).
  it('the unrolled empirical GD is bit-identical to the plain loops', () => {
    for (const [d, m, n, steps, tol, seed] of [
      [10, 40, 64, 400, 0, 11],
      [10, 40, 8, 3000, 1e-6, 12],
      [3, 7, 50, 300, 0, 13],
      [17, 25, 30, 500, 1e-5, 14],
      [32, 12, 90, 200, 0, 15],
    ] as const) {
      const rng = Stream.fromSeed(seed);
      const t = drawTeacher(rng, d, 6, 0, 1);
      const X = gaussianInputs(rng, n, d);
      const y = targetValues(t, X, n);
      const e = initStudent(rng, m, d, 1e-7);
      const a = clone(e);
      const b = clone(e);
      const o = { lr0: 0.2, maxSteps: steps, lossTol: tol, cInit: 1e-7 };
      const ra = trainEmpiricalPlain(a, X, y, n, o);
      const rb = trainEmpirical(b, X, y, n, o);
      expect(rb).toEqual(ra);
      expect(b.W).toEqual(a.W);
      expect(b.c).toEqual(a.c);
      if (tol > 0) expect(ra.steps).toBeLessThan(steps);
    }
  });
  // The unrolled feature kernel (d ≤ 32; in wasm from n·p ≥ 4096 on), the four-neuron blocked loop (d > 32) and the
  // shared teacher/source pass give exactly the plain loops' numbers.
  it('unrolled ReLU features and the shared target/source pass equal the plain computations exactly', () => {
    for (const [d, mstar, removed, n] of [[10, 10, 3, 257], [24, 20, 11, 64], [2, 8, 1, 33], [32, 9, 4, 40], [40, 6, 2, 20], [100, 11, 3, 30], [100, 100, 20, 12], [12, 21, 5, 300]] as const) {
      const rng = Stream.fromSeed(100 + d);
      const t = drawTeacher(rng, d, mstar, removed, 2);
      const X = gaussianInputs(rng, n, d);
      const F = reluFeatures(X, n, d, t.W);
      expect(F).toEqual(reluFeaturesPlain(X, n, d, t.W));
      expect(F.some((v) => v === 0) && F.some((v) => v > 0)).toBe(true);
      const s = sourceTeacher(t);
      const both = targetAndSourceFeatures(t, X, n);
      expect(both.y).toEqual(outputs(reluFeaturesPlain(X, n, d, t.W), n, t.c, 1 / mstar));
      expect(both.y).toEqual(targetValues(t, X, n));
      expect(both.F).toEqual(reluFeaturesPlain(X, n, d, s.W));
    }
  });
  // The mixed-precision path (float32 GEMMs, float64 state) follows the float64 path step for step.
  // Tolerance: a float32 cosine is off by ≈ 1e-7 and enters the update only through κ′ (≤ ½) and the
  // hidden-weight gradient direction, so after 300 steps the trajectories agree to ≲ 1e-6 (measured:
  // ≈ 5e-9 relative in the loss, ≈ 5e-7 in W).
  it('mixed-precision population and empirical GD match the float64 path', async () => {
    await ensureTf();
    const rng = Stream.fromSeed(6);
    const t = drawTeacher(rng, 12, 8, 2);
    const s = sourceTeacher(t);
    const st = initStudent(rng, 60, 12, 1e-7);
    const a = clone(st);
    const b = clone(st);
    const o = { lr0: 0.1, maxSteps: 300, lossTol: 0, cInit: 1e-7 };
    const ra = trainPopulation(a, s.W, s.c, s.scale, o);
    const rb = trainPopulationFast(b, s.W, s.c, s.scale, o);
    expect(rb.steps).toBe(ra.steps);
    expect(Math.abs(rb.loss - ra.loss) / ra.loss).toBeLessThan(1e-6);
    expect(Math.abs(rb.relLoss - ra.relLoss)).toBeLessThan(1e-6);
    expect(maxAbsDiff(a.W, b.W)).toBeLessThan(1e-5);
    for (const w of b.W) expect(Math.hypot(...w)).toBeCloseTo(1, 12);
    const X = gaussianInputs(rng, 40, 12);
    const y = targetValues(t, X, 40);
    const e = initStudent(rng, 60, 12, 1e-7);
    const ea = clone(e);
    const eb = clone(e);
    const la = trainEmpirical(ea, X, y, 40, o);
    const lb = trainEmpiricalFast(eb, X, y, 40, o);
    expect(Math.abs(lb.loss - la.loss) / la.loss).toBeLessThan(1e-6);
    expect(maxAbsDiff(ea.W, eb.W)).toBeLessThan(1e-5);
    // The stopping rule is the same: both stop at the first step with loss ≤ tol.
    const tol = la.loss * 1.5;
    const sa = trainEmpirical(clone(e), X, y, 40, { ...o, lossTol: tol });
    const sb = trainEmpiricalFast(clone(e), X, y, 40, { ...o, lossTol: tol });
    expect(sb.steps).toBe(sa.steps);
  });
  // The checks run the paper's gradient-flow time (1e5 steps × lr0 0.01 = 1000) with larger steps:
  // at equal flow time the end point does not depend on lr0 in this range (GD in its flow regime).
  it('equal gradient-flow time gives the same end point at lr0 = 0.01 and 0.2', () => {
    const rng = Stream.fromSeed(7);
    const t = drawTeacher(rng, 8, 6, 2);
    const s = sourceTeacher(t);
    const st = initStudent(rng, 24, 8, 1e-7);
    const a = clone(st);
    const b = clone(st);
    const la = trainPopulation(a, s.W, s.c, s.scale, { lr0: 0.01, maxSteps: 2000, lossTol: 0, cInit: 1e-7 }).loss;
    const lb = trainPopulation(b, s.W, s.c, s.scale, { lr0: 0.2, maxSteps: 100, lossTol: 0, cInit: 1e-7 }).loss;
    expect(Math.abs(lb - la) / la).toBeLessThan(0.02);
    const X = gaussianInputs(rng, 30, 8);
    const y = targetValues(t, X, 30);
    const e = initStudent(rng, 24, 8, 1e-7);
    const ea = trainEmpirical(clone(e), X, y, 30, { lr0: 0.01, maxSteps: 2000, lossTol: 0, cInit: 1e-7 }).loss;
    const eb = trainEmpirical(clone(e), X, y, 30, { lr0: 0.2, maxSteps: 100, lossTol: 0, cInit: 1e-7 }).loss;
    expect(Math.abs(eb - ea) / ea).toBeLessThan(0.02);
  });
});
