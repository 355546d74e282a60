/** The checks of fate §2–§3 (Thm 2.2 – eq 17), one file per claim; the GD checks in gdChecks.ts. */
import type { CheckSpec } from '../../../properties/check.ts';
import { ftSigns, ftSignsNoisy, ftZeroAbove1 } from './eq17.ts';
import { ltFinite, phaseSigns, printedInterval } from './eq13.ts';
import { gdChecks } from './gdChecks.ts';
import { dudley, klFormula } from './thm2_2.ts';
import { scratchFast, scratchFinite } from './thm3_6.ts';
import { linearTransferExact } from './thm3_7.ts';
import { ridgeAtRightAngle, ridgeFinite, ridgeMonotone } from './thm3_8.ts';
import { fineTuneNoiseless, fineTuneNoisy } from './thm3_9.ts';

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
