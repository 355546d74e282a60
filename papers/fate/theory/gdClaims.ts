/** The deep-linear-network GD claims of fate §3.1–3.2: Lemma 3.3, Thm 3.4, Thm 3.5. */
import type { Claim } from '../../../theory/claim.ts';
import { lemma3_3 } from './lemma3_3.ts';
import { thm3_4 } from './thm3_4.ts';
import { thm3_5 } from './thm3_5.ts';

export const gdClaims: Claim[] = [lemma3_3, thm3_4, thm3_5];
