import type { SimSpec } from '../../../../sim/sim.ts';
import { fig5Sims } from '../fig5.ts';
import { mnistSims } from '../../../ptransfer/sim/mnist/sims.ts';
import { studentSims } from './studentSims.ts';
import { kernelRegressionSim, overlapMcSim, perpMcSim } from './sims.ts';

/** Issue 5 simulations: fate §4 (ReLU student–teacher), fate Fig 5, ptransfer Table 1 (MNIST). */
export const sec4Sims: SimSpec[] = [overlapMcSim, kernelRegressionSim, perpMcSim, ...fig5Sims, ...studentSims, ...mnistSims];
