import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { backward, cloneNet, eq22LambdaMin, features, forward, initNetwork, invariants, layerGradient, orthogonalScales, product, Workspace, type DeepLinear } from './deepLinear.ts';
import { empiricalObjective, populationObjective } from './objectives.ts';
import { matVec, randomOrthogonal, randomUnit } from './linalg.ts';
import { train } from './train.ts';

function randomTarget(n: number, d: number, seed: number) {
  const rng = Stream.fromSeed(seed);
  return { n, d, X: rng.normals(n * d), y: rng.normals(n) };
}

function lossOf(net: DeepLinear, obj: ReturnType<typeof populationObjective>): number {
  const g = new Float64Array(net.d);
  return obj.gradExcess(product(net), g);
}

describe('deep linear network kernels', () => {
  for (const L of [2, 3, 4]) {
    it(`layer gradients match central finite differences (L = ${L}, empirical loss)`, () => {
      const d = 5;
      const { net } = initNetwork(d, L, 0.7, Stream.fromSeed(10 + L));
      const obj = empiricalObjective(randomTarget(7, d, 3), 0);
      const ws = new Workspace(d, L);
      const g = new Float64Array(d);
      obj.gradExcess(forward(net, ws), g);
      backward(net, ws, g);
      const h = 1e-6;
      for (let l = 0; l < L; l++) {
        const G = layerGradient(net, ws, l);
        for (let i = 0; i < G.length; i++) {
          const plus = cloneNet(net);
          plus.W[l]![i] += h;
          const minus = cloneNet(net);
          minus.W[l]![i] -= h;
          const fd = (lossOf(plus, obj) - lossOf(minus, obj)) / (2 * h);
          expect(Math.abs(fd - G[i]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
        }
      }
    });
  }

  it('β = W_1⋯W_L equals Φ W_L with Φ = W_1⋯W_{L−1}', () => {
    const d = 6;
    const { net } = initNetwork(d, 3, 0.9, Stream.fromSeed(4));
    const beta = product(net);
    const viaPhi = matVec(features(net), d, d, net.W[2]!);
    for (let i = 0; i < d; i++) expect(beta[i]).toBeCloseTo(viaPhi[i]!, 12);
  });

  it('random orthogonal matrices are orthogonal', () => {
    const d = 9;
    const Q = randomOrthogonal(d, Stream.fromSeed(2));
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += Q[i * d + k]! * Q[j * d + k]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  for (const L of [2, 3]) {
    it(`the scaled orthogonal init satisfies eq (22) with λ = 1/L (L = ${L}); the Gaussian init does not`, () => {
      for (const d of [4, 16]) {
        const { info } = initNetwork(d, L, 1e-3, Stream.fromSeed(d), 'orthogonal');
        expect(info.lambda22).toBeCloseTo(1 / L, 10);
        const scales = orthogonalScales(L);
        for (let l = 0; l + 1 < L; l++) expect(scales[l]!).toBeGreaterThan(scales[l + 1]!);
        const g = initNetwork(d, L, 1e-3, Stream.fromSeed(d), 'gaussian');
        expect(g.info.lambda22).toBeLessThan(0);
      }
    });
  }

  it('eq22LambdaMin is invariant to the init scale only through α² (reported on W̄)', () => {
    const d = 8;
    const { net, info } = initNetwork(d, 2, 0.1, Stream.fromSeed(1));
    expect(eq22LambdaMin(net.W, d)).toBeCloseTo(info.lambda22 * 0.01, 12);
  });

  it('GD with a small step conserves the flow invariants D_l = W_lᵀW_l − W_{l+1}W_{l+1}ᵀ (eq 35) up to O(c)', () => {
    const d = 6;
    const L = 3;
    const rng = Stream.fromSeed(8);
    const betaS = randomUnit(d, rng);
    const { net } = initNetwork(d, L, 0.6, rng);
    const D0 = invariants(net);
    const drift = (c: number) => {
      const m = cloneNet(net);
      train(m, populationObjective(betaS, 0), { c, cRel: 1, tol: 0, maxSteps: 1e6, maxTime: 2 });
      const D = invariants(m);
      let num = 0;
      let den = 0;
      D.forEach((Dl, l) => Dl.forEach((x, i) => ((num += (x - D0[l]![i]!) ** 2), (den += D0[l]![i]! ** 2))));
      return Math.sqrt(num / den);
    };
    const a = drift(0.02);
    const b = drift(0.01);
    expect(a).toBeLessThan(1e-2);
    // GD's drift per unit flow time is O(η): halving the step halves it.
    expect(b / a).toBeGreaterThan(0.4);
    expect(b / a).toBeLessThan(0.6);
  });
});
