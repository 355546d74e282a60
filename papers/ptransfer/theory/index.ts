import type { Claim } from '../../../theory/claim.ts';
import { kouClaimList, ptransferClaimList } from './claims.ts';

/** Yuan et al. (paper 'ptransfer') and its baseline Kou et al. (paper 'kou'). */
export const ptransferClaims: Claim[] = [...ptransferClaimList, ...kouClaimList];
export { condition41Transfer, condition41Kou, checkCondition41, DEFAULT_COND41 } from './condition41.ts';
