import type { Claim } from '../../../theory/claim.ts';
import { fig5 } from './fig5.ts';
import { sec4ClaimList } from './sec4Claims.ts';

/** fate §4 (fate.sec4.*) and Fig 5 (fate.fig5) claims. */
export const sec4Claims: Claim[] = [...sec4ClaimList, fig5];
