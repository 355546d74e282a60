import type { Claim } from '../../../theory/claim.ts';
import { fig1a, fig1b, fig1c, fig2 } from './figures.ts';
import { negative } from './negative.ts';
import { prop44 } from './prop4_4.ts';
import { table1 } from './table1.ts';
import { thm42 } from './thm4_2.ts';
import { thm43 } from './thm4_3.ts';
import { thm42Consistency } from './consistency.ts';

export { fig1a, fig1b, fig1c, fig2, negative, prop44, table1, thm42, thm43, thm42Consistency };
export { cond41ForParams } from './hypotheses.ts';

/** The claims of Yuan et al. (its baseline Kou et al. is the paper 'kou', papers/kou/theory). */
export const ptransferClaimList: Claim[] = [thm42, thm43, prop44, negative, fig1a, fig1b, fig1c, fig2, table1, thm42Consistency];
