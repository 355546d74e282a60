import type { SimSpec } from '../sim.ts';
import { fastSims, fineTuneSim, klSim, linearTransferSim, ridgeTransferSim, scratchSim, transferabilityFtSim, transferabilityLtSim } from './sims.ts';

export const fateSims: SimSpec[] = [scratchSim, linearTransferSim, ridgeTransferSim, fineTuneSim, transferabilityLtSim, transferabilityFtSim, ...fastSims, klSim];
