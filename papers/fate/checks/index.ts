/** The checks of fate §2–§3 (Thm 2.2 – eq 17), one file per claim; the GD checks in gdChecks.ts. */
import type { CheckSpec } from '../../../properties/check.ts';
import { ftBoundaryResolution, ftSigns, ftSignsNoisy, ftZeroAbove1 } from './eq17.ts';
import { ltBoundaries, ltFinite, ltPrintedLimit, phaseSigns, printedInterval } from './eq13.ts';
import { gdChecks } from './gdChecks.ts';
import { dudley, klFormula } from './thm2_2.ts';
import { scratchFast, scratchFinite, scratchPrintedLimit } from './thm3_6.ts';
import { linearTransferExact } from './thm3_7.ts';
import { ridgeAtRightAngle, ridgeFinite, ridgeMonotone, ridgePrintedLimit, ridgePrintedOptimum } from './thm3_8.ts';
import { fineTuneNoiseless, fineTuneNoisy } from './thm3_9.ts';

export const fateChecks: CheckSpec[] = [
  klFormula,
  dudley,
  scratchFinite,
  scratchFast,
  scratchPrintedLimit,
  linearTransferExact,
  ltFinite,
  phaseSigns,
  printedInterval,
  ltPrintedLimit,
  ltBoundaries,
  ridgeFinite,
  ridgeMonotone,
  ridgeAtRightAngle,
  ridgePrintedLimit,
  ridgePrintedOptimum,
  fineTuneNoiseless,
  fineTuneNoisy,
  ftSigns,
  ftSignsNoisy,
  ftBoundaryResolution,
  ftZeroAbove1,
  ...gdChecks,
];
