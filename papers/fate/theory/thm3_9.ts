import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { fineTuneRiskPrinted, fineTuneRiskPrintedFinite } from './fineTune.ts';
import { scratchRiskAsymptotic } from './scratch.ts';
import { noisyLabelFinding } from './fineTuneEndpoint.ts';
import { offInterpolationThreshold } from './hypotheses.ts';
import { dOpt, finiteSize, nOpt, sizesAgree } from './size.ts';

/** Thm 3.9, eq (16): fine-tuning all layers from the pretrained weights. */
export const thm3_9: Claim = {
  id: 'fate.thm3.9',
  paper: 'fate',
  title: 'Fine-tuning risk',
  source: {
    paper: 'fate',
    ref: 'Thm 3.9, eq (16); proof eq (142)',
    statement: '$\\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{ft}} = \\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{sc}} + (1-\\gamma)(1-2\\cos\\theta)$ for $\\gamma \\le 1$ and $\\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{sc}}$ for $\\gamma > 1$; mechanism: $\\beta_{\\mathrm{ft}} = \\beta_{\\mathrm{sc}} + (I - P_{\\mathrm{row}(X)})\\beta_s$.',
    provenance: 'printed',
  },
  params: [P.gammaNot1, P.theta, P.sigma, nOpt, dOpt],
  constraints: [sizesAgree],
  hypotheses: [
    {
      id: 'gradient-flow',
      text:
        'gradient flow on all layers from the α → 0 pretrained weights — a property of the training, not of the parameters; the predicate checks ' +
        'that the end point the proof uses, X⁺y + (I − P_row(X))β_s, and the scratch risk are defined: γ ≠ 1 (n ≠ d)',
      holds: offInterpolationThreshold,
    },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n, d → ∞ with n/d = γ, α → 0',
    finiteSize: 'printed mechanism: E R_ft = E R_sc(n, d) + (1 − n/d)(1 − 2cos θ) exactly',
  },
  predict(p) {
    const size = finiteSize(p);
    const finding = noisyLabelFinding(p.gamma!, p.theta!, p.sigma);
    return {
      quantity: 'E_D R_ft',
      kind: 'value',
      value: fineTuneRiskPrinted(p.gamma!, p.theta!, p.sigma!),
      finiteSize: size ? { value: fineTuneRiskPrintedFinite(size.n, size.d, p.theta!, p.sigma!), derivation: 'exact expectation of the printed mechanism (eq 142)' } : undefined,
      details: {
        // E R_ft − E R_sc of the printed mechanism at the finite size, (1 − n/d)(1 − 2cos θ) for n < d (what paired draws measure).
        // Computed from eq (16) itself at γ = n/d (its gap E R_ft − E R_sc has no finite-size correction), so a change
        // of the printed formula reaches the checks that compare with it; equals −ftTransferabilityPrintedFinite.
        ftMinusScFinite: size ? (size.n < size.d ? fineTuneRiskPrinted(size.n / size.d, p.theta!, p.sigma!) - scratchRiskAsymptotic(size.n / size.d, p.sigma!) : 0) : null,
        mechanism: 'β_ft = X⁺y + (I − P_row(X))β_s (eq 142)',
        mechanismGap: 0,
        // Ours, not the paper's: the end point derived from the conserved invariants (fineTuneEndpoint.ts), k = 1 only
        // when p + q = 1. No simulation uses it: the simulations integrate the gradient flow (sim/fineTuneFlow.ts), and
        // the derived k is tested against that flow (fineTuneFlow.test.ts); the GD check compares GD with the flow.
        derivedMechanism: 'β_ft = X⁺y + k(I − P)β_s, s^L − p s^{L−1} − q = 0, k = s^{(L−1)/2}',
        derivedMechanismGap: 0,
        ...(finding ? { finding: finding.text.replace(/𝒯_ft ≈ \(1 − γ\)k\(2cos θ − k\)/, 'E R_sc − E R_ft ≈ (1 − γ)k(2cos θ − k)') } : {}),
      },
    };
  },
};
