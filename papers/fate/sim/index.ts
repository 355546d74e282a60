import type { SimSpec } from '../../../sim/sim.ts';
import { gdSims } from './gd/index.ts';
import { lawSims } from './lawSims.ts';
import { transferabilityFtLawSim } from './ftLaw.ts';
import { fastSims, fineTuneSim, klSim, linearTransferNoiseIntegratedSim, linearTransferSim, ridgeTransferSim, scratchNoiseIntegratedSim, scratchSim, transferabilityFtSim, transferabilityLtNoiseIntegratedSim, transferabilityLtSim } from './sims.ts';

export const fateSims: SimSpec[] = [scratchSim, scratchNoiseIntegratedSim, linearTransferSim, linearTransferNoiseIntegratedSim, ridgeTransferSim, fineTuneSim, transferabilityLtSim, transferabilityLtNoiseIntegratedSim, transferabilityFtSim, ...fastSims, ...lawSims, transferabilityFtLawSim, klSim, ...gdSims];
