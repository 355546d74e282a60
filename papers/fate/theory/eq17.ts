import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { ftTransferabilityPrinted } from './fineTune.ts';
import { noisyLabelFinding } from './fineTuneEndpoint.ts';
import { offInterpolationThreshold } from './hypotheses.ts';
import { dOpt, finiteSize, nOpt, sizesAgree } from './size.ts';

/** Eq (17), Fig 3: fine-tuning transferability; sign flips at θ = π/3, zero for γ > 1. */
export const eq17: Claim = {
  id: 'fate.eq17',
  paper: 'fate',
  title: 'Fine-tuning transferability: positive for θ < π/3, negative for θ > π/3',
  source: {
    paper: 'fate',
    ref: '§3.4, eq (17), Fig 3',
    statement: '$\\mathcal{T}_{\\mathrm{ft}} = (\\gamma - 1)(1 - 2\\cos\\theta)$ for $\\gamma \\le 1$ and $0$ for $\\gamma > 1$ — positive transfer for $\\theta < \\pi/3$, negative for $\\theta > \\pi/3$.',
    provenance: 'printed',
  },
  params: [P.gamma, P.theta, { ...P.sigma, optional: true, description: 'label-noise sd (the printed 𝒯_ft does not depend on it)' }, nOpt, dOpt],
  constraints: [sizesAgree],
  hypotheses: [
    {
      id: 'gradient-flow',
      text:
        'gradient flow on all layers from the α → 0 pretrained weights — a property of the training, not of the parameters; the predicate checks ' +
        'that the transferability E R_sc − E R_ft is defined: γ ≠ 1 (at n = d the scratch risk is infinite)',
      holds: offInterpolationThreshold,
    },
  ],
  regime: { kind: 'asymptotic', limit: 'n, d → ∞ with n/d = γ, α → 0', finiteSize: '−(1 − n/d)(1 − 2cos θ) for n < d (printed mechanism)' },
  predict(p) {
    const v = ftTransferabilityPrinted(p.gamma!, p.theta!);
    const size = finiteSize(p);
    // A point where a recorded finding applies carries it (issue 12 item 7): the printed value is shown,
    // with what the evidence says instead.
    const finding = noisyLabelFinding(p.gamma!, p.theta!, p.sigma);
    return {
      quantity: '𝒯_ft = E R_sc − E R_ft',
      kind: 'value',
      value: v,
      sign: v > 0 ? 1 : v < 0 ? -1 : 0,
      region: p.gamma! > 1 ? 'zero (γ > 1)' : p.theta! < Math.PI / 3 ? 'positive (θ < π/3)' : p.theta! > Math.PI / 3 ? 'negative (θ > π/3)' : 'boundary θ = π/3',
      finiteSize: size ? { value: size.n < size.d ? ftTransferabilityPrinted(size.n / size.d, p.theta!) : 0, derivation: 'eq (17) at γ = n/d: the exact expectation of the printed mechanism (eq 142), −(1 − n/d)(1 − 2cos θ), has no finite-size correction' } : undefined,
      details: finding ? { finding: finding.text, findingK: finding.k, findingBoundary: finding.boundary, findingTransferability: finding.derivedTransferability } : undefined,
    };
  },
};
