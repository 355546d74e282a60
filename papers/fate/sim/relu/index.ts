import type { SimSpec } from '../../../../sim/sim.ts';
import { fig5Sims } from '../fig5.ts';
import { studentSims } from './studentSims.ts';
import { kernelRegressionSim, overlapMcSim, perpMcSim } from './sims.ts';

/** fate §4 (ReLU student–teacher) and Fig 5 simulations. */
export const sec4Sims: SimSpec[] = [overlapMcSim, kernelRegressionSim, perpMcSim, ...fig5Sims, ...studentSims];
