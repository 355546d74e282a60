import { definePaper } from '../define.ts';
import { universalityClaims } from './theory/index.ts';
import { universalitySims } from './sim/index.ts';
import { universalityChecks } from './checks/index.ts';

/** Ghane, Akhtiamov, Hassibi — universality of SGD fine-tuning of linear models (formalised from the abstract). */
export const universality = definePaper({
  id: 'universality',
  title: 'Universality in Transfer Learning for Linear Models',
  source: { authors: 'R. Ghane, D. Akhtiamov, B. Hassibi', title: 'Universality in Transfer Learning for Linear Models', reference: 'arXiv 2410.02164 (abstract only)' },
  claims: universalityClaims,
  simulations: universalitySims,
  checks: universalityChecks,
});
