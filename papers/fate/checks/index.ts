import type { CheckSpec } from '../../../properties/check.ts';
import { gdChecks } from './gdChecks.ts';
import { fineTuneNoiseless, fineTuneNoisy, ftSigns, ftSignsNoisy, ftZeroAbove1 } from './fineTune.ts';
import { dudley, klFormula } from './kl.ts';
import { linearTransferExact } from './linearTransfer.ts';
import { ltFinite, phaseSigns, printedInterval } from './phaseLt.ts';
import { ridgeAtRightAngle, ridgeFinite, ridgeMonotone } from './ridge.ts';
import { scratchFast, scratchFinite } from './scratch.ts';

export const fateChecks: CheckSpec[] = [
  klFormula,
  dudley,
  scratchFinite,
  scratchFast,
  linearTransferExact,
  ltFinite,
  phaseSigns,
  printedInterval,
  ridgeFinite,
  ridgeMonotone,
  ridgeAtRightAngle,
  fineTuneNoiseless,
  fineTuneNoisy,
  ftSigns,
  ftSignsNoisy,
  ftZeroAbove1,
  ...gdChecks,
];
