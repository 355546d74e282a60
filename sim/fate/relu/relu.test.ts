import { describe, expect, it } from 'vitest';
import { Stream } from '../../rng/stream.ts';
import { drawTeacher, gaussianInputs, leastSquares, mse, outputs, reluFeatures, sourceTeacher, targetValues } from './teacher.ts';
import { initStudent, trainEmpirical, trainPopulation } from './train.ts';

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
});
