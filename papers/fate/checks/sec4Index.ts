import type { CheckSpec } from '../../../properties/check.ts';
import { equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation } from './fig5.ts';
import { arccosMc, ltLimit, perpMonotone } from './sec4.ts';
import { kernelApproaches, negativeTransferSign, scratchDecay } from './sec4Student.ts';

/** fate §4 (ReLU student–teacher) and Fig 5 checks. */
export const sec4Checks: CheckSpec[] = [arccosMc, ltLimit, perpMonotone, equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation, kernelApproaches, scratchDecay, negativeTransferSign];
