import { describe, expect, it } from 'vitest';
import { InputError, validateParams } from '../../../../core/params.ts';
import { gdSims } from './index.ts';
import { gdConfig } from './runs.ts';

const byId = (id: string) => gdSims.find((s) => s.id === id)!;

describe('fate GD simulation specs', () => {
  it('registers the four simulations', () => {
    expect(gdSims.map((s) => s.id)).toEqual(['fate.gd.pretrain', 'fate.gd.scratch', 'fate.gd.linear-transfer', 'fate.gd.fine-tune']);
  });

  it('rejects bad parameters with a clear InputError', () => {
    const ft = byId('fate.gd.fine-tune');
    expect(() => validateParams(ft.params, { L: 4 }, ft.id, ft.constraints)).toThrow(InputError);
    expect(() => validateParams(ft.params, { L: 4 }, ft.id, ft.constraints)).toThrow(/L \(L, depth/);
    expect(() => validateParams(ft.params, { d: 65 }, ft.id, ft.constraints)).toThrow(/d \(d, input dimension\) must be in integers in \[2, 64\]/);
    expect(() => validateParams(ft.params, { gamma: 1, d: 32 }, ft.id, ft.constraints)).toThrow(/square case/);
    expect(() => ft.run({ d: 100 }, { seed: 1, draws: 1 })).toThrow(InputError);
    expect(() => gdConfig({ d: 8, L: 5, alpha: 1e-3 })).toThrow(InputError);
    expect(() => gdConfig({ d: 80, L: 2, alpha: 1e-3 })).toThrow(InputError);
  });

  it('is deterministic in the seed, with independent draws, and reports closed-form comparators', async () => {
    const sc = byId('fate.gd.scratch');
    const params = { d: 12, gamma: 0.5, sigma: 0.5, alpha: 1e-3 };
    const a = await sc.run(validateParams(sc.params, params, sc.id, sc.constraints), { seed: 9, draws: 3 });
    const b = await sc.run(validateParams(sc.params, params, sc.id, sc.constraints), { seed: 9, draws: 3 });
    expect(a.values).toEqual(b.values);
    expect(new Set(a.values).size).toBe(3);
    expect(a.extra!.gapMinNorm!.mean).toBeLessThan(1e-2);
    // Scratch GD ends near X⁺y, so its risk is the min-norm risk (Thm 3.5 → Thm 3.6).
    a.values.forEach((v, i) => expect(Math.abs(v - a.extra!.R_minNorm!.values![i]!)).toBeLessThan(1e-2 * (1 + v)));
    expect(a.method).toMatch(/all 3 fits converged/);
  });

  it('each simulation runs at small size and returns a per-draw measurement', async () => {
    for (const s of gdSims) {
      const raw = s.id === 'fate.gd.pretrain' ? { d: 8 } : { d: 8, gamma: 0.5, sigma: 0.5 };
      const m = await s.run(validateParams(s.params, raw, s.id, s.constraints), { seed: 2, draws: 2 });
      expect(m.simId).toBe(s.id);
      expect(m.values).toHaveLength(2);
      expect(m.values.every(Number.isFinite)).toBe(true);
      expect(m.method).toBeTruthy();
    }
  });

  it('fine-tune sim: the integrated reduced flow matches GD, eq (142) does not (σ = 1)', async () => {
    const ft = byId('fate.gd.fine-tune');
    const m = await ft.run(validateParams(ft.params, { d: 16, gamma: 0.5, sigma: 1 }, ft.id, ft.constraints), { seed: 3, draws: 2 });
    expect(m.extra!.gapReduced!.mean).toBeLessThan(1e-3);
    expect(m.extra!.gapPaper142!.mean).toBeGreaterThan(1e-2);
  });
});

describe('wiring', () => {
  it('gdSims ids do not collide with the other fate simulations', async () => {
    const { fateSims } = await import('../index.ts');
    const ids = [...new Set([...fateSims, ...gdSims])].map((s) => s.id); // deduped: wiring puts gdSims into fateSims
    expect(new Set(ids).size).toBe(ids.length);
  });
});
