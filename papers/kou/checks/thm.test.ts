import { describe, it } from 'vitest';
import { expectVerdict, UNDECIDED_AT_GATE } from '../../testing.ts';

// One test per check at the gate seed ('test' budget: small regimes). Under issue 11's rules (α_c ≈ 1.6e-4,
// power ≥ 0.8 against δ in every regime) they are `inconclusive` at the gate budget (see ptransfer's checks.test.ts).
describe('kou checks', () => {
  it('kou.thm/loss', () => expectVerdict('kou.thm/loss', UNDECIDED_AT_GATE));
  it('kou.thm/monotone', () => expectVerdict('kou.thm/monotone', UNDECIDED_AT_GATE));
  it('kou.thm/constants', () => expectVerdict('kou.thm/constants', UNDECIDED_AT_GATE));
  it('kou.thm/paper', () => expectVerdict('kou.thm/paper', UNDECIDED_AT_GATE));
});
