import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

describe('universality checks at the gate seed', () => {
  it('universality.sgd-endpoint conforms', () => expectVerdict('universality.sgd-endpoint', 'conforms'));
  it('universality.isotropic-risk conforms', () => expectVerdict('universality.isotropic-risk', 'conforms'));
  it('universality.general-sigma conforms', () => expectVerdict('universality.general-sigma', 'conforms'));
  it('universality.improvement-condition conforms', () => expectVerdict('universality.improvement-condition', 'conforms'));
  it('universality.laws conforms', () => expectVerdict('universality.laws', 'conforms'));
  it('universality.classification conforms', () => expectVerdict('universality.classification', 'conforms'));
  it('universality.classification-improvement conforms', () => expectVerdict('universality.classification-improvement', 'conforms'));
  it('universality.classification-localised deviates as recorded (localised w*)', () => expectVerdict('universality.classification-localised', 'deviates'));
});
