import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// Issue 5 gate: each check at the fixed seed (fate §4, Fig 5, ptransfer Table 1).
describe('fate §4 checks at the gate seed', () => {
  it.each([
    ['fate.sec4.arccos/mc', 'conforms'],
    ['fate.sec4.projection/lt-limit', 'conforms'],
    ['fate.sec4.projection/monotone-mu', 'conforms'],
    ['fate.fig5/equal-kl-opposite-sign', 'conforms'],
    ['fate.fig5/farther-yet-positive', 'conforms'],
    ['fate.fig5/no-negative-correlation', 'deviates'],
    ['fate.sec4.kernel/approaches', 'conforms'],
    ['fate.sec4.scaling/decay', 'conforms'],
    ['fate.sec4.negative-transfer/sign', 'inconclusive'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
