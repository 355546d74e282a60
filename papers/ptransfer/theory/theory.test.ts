import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/params.ts';
import { getClaim, claimParams } from '../../registry.ts';
import { checkCondition41, condition41Limits, condition41Transfer, DEFAULT_COND41 } from './condition41.ts';
import { alphaZeroReduction, baselineStatistic, den, gamma, negativeTransferHolds, negativeTransferSides, num, transferStatistic } from './formulas.ts';

const paperFig1a = { d: 2000, N1: 100, N2: 100, sigmaP1: 5, sigmaP2: 5, uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5, m: 40, eta: 0.01, sigma0: 0.01 };

describe('Thm 4.2 / 4.3 / Prop 4.4 formulas', () => {
  it('Num, Den, S by hand', () => {
    const p = { d: 100, N1: 10, N2: 5, sigmaP1: 1, sigmaP2: 2, uNorm: 1, v2Norm: 1, alpha: 0.5 };
    // Num = 0.25·100·1/1 + 25·4/16 = 25 + 6.25; Den = 0.25·4·10/1 + 5 = 15
    expect(num(p)).toBeCloseTo(31.25, 12);
    expect(den(p)).toBeCloseTo(15, 12);
    expect(transferStatistic(p)).toBeCloseTo(31.25 / 1500, 14);
    expect(gamma(p)).toBeCloseTo((0.25 * 10) / (1 * 4 * 100), 14);
  });
  it('α = 0 reduces Thm 4.2 to Thm 4.3 exactly', () => {
    for (const N2 of [1, 7, 100]) {
      const r = alphaZeroReduction({ d: 333, N1: 50, N2, sigmaP1: 0.7, sigmaP2: 3, uNorm: 2, v2Norm: 1.5, alpha: 0.9 });
      expect(Math.abs(r.transfer - r.baseline) / r.baseline).toBeLessThan(1e-14);
    }
  });
  it('S is not monotone in N_1 when ‖u‖ is weak (the reason for the fig1 weak-u deviations)', () => {
    const base = { d: 200, N2: 20, sigmaP1: 4.3, sigmaP2: 4.3, uNorm: 1.2, v2Norm: 5.84, alpha: 1 };
    expect(transferStatistic({ ...base, N1: 57 })).toBeLessThan(transferStatistic({ ...base, N1: 14 }));
    expect(transferStatistic({ ...base, uNorm: 10, N1: 57 })).toBeGreaterThan(transferStatistic({ ...base, uNorm: 10, N1: 14 }));
  });
  it('negative-transfer condition', () => {
    const p = { d: 100, N1: 100, N2: 10, sigmaP1: 1, sigmaP2: 1, uNorm: 0, v2Norm: 3, alpha: 1 };
    expect(negativeTransferSides(p).lhs).toBe(Infinity);
    expect(negativeTransferHolds(p, 4)).toBe(true);
    expect(negativeTransferHolds({ ...p, uNorm: 3 }, 4)).toBe(false); // lhs = 2 < rhs = 10
    expect(baselineStatistic(p)).toBeCloseTo((10 * 81) / 100, 12);
  });
});

describe('Condition 4.1 checker', () => {
  it('the paper’s Sec 5 regime is far outside: names the failing items and margins', () => {
    const r = condition41Transfer(paperFig1a);
    expect(r.holds).toBe(false);
    const byId = Object.fromEntries(r.items.map((i) => [i.id, i]));
    expect(byId.dimension!.holds).toBe(false); // d = 2000 < n² = 10⁴
    expect(byId.dimension!.margin).toBeCloseTo(0.2, 12);
    expect(byId.signal!.holds).toBe(false); // ‖u+v‖² = 50 < 25·log(1000)
    expect(byId.width!.holds).toBe(true);
    expect(r.failing.some((f) => f.startsWith('1 (dimension'))).toBe(true);
  });
  it('a regime built at the limits holds with margin ≥ 1 on every item', () => {
    const n = 20;
    const L = Math.log(n / 0.1);
    const tasks = [{ sigmaP: 1, signalNorm: Math.sqrt(1.01 * L) }];
    const m = Math.ceil(L) + 1;
    const lim = condition41Limits({ d: 1, n, m, tasks });
    const d = Math.ceil(lim.dMin);
    const lim2 = condition41Limits({ d, n, m, tasks });
    const r = checkCondition41({ d, n, m, sigma0: lim2.sigma0Max, eta: lim2.etaMax, tasks });
    expect(r.holds).toBe(true);
    for (const it of r.items) expect(it.margin).toBeGreaterThanOrEqual(1 - 1e-12);
    // and the constants are explicit: C = 4 breaks it
    expect(checkCondition41({ d, n, m, sigma0: lim2.sigma0Max, eta: lim2.etaMax, tasks }, { ...DEFAULT_COND41, C: 4 }).holds).toBe(false);
  });
  it('the polylog reading of Ω̃ is an option', () => {
    const r = checkCondition41({ d: 400, n: 20, m: 10, sigma0: 1e-4, eta: 1e-4, tasks: [{ sigmaP: 1, signalNorm: 3 }] }, { ...DEFAULT_COND41, polylog: 'log' });
    expect(r.items.find((i) => i.id === 'dimension')!.holds).toBe(false);
  });
  it('bad input names the parameter', () => {
    expect(() => checkCondition41({ d: -1, n: 2, m: 2, sigma0: 1, eta: 1, tasks: [{ sigmaP: 1, signalNorm: 1 }] })).toThrow(InputError);
    expect(() => checkCondition41({ d: 10, n: 2, m: 2, sigma0: 1, eta: 1, tasks: [] })).toThrow(/task/);
    expect(() => claimParams(getClaim('ptransfer.thm4.2'), { alpha: 2 })).toThrow(/alpha \(α/);
  });
});

describe('claims are registered with predictions', () => {
  it('every ptransfer/kou claim predicts at its defaults', () => {
    for (const id of ['ptransfer.thm4.2', 'ptransfer.thm4.3', 'ptransfer.prop4.4', 'ptransfer.negative', 'ptransfer.fig1a', 'ptransfer.fig1b', 'ptransfer.fig1c', 'kou.thm']) {
      const c = getClaim(id);
      const pred = c.predict(claimParams(c, {}));
      expect(pred.quantity.length).toBeGreaterThan(0);
    }
    expect(getClaim('kou.thm').paper).toBe('kou');
  });
});
