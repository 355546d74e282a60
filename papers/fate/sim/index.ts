import type { SimSpec } from '../../../sim/sim.ts';
import { gdSims } from './gd/index.ts';
import { fastSims, fineTuneSim, klSim, linearTransferNoiseIntegratedSim, linearTransferSim, ridgeTransferSim, scratchSim, transferabilityFtSim, transferabilityLtSim } from './sims.ts';

export const fateSims: SimSpec[] = [scratchSim, linearTransferSim, linearTransferNoiseIntegratedSim, ridgeTransferSim, fineTuneSim, transferabilityLtSim, transferabilityFtSim, ...fastSims, klSim, ...gdSims];
