import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// ptransfer Table 1 analogue on real MNIST at the gate seed.
describe('ptransfer Table 1 (MNIST) checks at the gate seed', () => {
  it.each([
    ['ptransfer.table1/transfer-helps', 'inconclusive'],
    ['ptransfer.table1/noise-sweep', 'inconclusive'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
