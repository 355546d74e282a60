import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { drawClasses, sampleTask } from './data.ts';
import { outputs, outputsSparse, patches, runTwoLayerCell, sparsePatches, train, type Net, type TwoLayerParams } from './twoLayer.ts';

const DIM = 49;

/** The plain GD loop as it was before the pre-activations were shared (each ⟨w_r, x⁽ᵖ⁾⟩ computed twice per step). */
function trainPlain(net: Net, X: Float64Array, y: Float64Array, n: number, per: number, eta: number, steps: number): number {
  const { W, m } = net;
  const g = new Float64Array(W.length);
  let loss = 0;
  for (let t = 0; t <= steps; t++) {
    const f = outputs(net, X, n, per);
    loss = 0;
    const coef = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      const z = y[a]! * f[a]!;
      loss += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      coef[a] = (-y[a]! / (1 + Math.exp(z))) / n;
    }
    loss /= n;
    if (t === steps) break;
    g.fill(0);
    for (let a = 0; a < n; a++) {
      const ca = coef[a]!;
      for (let r = 0; r < 2 * m; r++) {
        const s = ((r < m ? 1 : -1) * ca) / m;
        for (let p = 0; p < per; p++) {
          const xo = (a * per + p) * DIM;
          let h = 0;
          for (let q = 0; q < DIM; q++) h += W[r * DIM + q]! * X[xo + q]!;
          if (h > 0) for (let q = 0; q < DIM; q++) g[r * DIM + q] = g[r * DIM + q]! + s * X[xo + q]!;
        }
      }
    }
    for (let i = 0; i < W.length; i++) W[i] = W[i]! - eta * g[i]!;
  }
  return loss;
}

const P: TwoLayerParams = { k: 4, n2PerClass: 6, ratio: 2, alpha: 0.5, noise2: 0, m: 4, eta: 0.5, stepsUp: 30, stepsDown: 30, sigma0: 0.01, testPerClass: 20 };

describe('two-layer MNIST CNN: exact reductions', () => {
  it('shared pre-activations: GD is bit-identical to the plain loop (weights and loss)', () => {
    const rng = Stream.forReplicate(7, 0);
    const cls = drawClasses(rng, 4);
    const d = sampleTask(rng, cls.target, 10, 'train', { noise: 0.3 });
    const X = patches(d);
    const y = Float64Array.from(d.y, (c) => (c < 1 ? 1 : -1));
    const W0 = rng.normals(2 * 5 * DIM, 0.05);
    const a: Net = { W: Float64Array.from(W0), m: 5 };
    const b: Net = { W: Float64Array.from(W0), m: 5 };
    const la = train(a, X, y, d.n, 4, 0.5, 40);
    const lb = trainPlain(b, X, y, d.n, 4, 0.5, 40);
    expect(la).toBe(lb);
    expect(Array.from(a.W)).toEqual(Array.from(b.W));
    expect(la).toBeLessThan(Math.log(2)); // it trained
  });

  it('sparse patches: on clean digits (≈ 3/4 zero pixels) GD skipping the zeros is bit-identical to the plain loop', () => {
    const rng = Stream.forReplicate(9, 1);
    const cls = drawClasses(rng, 4);
    const d = sampleTask(rng, cls.source, 8, 'train');
    const X = patches(d);
    const zeros = X.filter((x) => x === 0).length / X.length;
    expect(zeros).toBeGreaterThan(0.5); // the case the skipping is for
    const y = Float64Array.from(d.y, (c) => (c < 2 ? 1 : -1));
    for (const m of [5, 6]) {
      // 2m = 10 filters leaves a remainder after the blocks of 4; 12 does not
      const W0 = rng.normals(2 * m * DIM, 0.05);
      const a: Net = { W: Float64Array.from(W0), m };
      const b: Net = { W: Float64Array.from(W0), m };
      const la = train(a, X, y, d.n, 4, 0.5, 40);
      const lb = trainPlain(b, X, y, d.n, 4, 0.5, 40);
      expect(la).toBe(lb);
      expect(Array.from(a.W)).toEqual(Array.from(b.W));
      expect(la).toBeLessThan(Math.log(2));
    }
  });

  it('test outputs over the nonzero pixels = the plain outputs (clean and noisy test images, 10 and 12 filters)', () => {
    const rng = Stream.forReplicate(10, 0);
    const cls = drawClasses(rng, 4);
    for (const noise of [0, 0.4]) {
      const d = sampleTask(rng, cls.target, 30, 'test', { noise });
      const X = patches(d);
      for (const m of [5, 6]) {
        const net: Net = { W: rng.normals(2 * m * DIM, 0.3), m };
        const f = outputs(net, X, d.n, 4);
        expect(f.some((v) => v > 0) && f.some((v) => v < 0)).toBe(true); // outputs of both signs
        expect(Array.from(outputsSparse(net, sparsePatches(X, d.n * 4), d.n, 4))).toEqual(Array.from(f));
      }
    }
  });

  it('a reused upstream run gives the same cell as a fresh one', () => {
    const fresh = runTwoLayerCell(P, 11, 2, { reuseUpstream: false });
    const again = runTwoLayerCell({ ...P, alpha: 0.5 }, 11, 2); // cache filled by the first call
    const reused = runTwoLayerCell(P, 11, 2);
    expect(again).toEqual(fresh);
    expect(reused).toEqual(fresh);
  });

  it('arms at different target noise share upstream, classes and images (common random numbers), and noise changes the target', () => {
    const clean = runTwoLayerCell(P, 13, 1, { reuseUpstream: false });
    const noisy = runTwoLayerCell({ ...P, noise2: 1 }, 13, 1, { reuseUpstream: false });
    const noisy2 = runTwoLayerCell({ ...P, noise2: 1 }, 13, 1);
    expect(noisy.lossUp).toBe(clean.lossUp);
    expect(noisy.classes).toEqual(clean.classes);
    expect(noisy2).toEqual(noisy);
    expect([noisy.accScratch, noisy.accTransfer]).not.toEqual([clean.accScratch, clean.accTransfer]);
  });
});
