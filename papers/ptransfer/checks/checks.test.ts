import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// One test per check at the gate seed ('test' budget: small regimes; paper scale is in the reproductions).
describe('ptransfer checks (inside Condition 4.1: rest on the theorems’ hypotheses)', () => {
  it('ptransfer.thm4.2/loss', () => expectVerdict('ptransfer.thm4.2/loss', 'conforms'));
  it('ptransfer.thm4.2/monotone', () => expectVerdict('ptransfer.thm4.2/monotone', 'conforms'));
  it('ptransfer.thm4.2/constants', () => expectVerdict('ptransfer.thm4.2/constants', 'conforms'));
  it('ptransfer.thm4.2/alpha0', () => expectVerdict('ptransfer.thm4.2/alpha0', 'conforms'));
  it('ptransfer.thm4.3/monotone', () => expectVerdict('ptransfer.thm4.3/monotone', 'conforms'));
  it('ptransfer.prop4.4/gamma', () => expectVerdict('ptransfer.prop4.4/gamma', 'conforms'));
  it('ptransfer.prop4.4/both', () => expectVerdict('ptransfer.prop4.4/both', 'conforms'));
  it('ptransfer.prop4.4/both-literal (recorded deviation)', () => expectVerdict('ptransfer.prop4.4/both-literal', 'deviates'));
  it('ptransfer.negative/inside', () => expectVerdict('ptransfer.negative/inside', 'conforms'));
  it('ptransfer.negative/weak-baseline (recorded deviation)', () => expectVerdict('ptransfer.negative/weak-baseline', 'deviates'));
});

describe('ptransfer checks in paper-like regimes (outside Condition 4.1: extrapolations)', () => {
  it('ptransfer.thm4.2/monotone-paper', () => expectVerdict('ptransfer.thm4.2/monotone-paper', 'conforms'));
  it('ptransfer.negative/paper', () => expectVerdict('ptransfer.negative/paper', 'conforms'));
  it('ptransfer.fig1a/direction', () => expectVerdict('ptransfer.fig1a/direction', 'conforms'));
  it('ptransfer.fig1b/direction', () => expectVerdict('ptransfer.fig1b/direction', 'conforms'));
  it('ptransfer.fig1c/direction', () => expectVerdict('ptransfer.fig1c/direction', 'conforms'));
  it('ptransfer.fig1a/weak-u (recorded deviation)', () => expectVerdict('ptransfer.fig1a/weak-u', 'deviates'));
  it('ptransfer.fig1b/weak-u (recorded deviation)', () => expectVerdict('ptransfer.fig1b/weak-u', 'deviates'));
  it('ptransfer.fig2/level (recorded deviation, printed settings)', () => expectVerdict('ptransfer.fig2/level', 'deviates'));
});

