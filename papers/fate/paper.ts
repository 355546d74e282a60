import { definePaper } from '../define.ts';
import { fateClaims } from './theory/index.ts';
import { sec4Claims } from './theory/sec4Index.ts';
import { fateSims } from './sim/index.ts';
import { sec4Sims } from './sim/relu/index.ts';
import { fateChecks } from './checks/index.ts';
import { sec4Checks } from './checks/sec4Index.ts';
import { fateFigures } from './figures/fate.ts';

/** Tahir, Ganguli, Rotskoff — deep linear networks, linear transfer, ridge, fine-tuning; ReLU §4; Fig 5. */
export const fate = definePaper({
  id: 'fate',
  title: 'Features are fate: a theory of transfer learning in high-dimensional regression',
  source: { authors: 'J. Tahir, S. Ganguli, G. M. Rotskoff', title: 'Features are fate: a theory of transfer learning in high-dimensional regression', reference: 'arXiv 2410.08194 (v1)' },
  claims: [...fateClaims, ...sec4Claims],
  simulations: [...fateSims, ...sec4Sims],
  checks: [...fateChecks, ...sec4Checks],
  figures: fateFigures,
});
