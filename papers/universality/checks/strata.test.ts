import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DISAGREE, placeDisagree, riskSignArbitrary, riskSignRegion } from './improvementCondition.ts';
import { regArb, regParams } from './support.ts';
import { BAND, FINITE_SIZE, limitOf, stratifiedClsArb } from './classification.ts';
import { CHECK_LEVELS } from '../../../core/levels.ts';
import { improvementConditionClaim } from '../theory/index.ts';
import { pretrainedV } from '../theory/params.ts';
import { sampling } from '../../../properties/strata.ts';

describe('universality risk-sign: the region where ‖v‖² and ‖v‖²_Σ disagree is drawn, not hoped for', () => {
  it('every placed regime lies in it: E4 says "helps" by ≥ 0.15 R_0, the unweighted ‖v‖² would say "hurts" by ≥ 0.15 R_0', () => {
    for (const seed of [1, 101, 202, 303]) {
      for (const t of fc.sample(regArb({ laws: [0, 3], dist: [1, 20], sigma: [1, 30] }), { seed, numRuns: 40 })) {
        for (const u of [0, 0.5, 1]) {
          const w = placeDisagree(t, u);
          expect(riskSignRegion(w)).toBe(DISAGREE);
          const margin = improvementConditionClaim.predict(regParams(w)).value!;
          const unweighted = pretrainedV(regParams(w)).reduce((a, x) => a + x * x, 0);
          expect(margin).toBeLessThanOrEqual(-0.15 * w.dist + 1e-9);
          expect(margin + w.dist - unweighted).toBeGreaterThanOrEqual(0.15 * w.dist); // the misprinted margin
        }
      }
    }
  });
  it('by run: stratum 0 in it, stratum 1 on the hurts side outside the band, at every seed', () => {
    const s = sampling(riskSignArbitrary);
    expect(s.strata).toBe(3);
    for (const seed of [1, 101, 202, 303, 20404]) {
      const ts = fc.sample(s.arbitrary, { seed, numRuns: 12 }).map((v, i) => s.pick(v, i));
      ts.forEach((t, i) => {
        if (i % 3 === 0) expect(riskSignRegion(t)).toBe(DISAGREE);
        if (i % 3 === 1) {
          expect(riskSignRegion(t)).toBe('fine-tuning hurts');
          expect(improvementConditionClaim.predict(regParams(t)).value!).toBeGreaterThanOrEqual(0.15 * t.dist * (1 - 1e-9));
        }
      });
    }
  });
});

describe('universality improvement-sign: regimes are placed where the predicted effect covers δ and the finite-size allowance', () => {
  it('the band is δ + FINITE_SIZE, δ read from core/levels.ts (not a constant of its own)', () => {
    expect(BAND).toBeCloseTo(CHECK_LEVELS['universality.classification/improvement-sign']!.detect!.abs! + FINITE_SIZE, 12);
    expect(FINITE_SIZE).toBeGreaterThan(0);
  });
  it('every drawn regime has |E6 err_ft − err_0| ≥ δ + FINITE_SIZE, and both sides are drawn about equally', () => {
    let helps = 0;
    let all = 0;
    for (const seed of [1, 101, 202, 303, 2929]) {
      for (const t of fc.sample(stratifiedClsArb, { seed, numRuns: 60 })) {
        const lim = limitOf(t);
        const diff = lim.errFineTuned - lim.errPretrained;
        expect(Math.abs(diff)).toBeGreaterThanOrEqual(BAND);
        (all++, (helps += diff < 0 ? 1 : 0));
      }
    }
    expect(helps / all).toBeGreaterThan(0.35);
    expect(helps / all).toBeLessThan(0.65);
  });
});
