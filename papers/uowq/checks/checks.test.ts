import { describe, expect, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';
import { getCheck } from '../../registry.ts';

describe('uowq checks at the gate seed', () => {
  it('uowq.asymptotic-error/simulated-kl conforms', () => expectVerdict('uowq.asymptotic-error/simulated-kl', 'conforms'));
  // implied-argmin: each regime lies in the sensitive band D/s ∈ [1, 2] with probability 3/4 (required region), so the
  // 4 gate regimes miss it with probability 4⁻⁴ < 0.4 %.
  it('uowq.single-source-weight/implied-argmin conforms', () => expectVerdict('uowq.single-source-weight/implied-argmin', 'conforms'));
  // kkt: its declared deviation has an absolute floor (0.05 target-only errors), so a regime with a tiny predicted rise
  // no longer needs unbounded draws (seed 303 needed ~33,000 under the relative δ alone).
  it('uowq.kkt/optimum-rise conforms', () => expectVerdict('uowq.kkt/optimum-rise', 'conforms'));
  it('uowq.all-samples/fewer-samples conforms', () => expectVerdict('uowq.all-samples/fewer-samples', 'conforms'));
  // pooling: sides are stratified (drawn first), 8 gate regimes leave one side uncovered with probability < 1 %.
  it('uowq.uniform-negative/pooling-vs-target conforms', () => expectVerdict('uowq.uniform-negative/pooling-vs-target', 'conforms'));
  it('uowq.uniform-negative/interior-quantity conforms', () => expectVerdict('uowq.uniform-negative/interior-quantity', 'conforms'));
  // interior-argmin: linear regimes at Dn_0/d ∈ [1, 3], each planned for power 0.95 against δ (≈ 1 s CPU for both).
  it('uowq.uniform-negative/interior-argmin conforms', () => expectVerdict('uowq.uniform-negative/interior-argmin', 'conforms'));
  it('the former ids resolve to the renamed checks (replay tokens)', () => {
    for (const [old, id] of [
      ['uowq.asymptotic-error', 'uowq.asymptotic-error/simulated-kl'],
      ['uowq.single-source-weight', 'uowq.single-source-weight/implied-argmin'],
      ['uowq.kkt', 'uowq.kkt/optimum-rise'],
      ['uowq.all-samples', 'uowq.all-samples/fewer-samples'],
      ['uowq.uniform-negative', 'uowq.uniform-negative/pooling-vs-target'],
      ['uowq.uniform-interior', 'uowq.uniform-negative/interior-quantity'],
    ]) expect(getCheck(old!).id).toBe(id);
  });
});
