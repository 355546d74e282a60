import type { Claim } from '../../../theory/claim.ts';
import { eq13 } from './eq13.ts';
import { eq17 } from './eq17.ts';
import { gdClaims } from './gdClaims.ts';
import { thm2_2 } from './thm2_2.ts';
import { thm3_6 } from './thm3_6.ts';
import { thm3_7 } from './thm3_7.ts';
import { thm3_8 } from './thm3_8.ts';
import { thm3_9 } from './thm3_9.ts';

export const fateClaims: Claim[] = [thm2_2, ...gdClaims, thm3_6, thm3_7, eq13, thm3_8, thm3_9, eq17];
