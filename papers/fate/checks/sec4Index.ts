import type { CheckSpec } from '../../../properties/check.ts';
import { noiseSweep, transferHelps } from '../../ptransfer/checks/table1.ts';
import { equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation } from './fig5.ts';
import { arccosMc, ltLimit, perpMonotone } from './sec4.ts';
import { kernelApproaches, negativeTransferSign, scratchDecay } from './sec4Student.ts';

/** Issue 5 checks: fate §4, fate Fig 5, ptransfer Table 1. */
export const sec4Checks: CheckSpec[] = [arccosMc, ltLimit, perpMonotone, equalKlOppositeSign, fartherYetPositive, noNegativeCorrelation, kernelApproaches, scratchDecay, negativeTransferSign, transferHelps, noiseSweep];
