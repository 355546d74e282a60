/** The deep-linear GD simulations of fate §3 (wired into sim/fate/index.ts by the lead). */
import type { SimSpec } from '../../../../sim/sim.ts';
import { GD_SIMS } from './sims.ts';

export const gdSims: SimSpec[] = GD_SIMS;
