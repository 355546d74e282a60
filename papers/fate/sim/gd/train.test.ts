import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { initNetwork, product } from './deepLinear.ts';
import { randomUnit } from './linalg.ts';
import { populationObjective } from './objectives.ts';
import { train } from './train.ts';

describe('GD trainer', () => {
  it('stops at the tolerance and reports steps, flow time and convergence', () => {
    const rng = Stream.fromSeed(1);
    const betaS = randomUnit(10, rng);
    const { net } = initNetwork(10, 2, 1e-3, rng);
    const r = train(net, populationObjective(betaS, 0.3));
    expect(r.converged).toBe(true);
    expect(r.excessLoss).toBeLessThanOrEqual(1e-12);
    expect(r.time).toBeGreaterThan(0);
    const beta = product(net);
    expect(Math.hypot(...beta.map((b, i) => b - betaS[i]!))).toBeLessThan(1.5e-6);
  });

  it('flags non-convergence at the step cap and honours the flow-time budget', () => {
    const rng = Stream.fromSeed(2);
    const betaS = randomUnit(10, rng);
    const { net } = initNetwork(10, 3, 1e-3, rng);
    const capped = train(initNetwork(10, 3, 1e-3, Stream.fromSeed(2)).net, populationObjective(betaS, 0), { maxSteps: 5 });
    expect(capped.converged).toBe(false);
    expect(capped.note).toMatch(/NOT converged/);
    const timed = train(net, populationObjective(betaS, 0), { maxTime: 0.5 });
    expect(timed.time).toBeCloseTo(0.5, 12);
    expect(timed.note).toMatch(/flow time/);
  });

  it('frozen layers do not move', () => {
    const rng = Stream.fromSeed(3);
    const betaS = randomUnit(6, rng);
    const { net } = initNetwork(6, 2, 0.5, rng);
    const W0 = net.W[0]!.slice();
    train(net, populationObjective(betaS, 0), { trainable: [false, true], maxSteps: 100 });
    expect(Array.from(net.W[0]!)).toEqual(Array.from(W0));
  });
});
