/** The deep-linear GD checks of fate §3 (Lemma 3.3 – Thm 3.9), one file per claim. */
import type { CheckSpec } from '../../../properties/check.ts';
import { lemma3_3Check } from './gdLemma3_3.ts';
import { thm3_4AlignCheck, thm3_4RankOneCheck } from './gdThm3_4.ts';
import { thm3_5RateCheck, thm3_5UniqueCheck } from './gdThm3_5.ts';
import { linearTransferEndpointCheck } from './gdThm3_7.ts';
import { fineTuneDerivedCheck, fineTunePaperCheck } from './gdThm3_9.ts';

export const gdChecks: CheckSpec[] = [
  lemma3_3Check,
  thm3_4RankOneCheck,
  thm3_4AlignCheck,
  thm3_5RateCheck,
  thm3_5UniqueCheck,
  linearTransferEndpointCheck,
  fineTuneDerivedCheck,
  fineTunePaperCheck,
];
