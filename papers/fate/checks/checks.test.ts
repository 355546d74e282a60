import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// The gate: each fate check at the fixed seed. Recorded deviations must keep failing ('deviates').
describe('fate checks at the gate seed: distances, scratch, linear transfer', () => {
  it.each([
    ['fate.thm2.2/kl', 'conforms'],
    ['fate.thm2.2/dudley', 'deviates'],
    ['fate.thm3.6/finite-size', 'conforms'],
    ['fate.thm3.6/fast-large-d', 'conforms'],
    ['fate.thm3.7/exact', 'conforms'],
    ['fate.eq13/finite-size', 'conforms'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
