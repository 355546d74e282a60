import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

describe('uowq checks at the gate seed', () => {
  it('uowq.asymptotic-error conforms', () => expectVerdict('uowq.asymptotic-error', 'conforms'));
  it('uowq.single-source-weight conforms', () => expectVerdict('uowq.single-source-weight', 'conforms'));
  it('uowq.kkt conforms', () => expectVerdict('uowq.kkt', 'conforms'));
  it('uowq.all-samples conforms', () => expectVerdict('uowq.all-samples', 'conforms'));
  it('uowq.uniform-negative conforms', () => expectVerdict('uowq.uniform-negative', 'conforms'));
  it('uowq.uniform-interior conforms', () => expectVerdict('uowq.uniform-interior', 'conforms'));
});
