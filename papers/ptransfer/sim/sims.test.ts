import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/params.ts';
import { runSim } from '../../registry.ts';

describe('registered ptransfer / kou simulations', () => {
  it('ptransfer.cell and kou.cell run on small regimes and report paired extras', async () => {
    const m = await runSim('ptransfer.cell', { d: 120, m: 4, N1: 20, N2: 10, sigmaP1: 1, sigmaP2: 1, uNorm: 2, v1Norm: 1, v2Norm: 1, alpha: 0.5, eta: 0.2, sigma0: 0.02, T1: 50, T2: 30, eps: 0, nTest: 500 }, { seed: 3, draws: 3 });
    expect(m.values).toHaveLength(3);
    expect(m.extra!.errBaseline!.values).toHaveLength(3);
    expect(m.mean).toBeGreaterThanOrEqual(0);
    expect(m.mean).toBeLessThanOrEqual(1);
    const k = await runSim('kou.cell', { d: 100, m: 5, n: 10, sigmaP: 1, muNorm: 2, flip: 0.1, eta: 0.1, sigma0: 0.01, T: 50, eps: 0, nTest: 500 }, { seed: 1, draws: 4 });
    expect(k.mean).toBeGreaterThanOrEqual(0.1 - 1e-12); // error against flipped labels ≥ p exactly
  });
  it('bad input names the parameter and its domain', async () => {
    await expect(runSim('ptransfer.cell', { alpha: 1.5 }, { seed: 1, draws: 1 })).rejects.toThrow(InputError);
    await expect(runSim('ptransfer.cell', { alpha: 1.5 }, { seed: 1, draws: 1 })).rejects.toThrow(/alpha \(α, fraction of filters inherited\) must be in \[0, 1\]/);
    await expect(runSim('kou.cell', { flip: 0.5 }, { seed: 1, draws: 1 })).rejects.toThrow(/flip/);
  });
});
