import type { Claim } from '../../../theory/claim.ts';
import { table1 } from '../../ptransfer/theory/table1.ts';
import { fig5 } from './fig5.ts';
import { sec4ClaimList } from './sec4Claims.ts';

/** Issue 5 claims: fate §4 (fate.sec4.*), fate Fig 5 (fate.fig5), ptransfer Table 1 (ptransfer.table1). */
export const sec4Claims: Claim[] = [...sec4ClaimList, fig5, table1];
