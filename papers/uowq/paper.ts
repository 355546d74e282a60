import { definePaper } from '../define.ts';
import { uowqClaims } from './theory/index.ts';
import { uowqSims } from './sim/index.ts';
import { uowqChecks } from './checks/index.ts';

/** Zhang et al. — multi-source source weights and transfer quantities (formalised from the abstract). */
export const uowq = definePaper({
  id: 'uowq',
  title: 'Unified Optimization of Source Weights and Transfer Quantities in Multi-Source Transfer Learning: An Asymptotic Framework',
  source: { authors: 'Q. Zhang et al.', title: 'Unified Optimization of Source Weights and Transfer Quantities in Multi-Source Transfer Learning: An Asymptotic Framework', reference: 'arXiv 2601.10779 (abstract only)' },
  claims: uowqClaims,
  simulations: uowqSims,
  checks: uowqChecks,
});
