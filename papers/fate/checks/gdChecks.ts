/** The deep-linear GD checks (wired into properties/fate/index.ts by the lead). */
import type { CheckSpec } from '../../../properties/check.ts';
import { fineTuneDerivedCheck, fineTunePaperCheck } from './gdFineTune.ts';
import { lemma3_3Check } from './gdLemma3_3.ts';
import { linearTransferEndpointCheck } from './gdLinearTransfer.ts';
import { thm3_4AlignCheck, thm3_4RankOneCheck } from './gdThm3_4.ts';
import { thm3_5RateCheck, thm3_5UniqueCheck } from './gdThm3_5.ts';

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
