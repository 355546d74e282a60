import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// One test per check at the gate seed ('test' budget: small regimes).
describe('kou checks', () => {
  it('kou.thm/loss', () => expectVerdict('kou.thm/loss', 'conforms'));
  it('kou.thm/monotone', () => expectVerdict('kou.thm/monotone', 'conforms'));
  it('kou.thm/constants', () => expectVerdict('kou.thm/constants', 'conforms'));
  it('kou.thm/paper', () => expectVerdict('kou.thm/paper', 'conforms'));
});
