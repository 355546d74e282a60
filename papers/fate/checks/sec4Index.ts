import type { CheckSpec } from '../../../properties/check.ts';
import { equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation } from './fig5.ts';
import { arccosMc } from './sec4Arccos.ts';
import { kernelApproaches } from './sec4Kernel.ts';
import { negativeTransferSign } from './sec4NegativeTransfer.ts';
import { printedEq159 } from './sec4Eq159.ts';
import { ltLimit, perpMonotone } from './sec4Projection.ts';
import { scratchDecay } from './sec4Scaling.ts';

/** fate §4 (ReLU student–teacher) and Fig 5 checks. */
export const sec4Checks: CheckSpec[] = [arccosMc, ltLimit, perpMonotone, printedEq159, equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation, kernelApproaches, scratchDecay, negativeTransferSign];
