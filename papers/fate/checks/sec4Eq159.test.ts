import { afterEach, describe, expect, it } from 'vitest';
import { sec4Projection, type AblatedTeacher } from '../theory/sec4Claims.ts';
import type { Params } from '../../../core/params.ts';
import { gateSeed } from '../../../properties/seeds.ts';
import { conditionSpd, printedEq159 } from './sec4Eq159.ts';

describe('fate.sec4.projection/printed-eq159', () => {
  const original = sec4Projection.predictPrinted;
  afterEach(() => {
    sec4Projection.predictPrinted = original;
  });

  it('conditionSpd is the 2-norm condition number (diagonal and a 2 × 2 with known eigenvalues)', () => {
    expect(conditionSpd(Float64Array.from([1, 0, 0, 0, 10, 0, 0, 0, 100]), 3)).toBeCloseTo(100, 6);
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1.
    expect(conditionSpd(Float64Array.from([2, 1, 1, 2]), 2)).toBeCloseTo(3, 6);
  });

  it('a typo in the printed eq (159) — the 1/m* of its second term dropped — is a mismatch at the gate budget', async () => {
    sec4Projection.predictPrinted = (p: Params, t: AblatedTeacher) => {
      // (1/m*)c*ᵀK*c* − c*ᵀK̃ᵀK⁻¹K̃c* = ‖f*‖² − m*·‖P f*‖² (the second printed term is (1/m*)·m*·‖P f*‖²).
      const right = original(p, t);
      const stable = sec4Projection.predictForTeacher(p, t);
      const total = stable.value! / (stable.details!.relative as number);
      return { ...right, value: total - p.mstar! * (total - right.value!) };
    };
    const res = await printedEq159.run({ seed: gateSeed(), budget: 'test' });
    expect(res.verdict, res.summary).toBe('mismatch');
  });
});
