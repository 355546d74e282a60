import { describe, expect, it } from 'vitest';
import { claimParamsOf } from './gdClaimsTestUtil.ts';
import { gdClaims } from './gdClaims.ts';
import { InputError } from '../../../core/params.ts';

describe('fate deep-linear GD claims', () => {
  it('are Lemma 3.3, Thm 3.4, Thm 3.5 of the fate paper, printed, asymptotic', () => {
    expect(gdClaims.map((c) => c.id)).toEqual(['fate.lemma3.3', 'fate.thm3.4', 'fate.thm3.5']);
    for (const c of gdClaims) {
      expect(c.paper).toBe('fate');
      expect(c.source.provenance).toBe('printed');
      expect(c.regime.kind).toBe('asymptotic');
      expect(c.hypotheses.some((h) => h.id === 'eq22')).toBe(true);
    }
  });

  it('hypotheses are real conditions: population training needs a non-zero init', () => {
    for (const c of gdClaims.slice(0, 2)) {
      const h = c.hypotheses.find((x) => x.id === 'population')!;
      expect(h.holds({ alpha: 1e-3, sigma: 0 })).toBe(true);
      expect(h.holds({ alpha: 0, sigma: 0 })).toBe(false);
    }
    expect(gdClaims[2]!.hypotheses.find((x) => x.id === 'full-rank')!.holds({ gamma: 1, d: 20 })).toBe(false);
  });

  it('predict plain-JSON predictions at default parameters', () => {
    for (const c of gdClaims) {
      const pred = c.predict(claimParamsOf(c, {}));
      expect(JSON.parse(JSON.stringify(pred))).toEqual(pred);
    }
  });

  it('the eq-22 hypothesis distinguishes the two inits', () => {
    const h = gdClaims[0]!.hypotheses.find((x) => x.id === 'eq22')!;
    expect(h.holds({ init: 0 })).toBe(true);
    expect(h.holds({ init: 1 })).toBe(false);
  });

  it('bad parameters are InputErrors', () => {
    expect(() => claimParamsOf(gdClaims[2]!, { gamma: 1, d: 20 })).toThrow(InputError);
    expect(() => claimParamsOf(gdClaims[0]!, { L: 5 })).toThrow(InputError);
  });
});

describe('wiring', () => {
  it('gdClaims ids do not collide with the other fate claims', async () => {
    const { fateClaims } = await import('./index.ts');
    const ids = [...new Set([...fateClaims, ...gdClaims])].map((c) => c.id); // deduped: wiring puts gdClaims into fateClaims
    expect(new Set(ids).size).toBe(ids.length);
  });
});
