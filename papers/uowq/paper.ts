import { definePaper } from '../define.ts';
import { allSamplesClaim, asymptoticErrorClaim, kktClaim, singleSourceWeightClaim, uniformNegativeClaim } from './theory/index.ts';
import { weightedMleSim } from './sim/index.ts';
import { simulatedKl } from './checks/asymptoticError.ts';
import { impliedArgmin } from './checks/singleSourceWeight.ts';
import { optimumRise } from './checks/kkt.ts';
import { fewerSamples } from './checks/allSamples.ts';
import { interiorQuantity, poolingVsTarget } from './checks/uniformNegative.ts';
import { interiorArgmin } from './checks/interiorArgmin.ts';

/** Zhang et al. — multi-source source weights and transfer quantities (formalised from the abstract). */
export const uowq = definePaper({
  id: 'uowq',
  title: 'Unified Optimization of Source Weights and Transfer Quantities in Multi-Source Transfer Learning: An Asymptotic Framework',
  source: { authors: 'Q. Zhang et al.', title: 'Unified Optimization of Source Weights and Transfer Quantities in Multi-Source Transfer Learning: An Asymptotic Framework', reference: 'arXiv 2601.10779 (abstract only)' },
  claims: [asymptoticErrorClaim, singleSourceWeightClaim, kktClaim, allSamplesClaim, uniformNegativeClaim],
  simulations: [weightedMleSim],
  checks: [simulatedKl, impliedArgmin, optimumRise, fewerSamples, poolingVsTarget, interiorQuantity, interiorArgmin],
});
