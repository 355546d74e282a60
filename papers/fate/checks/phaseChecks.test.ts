import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// The gate: each fate check at the fixed seed. Recorded deviations must keep failing ('deviates').
describe('fate checks at the gate seed: the phase diagram of eq 13', () => {
  it.each([
    ['fate.eq13/phase-signs', 'conforms'],
    ['fate.eq13/printed-interval', 'deviates'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
